package io.glint.driver.mqtt.internal.z2m;

import static io.glint.driver.mqtt.internal.z2m.Fixtures.device;
import static io.glint.driver.mqtt.internal.z2m.Fixtures.devices;
import static io.glint.driver.mqtt.internal.z2m.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;

class Z2mDevicesTest {

    @Test
    void every_controllable_device_is_found_in_payload_order_and_nothing_else() {
        List<String> names = devices().stream().map(Z2mDevice::friendlyName).toList();

        assertEquals(List.of("living_room/floor_lamp", "kitchen/ceiling", "office/desk_plug", "hallway/wall_switch",
                "bedroom/radiator", "bathroom/radiator", "living_room/blinds", "bedroom/window",
                "garage/garage_door", "hallway/front_door", "study/Desk Lamp", "Porch Light", "cellar/light"), names);
    }

    @Test
    void coordinator_sensor_only_unsupported_and_disabled_devices_are_left_out() {
        Set<String> names = Set.copyOf(devices().stream().map(Z2mDevice::friendlyName).toList());

        for (String absent : List.of("Coordinator", "garden/weather", "0x00124b0029aaaaaa", "attic/old_lamp")) {
            assertTrue(!names.contains(absent), absent + " should not be a device");
        }
    }

    @Test
    void colour_bulb_is_a_light_with_brightness_and_colour() {
        Z2mDevice lamp = device("living_room/floor_lamp");
        Device d = lamp.device();

        assertEquals("z2m.0x0017880108b5c2f1", d.id());
        assertEquals(DeviceType.LIGHT, d.type());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS, Capability.COLOR), d.capabilities());
        assertEquals("color", lamp.property(Attributes.COLOR).name());
        assertEquals("color_temp", lamp.property(Attributes.COLOR_TEMPERATURE).name());
        assertEquals(254, lamp.property(Attributes.BRIGHTNESS).max());
        assertEquals(Fixtures.DRIVER, d.driver());
        assertEquals(Availability.UNKNOWN, d.availability());
    }

    @Test
    void dimmer_bulb_has_brightness_but_no_colour() {
        Device d = device("kitchen/ceiling").device();

        assertEquals(DeviceType.LIGHT, d.type());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), d.capabilities());
    }

    @Test
    void room_and_name_come_from_the_friendly_name() {
        Z2mDevice ceiling = device("kitchen/ceiling");
        Z2mDevice lamp = device("living_room/floor_lamp");

        assertEquals("kitchen", ceiling.device().room());
        assertEquals("kitchen ceiling", ceiling.device().name());
        assertEquals("living_room", lamp.device().room());
        assertEquals("living room", lamp.room().name());
        assertEquals("living room floor lamp", lamp.device().name());
    }

    @Test
    void friendly_name_without_a_slash_has_no_room_and_gives_the_id_when_there_is_no_ieee_address() {
        Z2mDevice porch = device("Porch Light");

        assertNull(porch.device().room());
        assertNull(porch.room());
        assertEquals("Porch Light", porch.device().name());
        assertEquals("z2m.porch_light", porch.device().id());
        assertEquals(Set.of(Capability.ON_OFF, Capability.COLOR), porch.device().capabilities());
    }

    @Test
    void outlet_is_a_plug_that_switches() {
        Device d = device("office/desk_plug").device();

        assertEquals(DeviceType.PLUG, d.type());
        assertEquals(Set.of(Capability.ON_OFF), d.capabilities());
    }

    @Test
    void switch_module_is_a_switch_bound_to_its_first_endpoint() {
        Z2mDevice d = device("hallway/wall_switch");

        assertEquals(DeviceType.SWITCH, d.device().type());
        assertEquals("state_l1", d.property(Attributes.ON).name());
    }

    @Test
    void radiator_valve_is_a_thermostat_bound_to_the_setpoint_it_exposes() {
        Z2mDevice danfoss = device("bedroom/radiator");
        Z2mDevice tuya = device("bathroom/radiator");

        assertEquals(DeviceType.THERMOSTAT, danfoss.device().type());
        assertEquals(Set.of(Capability.THERMOSTAT), danfoss.device().capabilities());
        assertEquals("occupied_heating_setpoint", danfoss.property(Attributes.TARGET_TEMPERATURE).name());
        assertEquals("local_temperature", danfoss.property(Attributes.TEMPERATURE).name());
        assertEquals("current_heating_setpoint", tuya.property(Attributes.TARGET_TEMPERATURE).name());
        assertEquals(List.of("heat", "auto", "off"), tuya.property(Attributes.MODE).values());
    }

    @Test
    void child_lock_of_a_radiator_valve_is_not_a_door_lock() {
        Device tuya = device("bathroom/radiator").device();

        assertTrue(!tuya.has(Capability.LOCK), "child_lock must not make the valve a lock");
    }

    @Test
    void covers_are_blinds_curtains_or_garage_doors_by_their_words() {
        assertEquals(DeviceType.BLINDS, device("living_room/blinds").device().type());
        assertEquals(DeviceType.CURTAINS, device("bedroom/window").device().type());
        assertEquals(DeviceType.GARAGE_DOOR, device("garage/garage_door").device().type());
        assertEquals(Set.of(Capability.COVER), device("bedroom/window").device().capabilities());
    }

    @Test
    void cover_without_position_is_bound_to_its_open_close_state() {
        Z2mProperty p = device("garage/garage_door").property(Attributes.POSITION);

        assertEquals("state", p.name());
        assertEquals(List.of("OPEN", "CLOSE", "STOP"), p.values());
    }

    @Test
    void door_lock_is_a_lock() {
        Z2mDevice door = device("hallway/front_door");

        assertEquals(DeviceType.LOCK, door.device().type());
        assertEquals(Set.of(Capability.LOCK), door.device().capabilities());
        assertEquals("LOCK", door.property(Attributes.LOCKED).valueOn());
        assertEquals("hallway", door.device().room());
    }

    @Test
    void unknown_and_broken_exposes_are_ignored_and_the_usable_ones_kept() {
        Device lamp = device("study/Desk Lamp").device();

        // brightness has a nonsense access, color_temp is read-only: neither can be commanded.
        assertEquals(DeviceType.LIGHT, lamp.type());
        assertEquals(Set.of(Capability.ON_OFF), lamp.capabilities());
        assertEquals("z2m.0x70ac08fffe112233", lamp.id());
        assertEquals("study Desk Lamp", lamp.name());
    }

    @Test
    void second_entry_with_the_same_ieee_address_is_skipped() {
        long cellar = devices().stream().filter(d -> d.friendlyName().startsWith("cellar/")).count();

        assertEquals(1, cellar);
    }

    @Test
    void ids_follow_the_glint_id_rule() {
        assertEquals("kitchen_ceiling", Z2mDevices.id("Kitchen/Ceiling"));
        assertEquals("wohnzimmer_lampe", Z2mDevices.id("__Wohnzimmer Lampe"));
        assertEquals("caf_", Z2mDevices.id("Café"));
        assertNull(Z2mDevices.id("///"));
        for (Z2mDevice d : devices()) {
            assertTrue(d.device().id().matches("z2m\\.[a-z0-9][a-z0-9_.:-]*"), d.device().id());
        }
    }

    @Test
    void topics_are_built_from_the_friendly_name() {
        Z2mDevice d = device("kitchen/ceiling");

        assertEquals("zigbee2mqtt/kitchen/ceiling/set", d.setTopic("zigbee2mqtt"));
        assertEquals("zigbee2mqtt/kitchen/ceiling/availability", d.availabilityTopic("zigbee2mqtt"));
    }

    @Test
    void bad_json_is_a_clear_error() {
        Z2mPayloadException e = assertThrows(Z2mPayloadException.class,
                () -> new Z2mDevices("t").parse(utf8("[{\"friendly_name\": ")));

        assertTrue(e.getMessage().startsWith("bridge/devices is not valid JSON"), e.getMessage());
    }

    @Test
    void a_payload_that_is_not_an_array_is_a_clear_error() {
        Z2mPayloadException e = assertThrows(Z2mPayloadException.class,
                () -> new Z2mDevices("t").parse(utf8("{\"devices\": []}")));

        assertTrue(e.getMessage().contains("must be a JSON array"), e.getMessage());
    }

    @Test
    void an_empty_message_is_a_clear_error() {
        Z2mPayloadException e = assertThrows(Z2mPayloadException.class, () -> new Z2mDevices("t").parse(
                new byte[0]));

        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void an_oversized_payload_is_refused_before_parsing() {
        byte[] huge = new byte[Z2mDevices.MAX_PAYLOAD_BYTES + 1];

        Z2mPayloadException e = assertThrows(Z2mPayloadException.class, () -> new Z2mDevices("t").parse(huge));

        assertTrue(e.getMessage().contains("more than the " + Z2mDevices.MAX_PAYLOAD_BYTES), e.getMessage());
    }

    @Test
    void a_huge_array_is_refused() {
        String many = "[" + "0,".repeat(Z2mDevices.MAX_DEVICES) + "0]";

        Z2mPayloadException e = assertThrows(Z2mPayloadException.class, () -> new Z2mDevices("t").parse(utf8(
                many)));

        assertTrue(e.getMessage().contains("devices, more than the"), e.getMessage());
    }

    @Test
    void absurd_nesting_is_refused_as_bad_json() {
        String deep = "[" + "[".repeat(5000) + "]".repeat(5000) + "]";

        Z2mPayloadException e = assertThrows(Z2mPayloadException.class, () -> new Z2mDevices("t").parse(utf8(
                deep)));

        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void an_empty_bridge_has_no_devices() throws Exception {
        assertEquals(List.of(), new Z2mDevices("t").parse(utf8("[]")));
    }
}
