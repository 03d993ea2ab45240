package io.glint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.api.skill.FailureCode;

class MemoryHomeTest {
    private MemoryHome home;

    @BeforeEach
    void setUp() {
        home = new MemoryHome()
                .room("kitchen", "kitchen", "厨房").room("living_room", "living room", "lounge", "客厅")
                .room("hallway", "hallway", "走廊").room("garage", "garage", "车库")
                .light("kitchen.light", "kitchen light", "kitchen", List.of("厨房灯"), Capability.BRIGHTNESS)
                .light("living.lamp", "floor lamp", "living_room", List.of("落地灯"), Capability.BRIGHTNESS,
                        Capability.COLOR)
                .light("porch", "porch light", null, List.of())
                .plug("kitchen.kettle", "kettle", "kitchen", List.of("电水壶"))
                .device("living.tv", DeviceType.TV, "TV", "living_room", List.of("电视"),
                        EnumSet.of(Capability.ON_OFF, Capability.MEDIA),
                        Map.of(Attributes.ON, false, Attributes.PLAYING, "", Attributes.VOLUME, 20))
                .device("living.speaker", DeviceType.SPEAKER, "speaker", "living_room", List.of("音箱"),
                        EnumSet.of(Capability.MEDIA), Map.of(Attributes.PLAYING, ""))
                .device("hallway.lock", DeviceType.LOCK, "front door lock", "hallway", List.of("前门"),
                        EnumSet.of(Capability.LOCK), Map.of(Attributes.LOCKED, true))
                .device("garage.door", DeviceType.GARAGE_DOOR, "garage door", "garage", List.of("车库门"),
                        EnumSet.of(Capability.COVER), Map.of(Attributes.POSITION, 0))
                .device("living.blinds", DeviceType.BLINDS, "blinds", "living_room", List.of(),
                        EnumSet.of(Capability.COVER), Map.of(Attributes.POSITION, 0))
                .device("living.vacuum", DeviceType.VACUUM, "robot vacuum", "living_room", List.of(),
                        EnumSet.of(Capability.VACUUM), Map.of(Attributes.VACUUM_STATE, "docked"));
    }

    // ---- what a skill sees -----------------------------------------------------------------------------

    @Test
    void rooms_and_devices_are_found_as_a_skill_looks_for_them() {
        assertEquals(List.of("kitchen", "living_room", "hallway", "garage"),
                home.rooms().stream().map(Room::id).toList());
        assertEquals(List.of("lounge", "客厅"), home.room("living_room").orElseThrow().aliases());
        assertEquals("客厅", home.room("living_room").orElseThrow().nameIn("zh"));
        assertEquals(List.of("kitchen.light", "kitchen.kettle"),
                home.inRoom("kitchen").stream().map(Device::id).toList());
        assertEquals(List.of("kitchen.light", "living.lamp"),
                home.with(Capability.BRIGHTNESS, null).stream().map(Device::id).toList());
        assertEquals(List.of("living.lamp"),
                home.with(Capability.BRIGHTNESS, "living_room").stream().map(Device::id).toList());
        assertTrue(home.get("nowhere").isEmpty());
        assertTrue(home.room("attic").isEmpty());
    }

    @Test
    void builders_make_online_devices_with_their_type_capabilities_and_state() {
        Device lamp = home.get("living.lamp").orElseThrow();
        assertEquals(DeviceType.LIGHT, lamp.type());
        assertEquals(EnumSet.of(Capability.ON_OFF, Capability.BRIGHTNESS, Capability.COLOR), lamp.capabilities());
        assertEquals(Map.of(Attributes.ON, false, Attributes.BRIGHTNESS, 100), lamp.state());
        assertEquals("落地灯", lamp.nameIn("zh"));
        assertEquals("living_room", lamp.room());
        assertEquals(Availability.ONLINE, lamp.availability());
        assertEquals(MemoryHome.DRIVER, lamp.driver());
        Device porch = home.get("porch").orElseThrow();
        assertEquals(null, porch.room());
        assertEquals(Map.of(Attributes.ON, false), porch.state());
        Device kettle = home.get("kitchen.kettle").orElseThrow();
        assertEquals(DeviceType.PLUG, kettle.type());
        assertEquals(Set.of(Capability.ON_OFF), kettle.capabilities());
    }

    @Test
    void a_device_built_with_the_sdk_builder_is_kept_as_it_is() {
        home.device(Device.builder("garden.sensor").name("garden sensor").type(DeviceType.SENSOR)
                .state(Attributes.TEMPERATURE, 12.5).availability(Availability.UNKNOWN, null).driver("zigbee").build());
        Device sensor = home.get("garden.sensor").orElseThrow();
        assertEquals("zigbee", sensor.driver());
        assertEquals(Availability.UNKNOWN, sensor.availability());
        assertEquals(12.5, home.state("garden.sensor", Attributes.TEMPERATURE));
    }

    @Test
    void revision_changes_when_rooms_or_devices_change_and_not_on_state() {
        long before = home.revision();
        home.execute("kitchen.light", Command.turnOn());
        home.set("kitchen.light", Attributes.BRIGHTNESS, 30);
        home.offline("kitchen.light", null);
        assertEquals(before, home.revision());
        home.room("office", "office", "书房");
        long afterRoom = home.revision();
        assertNotEquals(before, afterRoom);
        home.plug("office.fan", "fan", "office", List.of());
        long afterDevice = home.revision();
        assertNotEquals(afterRoom, afterDevice);
        home.remove("office.fan");
        assertNotEquals(afterDevice, home.revision());
        assertTrue(home.get("office.fan").isEmpty());
    }

    @Test
    void an_unknown_id_in_the_test_setup_is_an_error_that_names_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> home.state("kitchen.lamp", Attributes.ON));
        assertTrue(e.getMessage().contains("kitchen.lamp"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> home.deaf("kitchen.lamp"));
        assertThrows(IllegalArgumentException.class, () -> home.offline("kitchen.lamp", null));
        assertThrows(IllegalArgumentException.class, () -> home.set("kitchen.lamp", Attributes.ON, true));
        assertThrows(IllegalArgumentException.class, () -> home.remove("kitchen.lamp"));
    }

    // ---- commands that reach the device ----------------------------------------------------------------

    @Test
    void a_command_changes_the_state_and_is_recorded() {
        CommandResult r = home.execute("kitchen.kettle", Command.turnOn());
        assertEquals(CommandResult.ok("kitchen.kettle"), r);
        assertEquals(true, home.state("kitchen.kettle", Attributes.ON));
        assertEquals(List.of("kitchen.kettle:on=true"), home.sent());
        assertEquals(List.of(Command.turnOn()), home.commands());
    }

    @Test
    void execute_all_answers_each_device_in_order() {
        List<CommandResult> results = home.executeAll(List.of("kitchen.light", "nowhere", "porch"), Command.turnOn());
        assertEquals(List.of("kitchen.light", "nowhere", "porch"), results.stream().map(CommandResult::deviceId).toList());
        assertEquals(List.of(true, false, true), results.stream().map(CommandResult::ok).toList());
        assertEquals(true, home.state("porch", Attributes.ON));
    }

    @Test
    void brightness_above_zero_switches_a_light_on_and_zero_switches_it_off() {
        home.execute("kitchen.light", Command.brightness(40));
        assertEquals(40, home.state("kitchen.light", Attributes.BRIGHTNESS));
        assertEquals(true, home.state("kitchen.light", Attributes.ON));
        home.execute("kitchen.light", Command.brightness(0));
        assertEquals(false, home.state("kitchen.light", Attributes.ON));
    }

    @Test
    void switching_on_a_light_dimmed_to_nothing_brings_it_back_at_full() {
        home.set("kitchen.light", Attributes.BRIGHTNESS, 0);
        home.execute("kitchen.light", Command.turnOn());
        assertEquals(100, home.state("kitchen.light", Attributes.BRIGHTNESS));
        home.set("living.lamp", Attributes.BRIGHTNESS, 30);
        home.execute("living.lamp", Command.turnOn());
        assertEquals(30, home.state("living.lamp", Attributes.BRIGHTNESS));
    }

    @Test
    void a_colour_switches_a_light_on() {
        home.execute("living.lamp", Command.colorTemperature(2700));
        assertEquals(2700, home.state("living.lamp", Attributes.COLOR_TEMPERATURE));
        assertEquals(true, home.state("living.lamp", Attributes.ON));
    }

    @Test
    void playing_something_switches_a_tv_on_and_a_speaker_without_a_switch_just_plays() {
        home.execute("living.tv", Command.play("the news"));
        assertEquals("the news", home.state("living.tv", Attributes.PLAYING));
        assertEquals(true, home.state("living.tv", Attributes.ON));
        home.execute("living.speaker", Command.play("jazz"));
        assertEquals("jazz", home.state("living.speaker", Attributes.PLAYING));
        assertEquals(null, home.state("living.speaker", Attributes.ON));
        home.set("living.tv", Attributes.ON, false);
        home.execute("living.tv", Command.play(""));
        assertEquals(false, home.state("living.tv", Attributes.ON));
    }

    @Test
    void a_vacuum_sent_to_a_room_reports_its_state_and_the_room_apart() {
        home.execute("living.vacuum", Command.startVacuum("kitchen"));
        assertEquals("cleaning", home.state("living.vacuum", Attributes.VACUUM_STATE));
        assertEquals("kitchen", home.state("living.vacuum", Attributes.VACUUM_ROOM));
        assertEquals(List.of("living.vacuum:vacuum_state=cleaning:kitchen"), home.sent());
        home.execute("living.vacuum", Command.startVacuum(null));
        assertEquals("cleaning", home.state("living.vacuum", Attributes.VACUUM_STATE));
        assertEquals("", home.state("living.vacuum", Attributes.VACUUM_ROOM));
    }

    @Test
    void set_changes_state_without_a_command_and_clear_sent_forgets_the_commands() {
        home.set("living.tv", Attributes.VOLUME, 55);
        assertEquals(55, home.state("living.tv", Attributes.VOLUME));
        assertEquals(false, home.state("living.tv", Attributes.ON));
        assertTrue(home.sent().isEmpty());
        home.execute("living.tv", Command.volume(10));
        assertEquals(1, home.sent().size());
        home.clearSent();
        assertTrue(home.sent().isEmpty());
        assertTrue(home.commands().isEmpty());
        assertEquals(10, home.state("living.tv", Attributes.VOLUME));
    }

    // ---- commands the hub or the device refuses --------------------------------------------------------

    @Test
    void a_deaf_device_does_not_answer_within_2_s_and_keeps_its_state() {
        home.deaf("porch");
        CommandResult r = home.execute("porch", Command.turnOn());
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("The porch light did not answer within 2 s.", r.reason());
        assertEquals(false, home.state("porch", Attributes.ON));
        assertEquals(List.of("porch:on=true"), home.sent());
    }

    @Test
    void a_device_deaf_to_one_attribute_answers_the_others() {
        home.deaf("living.tv", Attributes.PLAYING);
        assertTrue(home.execute("living.tv", Command.turnOn()).ok());
        CommandResult play = home.execute("living.tv", Command.play("the news"));
        assertEquals(FailureCode.DEVICE_UNREACHABLE, play.code());
        assertEquals("The TV did not answer within 2 s.", play.reason());
        assertEquals(true, home.state("living.tv", Attributes.ON));
        assertEquals("", home.state("living.tv", Attributes.PLAYING));
    }

    @Test
    void an_offline_device_is_unreachable_and_says_why_when_it_is_known() {
        home.offline("living.tv", "its hub is unplugged");
        assertFalse(home.get("living.tv").orElseThrow().online());
        CommandResult r = home.execute("living.tv", Command.turnOn());
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("The TV is offline: its hub is unplugged.", r.reason());
        assertEquals(false, home.state("living.tv", Attributes.ON));
        home.offline("kitchen.kettle", null);
        assertEquals("The kettle is offline.", home.execute("kitchen.kettle", Command.turnOn()).reason());
    }

    @Test
    void commands_outside_the_grants_are_not_allowed_and_change_nothing() {
        home.grants(Capability.ON_OFF);
        CommandResult r = home.execute("living.tv", Command.volume(50));
        assertEquals(FailureCode.NOT_ALLOWED, r.code());
        assertTrue(r.reason().contains("MEDIA"), r.reason());
        assertEquals(20, home.state("living.tv", Attributes.VOLUME));
        assertTrue(home.execute("living.tv", Command.turnOn()).ok());
        assertEquals(List.of("living.tv:volume=50", "living.tv:on=true"), home.sent());
        home.grants(EnumSet.of(Capability.MEDIA));
        assertTrue(home.execute("living.tv", Command.volume(50)).ok());
        assertEquals(FailureCode.NOT_ALLOWED, home.execute("living.tv", Command.turnOff()).code());
    }

    @Test
    void an_unknown_device_is_no_device_and_one_without_the_capability_is_not_supported() {
        assertEquals(FailureCode.NO_DEVICE, home.execute("attic.light", Command.turnOn()).code());
        CommandResult r = home.execute("kitchen.kettle", Command.brightness(50));
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
        assertEquals("The kettle cannot do that (BRIGHTNESS).", r.reason());
        assertEquals(null, home.state("kitchen.kettle", Attributes.BRIGHTNESS));
    }

    @Test
    void unlocking_is_held_for_the_wearers_confirmation_and_locking_is_not() {
        CommandResult r = home.execute("hallway.lock", Command.unlock());
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, r.code());
        assertEquals("Unlock the front door lock? The wearer has to confirm first.", r.reason());
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
        home.set("hallway.lock", Attributes.LOCKED, false);
        assertTrue(home.execute("hallway.lock", Command.lock()).ok());
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
        assertEquals(List.of("hallway.lock:locked=false", "hallway.lock:locked=true"), home.sent());
    }

    @Test
    void opening_the_garage_door_is_held_and_closing_it_or_opening_blinds_is_not() {
        CommandResult r = home.execute("garage.door", Command.coverPosition(30));
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, r.code());
        assertEquals("Open the garage door? The wearer has to confirm first.", r.reason());
        assertEquals(0, home.state("garage.door", Attributes.POSITION));
        home.set("garage.door", Attributes.POSITION, 100);
        assertTrue(home.execute("garage.door", Command.coverPosition(0)).ok());
        assertEquals(0, home.state("garage.door", Attributes.POSITION));
        assertTrue(home.execute("living.blinds", Command.coverPosition(100)).ok());
        assertEquals(100, home.state("living.blinds", Attributes.POSITION));
    }

    @Test
    void a_lock_or_garage_door_command_of_an_unexpected_value_is_held_too() {
        assertEquals(FailureCode.CONFIRMATION_REQUIRED,
                home.execute("hallway.lock", new Command(Capability.LOCK, Attributes.LOCKED, "false")).code());
        assertEquals(FailureCode.CONFIRMATION_REQUIRED,
                home.execute("garage.door", new Command(Capability.COVER, Attributes.POSITION, "0")).code());
        assertEquals(0, home.state("garage.door", Attributes.POSITION));
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
    }

    @Test
    void a_sensitive_command_is_held_before_anything_else_is_checked_as_in_the_hub() {
        home.offline("hallway.lock", "its battery is flat");
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, home.execute("hallway.lock", Command.unlock()).code());
        home.grants(Capability.ON_OFF);
        assertEquals(FailureCode.NOT_ALLOWED, home.execute("hallway.lock", Command.unlock()).code());
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
    }

    // ---- a home from a file ----------------------------------------------------------------------------

    @Test
    void read_takes_a_home_in_the_virtual_drivers_format() throws Exception {
        String json = """
                {"rooms": [{"id": "kitchen", "name": "kitchen", "aliases": ["厨房"]}],
                 "devices": [
                   {"id": "kitchen.light", "name": "kitchen light", "room": "kitchen", "type": "light",
                    "aliases": ["厨房灯"], "capabilities": ["ON_OFF", "BRIGHTNESS"],
                    "state": {"on": false, "brightness": 80}},
                   {"id": "hall.sensor", "name": "sensor", "type": "sensor", "state": {"temperature": 20.5}}]}
                """;
        MemoryHome read = MemoryHome.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("厨房", read.room("kitchen").orElseThrow().nameIn("zh"));
        Device light = read.get("kitchen.light").orElseThrow();
        assertEquals(DeviceType.LIGHT, light.type());
        assertEquals("kitchen", light.room());
        assertEquals(List.of("厨房灯"), light.aliases());
        assertEquals(EnumSet.of(Capability.ON_OFF, Capability.BRIGHTNESS), light.capabilities());
        assertEquals(80, read.state("kitchen.light", Attributes.BRIGHTNESS));
        assertEquals(null, read.get("hall.sensor").orElseThrow().room());
        assertEquals(20.5, read.state("hall.sensor", Attributes.TEMPERATURE));
        assertTrue(read.execute("kitchen.light", Command.brightness(0)).ok());
        assertEquals(false, read.state("kitchen.light", Attributes.ON));
    }
}
