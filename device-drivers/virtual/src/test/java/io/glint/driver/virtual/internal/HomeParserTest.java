package io.glint.driver.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;

class HomeParserTest {

    private static Home defaultHome() throws HomeFileException {
        return new HomeParser("virtual").parseDefault();
    }

    private static List<Device> devices(Home home) {
        return home.devices().stream().map(VirtualDevice::device).toList();
    }

    private static long count(Home home, DeviceType type) {
        return devices(home).stream().filter(d -> d.type() == type).count();
    }

    /** The message a broken home gives. */
    private static String problem(String json) {
        return assertThrows(HomeFileException.class, () -> TestHomes.parse(json)).getMessage();
    }

    private static String oneDevice(String fields) {
        return "{\"rooms\": [{\"id\": \"kitchen\", \"name\": \"kitchen\"}], \"devices\": [{" + fields + "}]}";
    }

    @Test
    void default_home_has_the_rooms_and_devices_the_demo_needs() throws Exception {
        Home home = defaultHome();

        assertTrue(home.rooms().size() >= 3, "rooms: " + home.rooms());
        assertTrue(count(home, DeviceType.LIGHT) >= 5, "lights");
        for (DeviceType type : List.of(DeviceType.PLUG, DeviceType.THERMOSTAT, DeviceType.BLINDS, DeviceType.LOCK,
                DeviceType.VACUUM, DeviceType.COFFEE_MAKER, DeviceType.TV, DeviceType.SPEAKER,
                DeviceType.AIR_CONDITIONER, DeviceType.CURTAINS, DeviceType.GARAGE_DOOR, DeviceType.FAN)) {
            assertTrue(count(home, type) >= 1, "no " + type + " in the default home");
        }
    }

    @Test
    void default_home_starts_healthy_with_every_device_answering_and_every_light_off() throws Exception {
        Home home = defaultHome();

        assertTrue(home.devices().stream().allMatch(VirtualDevice::responds));
        assertTrue(devices(home).stream().allMatch(d -> d.availability() == Availability.ONLINE
                && d.driver().equals("virtual")));
        devices(home).stream().filter(d -> d.type() == DeviceType.LIGHT)
                .forEach(d -> assertEquals(false, d.state("on"), d.id()));
    }

    @Test
    void default_home_has_realistic_initial_state() throws Exception {
        Map<String, Device> byId = devices(defaultHome()).stream()
                .collect(Collectors.toMap(Device::id, d -> d));

        Device thermostat = byId.get("hallway.thermostat");
        assertEquals(21.0, thermostat.state("target_temperature"));
        assertEquals(20.5, thermostat.state("temperature"));
        assertEquals(true, byId.get("hallway.front_door_lock").state("locked"));
        assertEquals("docked", byId.get("living_room.vacuum").state("vacuum_state"));
        assertEquals(Set.of(Capability.ON_OFF, Capability.THERMOSTAT),
                byId.get("living_room.air_conditioner").capabilities());
        assertEquals(Set.of(Capability.ON_OFF, Capability.MEDIA), byId.get("living_room.tv").capabilities());
    }

    @Test
    void two_devices_in_different_rooms_answer_to_lamp() throws Exception {
        List<Device> lamps = devices(defaultHome()).stream().filter(d -> d.aliases().contains("lamp")).toList();

        assertEquals(2, lamps.size(), "devices called lamp: " + lamps);
        assertEquals(2, lamps.stream().map(Device::room).distinct().count());
    }

    @Test
    void every_default_room_and_device_has_a_chinese_name() throws Exception {
        Home home = defaultHome();

        for (Room r : home.rooms()) {
            assertTrue(r.aliases().stream().anyMatch(HomeParserTest::chinese), "room " + r.id());
        }
        for (Device d : devices(home)) {
            assertTrue(d.aliases().stream().anyMatch(HomeParserTest::chinese), "device " + d.id());
        }
    }

    private static boolean chinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void lower_case_type_and_capabilities_are_accepted() throws Exception {
        Home home = TestHomes.parse(oneDevice("""
                "id": "k.light", "name": "light", "room": "kitchen", "type": "light",
                "capabilities": ["on_off", "brightness"]"""));

        Device d = home.devices().get(0).device();
        assertEquals(DeviceType.LIGHT, d.type());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), d.capabilities());
    }

    @Test
    void responds_defaults_to_true_and_latency_to_none() throws Exception {
        VirtualDevice d = TestHomes.parse(oneDevice("""
                "id": "k.plug", "name": "plug", "type": "plug", "capabilities": ["ON_OFF"]""")).devices().get(0);

        assertTrue(d.responds());
        assertEquals(Optional.empty(), d.latency());
        assertEquals(null, d.device().room());
    }

    @Test
    void a_silent_device_and_its_latency_are_read() throws Exception {
        VirtualDevice d = TestHomes.parse(oneDevice("""
                "id": "porch", "name": "porch light", "type": "light", "capabilities": ["ON_OFF"],
                "responds": false, "latencyMs": 1500""")).devices().get(0);

        assertFalse(d.responds());
        assertEquals(Optional.of(Duration.ofMillis(1500)), d.latency());
    }

    @Test
    void a_single_alias_may_be_written_without_brackets() throws Exception {
        Home home = TestHomes.parse(oneDevice("""
                "id": "k.plug", "name": "plug", "type": "plug", "aliases": "kettle\""""));

        assertEquals(List.of("kettle"), home.devices().get(0).device().aliases());
    }

    @Test
    void unknown_capability_is_rejected_listing_the_valid_ones() {
        String message = problem(oneDevice("""
                "id": "k.light", "name": "kitchen light", "type": "light", "capabilities": ["ON_OFF", "DIMMER"]"""));

        assertTrue(message.startsWith("Home file test-home.json: "), message);
        assertTrue(message.contains("device \"k.light\" (devices[0]): capability \"DIMMER\" is not known"), message);
        assertTrue(message.contains("[ON_OFF, BRIGHTNESS, COLOR, THERMOSTAT, COVER, LOCK, VACUUM, COFFEE_MAKER,"
                + " MEDIA, NAVIGATION, PHONE]"), message);
    }

    @Test
    void duplicate_device_id_is_rejected_naming_both_entries() {
        String message = problem("""
                {"devices": [
                   {"id": "lamp", "name": "lamp", "type": "light"},
                   {"id": "lamp", "name": "other lamp", "type": "light"}]}""");

        assertEquals("Home file test-home.json: device \"lamp\" (devices[1]): the id is already used by"
                + " devices[0]; ids must be unique, rename one of them", message);
    }

    @Test
    void duplicate_room_id_is_rejected() {
        String message = problem("""
                {"rooms": [{"id": "kitchen", "name": "kitchen"}, {"id": "kitchen", "name": "cuisine"}]}""");

        assertTrue(message.contains("room \"kitchen\" (rooms[1]): the id is already used by rooms[0]"), message);
    }

    @Test
    void device_in_an_undefined_room_is_rejected_listing_the_rooms() {
        String message = problem(oneDevice("""
                "id": "k.light", "name": "kitchen light", "type": "light", "room": "kichen\""""));

        assertTrue(message.contains("device \"k.light\" (devices[0]): room \"kichen\" is not defined; the rooms are"
                + " kitchen (add it to \"rooms\" or fix the spelling)"), message);
    }

    @Test
    void state_attribute_of_a_capability_the_device_lacks_is_rejected() {
        String message = problem(oneDevice("""
                "id": "k.plug", "name": "plug", "type": "plug", "capabilities": ["ON_OFF"],
                "state": {"brightness": 40}"""));

        assertTrue(message.contains("state \"brightness\" belongs to capability BRIGHTNESS, which the device does"
                + " not have; add BRIGHTNESS to \"capabilities\" or remove the attribute"), message);
    }

    @Test
    void state_attribute_that_does_not_exist_is_rejected_listing_the_attributes() {
        String message = problem(oneDevice("""
                "id": "k.light", "name": "light", "type": "light", "capabilities": ["ON_OFF"],
                "state": {"colour": "red"}"""));

        assertTrue(message.contains("state \"colour\" is not an attribute; the attributes are [on, brightness, color,"),
                message);
    }

    @Test
    void state_value_of_the_wrong_kind_is_rejected_saying_what_is_expected() {
        String message = problem(oneDevice("""
                "id": "k.light", "name": "light", "type": "light", "capabilities": ["BRIGHTNESS"],
                "state": {"brightness": "high"}"""));

        assertTrue(message.contains("state \"brightness\": brightness must be a whole number from 0 to 100%,"
                + " not \"high\""), message);
    }

    @Test
    void unknown_type_is_rejected_listing_the_types() {
        String message = problem(oneDevice("""
                "id": "k.lamp", "name": "lamp", "type": "lamp\""""));

        assertTrue(message.contains("type \"lamp\" is not a device type; use one of light, plug, switch,"), message);
    }

    @Test
    void invalid_id_is_rejected_with_the_api_rule() {
        String message = problem(oneDevice("""
                "id": "Kitchen Light", "name": "light", "type": "light\""""));

        assertTrue(message.contains("device \"Kitchen Light\" (devices[0]): Invalid id \"Kitchen Light\": use"
                + " lower-case letters"), message);
    }

    @Test
    void negative_latency_is_rejected() {
        String message = problem(oneDevice("""
                "id": "k.light", "name": "light", "type": "light", "latencyMs": -5"""));

        assertTrue(message.contains("\"latencyMs\" must be from 0 to 60000, not -5"), message);
    }

    @Test
    void every_problem_is_reported_at_once() {
        HomeFileException e = assertThrows(HomeFileException.class, () -> TestHomes.parse("""
                {"rooms": [{"id": "kitchen"}],
                 "devices": [{"name": "light", "type": "light"},
                             {"id": "plug", "name": "plug", "type": "socket", "room": "garage"}]}"""));

        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Home file test-home.json has 4 problems:\n - room \"kitchen\""),
                e.getMessage());
    }

    @Test
    void misspelt_field_is_reported_with_its_path_line_and_the_valid_fields() {
        String message = problem("""
                {"devices": [
                  {"id": "k.light", "name": "light", "type": "light",
                   "capabilites": ["ON_OFF"]}]}""");

        assertTrue(message.startsWith("Home file test-home.json: devices[0].capabilites: unknown field"
                + " \"capabilites\"; the fields here are"), message);
        assertTrue(message.contains("capabilities"), message);
        assertTrue(message.contains("(line 3, column"), message);
    }

    @Test
    void broken_json_is_reported_with_its_line() {
        String message = problem("""
                {"rooms": [
                  {"id": "kitchen", "name": "kitchen"}
                  {"id": "hall", "name": "hall"}]}""");

        assertTrue(message.contains("(line 3, column"), message);
    }

    @Test
    void empty_file_says_what_a_home_file_looks_like() {
        assertEquals("Home file test-home.json: the file is empty; a home file looks like"
                + " {\"rooms\": [...], \"devices\": [...]}", problem("  \n"));
    }

    @Test
    void missing_file_names_the_path_and_the_setting(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.json");

        String message = assertThrows(HomeFileException.class,
                () -> new HomeParser("virtual").parseFile(missing.toString())).getMessage();

        assertEquals("Home file " + missing.toAbsolutePath() + ": does not exist; check the homeFile setting of"
                + " io.glint.driver.virtual, or leave it empty to use the default home", message);
    }

    @Test
    void a_home_file_on_disk_is_read(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("home.json");
        Files.writeString(file, TestHomes.SMALL);

        Home home = new HomeParser("sim").parseFile(file.toString());

        assertEquals(file.toAbsolutePath().toString(), home.source());
        assertEquals(12, home.devices().size());
        assertEquals("sim", home.devices().get(0).device().driver());
    }

    @Test
    void every_device_of_the_default_home_lives_somewhere_on_mqtt() throws Exception {
        Home home = defaultHome();
        Set<String> topics = home.devices().stream().map(VirtualDevice::topic).collect(Collectors.toSet());
        assertEquals(home.devices().size(), topics.size(), "one topic each");
        assertEquals("zigbee2mqtt/kitchen/light", home.devices().stream().filter(d -> d.id().equals("kitchen.light"))
                .findFirst().orElseThrow().topic());
        assertTrue(home.devices().stream().filter(d -> d.device().type() == DeviceType.TV)
                .allMatch(d -> d.topic().startsWith("homie/5/")), "zigbee2mqtt has no TVs: Homie");
    }

    @Test
    void topics_must_suit_the_device_and_be_unique() {
        assertTrue(problem(oneDevice("\"id\": \"kitchen.tv\", \"name\": \"TV\", \"type\": \"tv\","
                + " \"capabilities\": [\"ON_OFF\", \"MEDIA\"], \"topic\": \"zigbee2mqtt/kitchen/tv\""))
                .contains("a zigbee2mqtt device cannot simulate [MEDIA]; use a homie/5/<id> topic"));
        assertTrue(problem(oneDevice("\"id\": \"kitchen.lock\", \"name\": \"lock\", \"type\": \"lock\","
                + " \"capabilities\": [\"LOCK\"], \"topic\": \"homie/5/lock\""))
                .contains("a Homie device cannot simulate [LOCK]"));
        assertTrue(problem(oneDevice("\"id\": \"kitchen.fan\", \"name\": \"fan\", \"type\": \"fan\","
                + " \"capabilities\": [\"ON_OFF\"], \"topic\": \"homie/5/Kitchen_Fan\""))
                .contains("is not homie/5/<id> with a Homie id"));
        assertTrue(problem(oneDevice("\"id\": \"kitchen.fan\", \"name\": \"fan\", \"type\": \"fan\","
                + " \"capabilities\": [\"ON_OFF\"], \"topic\": \"zigbee2mqtt/kitchen/fan/set\""))
                .contains("is not usable as zigbee2mqtt/<friendly name>"));
        assertTrue(problem(oneDevice("\"id\": \"kitchen.fan\", \"name\": \"fan\", \"type\": \"fan\","
                + " \"capabilities\": [\"ON_OFF\"], \"topic\": \"tasmota/fan\""))
                .contains("\"topic\" must be zigbee2mqtt/<friendly name> or homie/5/<id>"));
        String twice = "{\"devices\": [{\"id\": \"a\", \"name\": \"a\", \"type\": \"plug\", \"capabilities\":"
                + " [\"ON_OFF\"], \"topic\": \"zigbee2mqtt/plug\"}, {\"id\": \"b\", \"name\": \"b\", \"type\":"
                + " \"plug\", \"capabilities\": [\"ON_OFF\"], \"topic\": \"zigbee2mqtt/plug\"}]}";
        assertTrue(problem(twice).contains("the topic zigbee2mqtt/plug is already used by device \"a\""),
                problem(twice));
    }
}
