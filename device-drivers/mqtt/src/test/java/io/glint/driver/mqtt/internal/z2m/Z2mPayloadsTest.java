package io.glint.driver.mqtt.internal.z2m;

import static io.glint.driver.mqtt.internal.z2m.Fixtures.device;
import static io.glint.driver.mqtt.internal.z2m.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.skill.FailureCode;

class Z2mPayloadsTest {
    private final Z2mDevice lamp = device("living_room/floor_lamp");
    private final Z2mDevice ceiling = device("kitchen/ceiling");
    private final Z2mDevice plug = device("office/desk_plug");
    private final Z2mDevice wallSwitch = device("hallway/wall_switch");
    private final Z2mDevice danfoss = device("bedroom/radiator");
    private final Z2mDevice tuya = device("bathroom/radiator");
    private final Z2mDevice blinds = device("living_room/blinds");
    private final Z2mDevice garage = device("garage/garage_door");
    private final Z2mDevice door = device("hallway/front_door");

    // --- commands: the exact payloads zigbee2mqtt takes on <base>/<friendly_name>/set

    @Test
    void on_and_off_are_state_on_and_off() throws Exception {
        assertEquals("{\"state\":\"ON\"}", Z2mPayloads.set(plug, Command.turnOn()));
        assertEquals("{\"state\":\"OFF\"}", Z2mPayloads.set(lamp, Command.turnOff()));
    }

    @Test
    void switch_module_is_commanded_on_its_endpoint_property() throws Exception {
        assertEquals("{\"state_l1\":\"ON\"}", Z2mPayloads.set(wallSwitch, Command.turnOn()));
    }

    @Test
    void brightness_percent_is_scaled_to_254() throws Exception {
        assertEquals("{\"brightness\":254}", Z2mPayloads.set(ceiling, Command.brightness(100)));
        assertEquals("{\"brightness\":127}", Z2mPayloads.set(ceiling, Command.brightness(50)));
        assertEquals("{\"brightness\":0}", Z2mPayloads.set(ceiling, Command.brightness(0)));
    }

    @Test
    void colour_names_and_hex_become_a_hex_colour() throws Exception {
        assertEquals("{\"color\":{\"hex\":\"#ff0000\"}}", Z2mPayloads.set(lamp, Command.color("red")));
        assertEquals("{\"color\":{\"hex\":\"#87ceeb\"}}", Z2mPayloads.set(lamp, Command.color("Sky Blue")));
        assertEquals("{\"color\":{\"hex\":\"#12abef\"}}", Z2mPayloads.set(lamp, Command.color("#12ABEF")));
    }

    @Test
    void unknown_colour_is_an_invalid_value_that_names_the_device() {
        Z2mCommandException e = assertThrows(Z2mCommandException.class,
                () -> Z2mPayloads.set(lamp, Command.color("octarine")));

        assertEquals(FailureCode.INVALID_VALUE, e.code());
        assertTrue(e.getMessage().contains("living room floor lamp") && e.getMessage().contains("octarine"),
                e.getMessage());
    }

    @Test
    void colour_temperature_kelvin_becomes_mireds_within_the_bulb_range() throws Exception {
        assertEquals("{\"color_temp\":370}", Z2mPayloads.set(lamp, Command.colorTemperature(2700)));
        assertEquals("{\"color_temp\":250}", Z2mPayloads.set(lamp, Command.colorTemperature(4000)));
        // 1000 K would be 1000 mireds; the Hue bulb stops at 500.
        assertEquals("{\"color_temp\":500}", Z2mPayloads.set(lamp, Command.colorTemperature(1000)));
        assertEquals("{\"color_temp\":153}", Z2mPayloads.set(lamp, Command.colorTemperature(10000)));
    }

    @Test
    void dimmer_bulb_cannot_change_colour() {
        Z2mCommandException e = assertThrows(Z2mCommandException.class,
                () -> Z2mPayloads.set(ceiling, Command.color("blue")));

        assertEquals(FailureCode.NOT_SUPPORTED, e.code());
        assertEquals("The kitchen ceiling cannot change colour.", e.getMessage());
    }

    @Test
    void target_temperature_goes_to_the_setpoint_the_valve_exposes_rounded_to_its_step() throws Exception {
        assertEquals("{\"occupied_heating_setpoint\":21.5}",
                Z2mPayloads.set(danfoss, Command.targetTemperature(21.4)));
        assertEquals("{\"current_heating_setpoint\":20.0}", Z2mPayloads.set(tuya, Command.targetTemperature(20)));
    }

    @Test
    void set_point_outside_the_valve_range_is_refused() {
        Z2mCommandException e = assertThrows(Z2mCommandException.class,
                () -> Z2mPayloads.set(tuya, Command.targetTemperature(33)));

        assertEquals(FailureCode.INVALID_VALUE, e.code());
        assertEquals("The bathroom radiator can only be set from 5 to 30 °C.", e.getMessage());
    }

    @Test
    void mode_must_be_one_the_thermostat_offers() throws Exception {
        Command auto = new Command(Capability.THERMOSTAT, Attributes.MODE, "auto");

        assertEquals("{\"system_mode\":\"auto\"}", Z2mPayloads.set(tuya, auto));
        assertEquals(FailureCode.INVALID_VALUE,
                assertThrows(Z2mCommandException.class, () -> Z2mPayloads.set(danfoss, auto)).code());
    }

    @Test
    void cover_position_is_sent_as_position() throws Exception {
        assertEquals("{\"position\":50}", Z2mPayloads.set(blinds, Command.coverPosition(50)));
    }

    @Test
    void cover_without_position_only_opens_and_closes() throws Exception {
        assertEquals("{\"state\":\"OPEN\"}", Z2mPayloads.set(garage, Command.coverPosition(100)));
        assertEquals("{\"state\":\"CLOSE\"}", Z2mPayloads.set(garage, Command.coverPosition(0)));
        assertEquals(FailureCode.NOT_SUPPORTED, assertThrows(Z2mCommandException.class,
                () -> Z2mPayloads.set(garage, Command.coverPosition(50))).code());
    }

    @Test
    void lock_and_unlock_are_state_lock_and_unlock() throws Exception {
        assertEquals("{\"state\":\"LOCK\"}", Z2mPayloads.set(door, Command.lock()));
        assertEquals("{\"state\":\"UNLOCK\"}", Z2mPayloads.set(door, Command.unlock()));
    }

    @Test
    void a_command_of_a_capability_the_device_lacks_is_not_supported() {
        Z2mCommandException e = assertThrows(Z2mCommandException.class,
                () -> Z2mPayloads.set(plug, Command.unlock()));

        assertEquals(FailureCode.NOT_SUPPORTED, e.code());
        assertEquals("The office desk plug cannot lock or unlock.", e.getMessage());
    }

    @Test
    void a_value_of_the_wrong_type_is_an_invalid_value() {
        Command odd = new Command(Capability.BRIGHTNESS, Attributes.BRIGHTNESS, "bright");

        assertEquals(FailureCode.INVALID_VALUE,
                assertThrows(Z2mCommandException.class, () -> Z2mPayloads.set(ceiling, odd)).code());
    }

    // --- state messages on <base>/<friendly_name>

    @Test
    void light_state_message_becomes_glint_attributes() throws Exception {
        Map<String, Object> state = Z2mPayloads.state(lamp, utf8("{\"state\":\"ON\",\"brightness\":254,"
                + "\"color_temp\":370,\"color_mode\":\"xy\",\"color\":{\"x\":0.7006,\"y\":0.2993},"
                + "\"linkquality\":120,\"update\":{\"state\":\"idle\"}}"));

        assertEquals(Map.of(Attributes.ON, true, Attributes.BRIGHTNESS, 100, Attributes.COLOR_TEMPERATURE, 2700,
                Attributes.COLOR, "#ff0000"), state);
    }

    @Test
    void colour_is_not_reported_while_the_bulb_is_in_colour_temperature_mode() throws Exception {
        Map<String, Object> state = Z2mPayloads.state(lamp, utf8("{\"state\":\"OFF\",\"color_mode\":\"color_temp\","
                + "\"color_temp\":250,\"color\":{\"x\":0.38,\"y\":0.38}}"));

        assertEquals(Map.of(Attributes.ON, false, Attributes.COLOR_TEMPERATURE, 4000), state);
    }

    @Test
    void hue_and_saturation_colour_is_reported_as_hex() throws Exception {
        Map<String, Object> state = Z2mPayloads.state(lamp, utf8("{\"color\":{\"hue\":120,\"saturation\":100}}"));

        assertEquals("#00ff00", state.get(Attributes.COLOR));
    }

    @Test
    void thermostat_state_gives_temperature_set_point_and_mode() throws Exception {
        Map<String, Object> state = Z2mPayloads.state(danfoss, utf8("{\"occupied_heating_setpoint\":21,"
                + "\"local_temperature\":19.43,\"system_mode\":\"heat\",\"running_state\":\"heat\",\"battery\":87}"));

        assertEquals(Map.of(Attributes.TARGET_TEMPERATURE, 21.0, Attributes.TEMPERATURE, 19.43, Attributes.MODE,
                "heat"), state);
    }

    @Test
    void lock_state_wins_over_state_and_a_half_thrown_bolt_is_not_locked() throws Exception {
        assertEquals(Map.of(Attributes.LOCKED, true), Z2mPayloads.state(door,
                utf8("{\"state\":\"LOCK\",\"lock_state\":\"locked\",\"battery\":90}")));
        assertEquals(Map.of(Attributes.LOCKED, false), Z2mPayloads.state(door,
                utf8("{\"state\":\"LOCK\",\"lock_state\":\"not_fully_locked\"}")));
        assertEquals(Map.of(Attributes.LOCKED, false), Z2mPayloads.state(door, utf8("{\"state\":\"UNLOCK\"}")));
    }

    @Test
    void cover_state_gives_its_position_or_open_and_closed() throws Exception {
        assertEquals(Map.of(Attributes.POSITION, 35), Z2mPayloads.state(blinds,
                utf8("{\"position\":35,\"state\":\"OPEN\"}")));
        assertEquals(Map.of(Attributes.POSITION, 0), Z2mPayloads.state(garage, utf8("{\"state\":\"CLOSE\"}")));
        assertEquals(Map.of(), Z2mPayloads.state(garage, utf8("{\"state\":\"STOP\"}")));
    }

    @Test
    void switch_module_state_is_read_from_its_endpoint_property() throws Exception {
        assertEquals(Map.of(Attributes.ON, false), Z2mPayloads.state(wallSwitch,
                utf8("{\"state_l1\":\"OFF\",\"state_l2\":\"ON\"}")));
    }

    @Test
    void values_of_the_wrong_type_are_left_out_and_the_rest_kept() throws Exception {
        Map<String, Object> state = Z2mPayloads.state(lamp, utf8("{\"state\":\"TOGGLE\",\"brightness\":\"max\","
                + "\"color\":[1,2],\"color_temp\":-4,\"color_mode\":\"xy\"}"));
        Map<String, Object> partly = Z2mPayloads.state(lamp, utf8("{\"state\":42,\"brightness\":127}"));

        assertEquals(Map.of(), state);
        assertEquals(Map.of(Attributes.BRIGHTNESS, 50), partly);
    }

    @Test
    void bad_state_messages_are_clear_errors() {
        for (String bad : new String[] {"{\"state\":", "[1,2,3]", "\"ON\"", ""}) {
            Z2mPayloadException e = assertThrows(Z2mPayloadException.class,
                    () -> Z2mPayloads.state(plug, utf8(bad)), bad);
            assertTrue(e.getMessage().startsWith("State of office/desk_plug"), e.getMessage());
        }
    }

    @Test
    void oversized_state_message_is_refused() {
        byte[] huge = utf8("{\"state\":\"ON\",\"junk\":\"" + "x".repeat(Z2mPayloads.MAX_STATE_BYTES) + "\"}");

        Z2mPayloadException e = assertThrows(Z2mPayloadException.class, () -> Z2mPayloads.state(plug, huge));

        assertTrue(e.getMessage().contains("more than the"), e.getMessage());
    }

    // --- round trips: what Glint sends comes back as the same Glint value when the device reports it

    @Test
    void every_brightness_percent_survives_the_round_trip() throws Exception {
        for (int percent = 0; percent <= 100; percent++) {
            String sent = Z2mPayloads.set(ceiling, Command.brightness(percent));
            Object back = Z2mPayloads.state(ceiling, utf8(sent)).get(Attributes.BRIGHTNESS);
            assertEquals(percent, back, sent);
        }
    }

    @Test
    void colour_temperatures_in_steps_of_100_kelvin_survive_the_round_trip() throws Exception {
        for (int kelvin = 2000; kelvin <= 6500; kelvin += 100) {
            String sent = Z2mPayloads.set(lamp, Command.colorTemperature(kelvin));
            Object back = Z2mPayloads.state(lamp, utf8(sent)).get(Attributes.COLOR_TEMPERATURE);
            assertEquals(kelvin, back, sent);
        }
    }

    @Test
    void colours_survive_the_round_trip_through_the_xy_a_bulb_reports() throws Exception {
        for (String name : new String[] {"red", "lime", "blue", "yellow", "cyan", "magenta", "white", "orange",
                "purple", "hotpink"}) {
            String hex = Colors.toHex(name);
            assertEquals("{\"color\":{\"hex\":\"" + hex + "\"}}", Z2mPayloads.set(lamp, Command.color(name)));
            double[] xy = Colors.toXy(hex);
            String reported = "{\"color_mode\":\"xy\",\"color\":{\"x\":" + xy[0] + ",\"y\":" + xy[1] + "}}";
            String back = (String) Z2mPayloads.state(lamp, utf8(reported)).get(Attributes.COLOR);
            assertClose(fullValue(hex), back, name);
        }
    }

    @Test
    void on_off_lock_set_point_and_position_survive_the_round_trip() throws Exception {
        for (Command c : new Command[] {Command.turnOn(), Command.turnOff()}) {
            assertEquals(c.value(), Z2mPayloads.state(plug, utf8(Z2mPayloads.set(plug, c))).get(c.attribute()));
        }
        for (Command c : new Command[] {Command.lock(), Command.unlock()}) {
            assertEquals(c.value(), Z2mPayloads.state(door, utf8(Z2mPayloads.set(door, c))).get(c.attribute()));
        }
        for (double celsius = 5; celsius <= 30; celsius += 0.5) {
            Command c = Command.targetTemperature(celsius);
            assertEquals(celsius, Z2mPayloads.state(tuya, utf8(Z2mPayloads.set(tuya, c))).get(c.attribute()));
        }
        for (int position = 0; position <= 100; position += 5) {
            Command c = Command.coverPosition(position);
            assertEquals(position, Z2mPayloads.state(blinds, utf8(Z2mPayloads.set(blinds, c))).get(c.attribute()));
        }
        for (int position : new int[] {0, 100}) {
            Command c = Command.coverPosition(position);
            assertEquals(position, Z2mPayloads.state(garage, utf8(Z2mPayloads.set(garage, c))).get(c.attribute()));
        }
    }

    // --- availability on <base>/<friendly_name>/availability

    @Test
    void availability_in_both_the_old_and_the_new_format() {
        assertEquals(Availability.ONLINE, Z2mPayloads.availability(utf8("online")));
        assertEquals(Availability.OFFLINE, Z2mPayloads.availability(utf8("offline")));
        assertEquals(Availability.ONLINE, Z2mPayloads.availability(utf8("{\"state\":\"online\"}")));
        assertEquals(Availability.OFFLINE, Z2mPayloads.availability(utf8("{\"state\":\"offline\"}")));
    }

    @Test
    void nonsense_availability_is_unknown() {
        for (String junk : new String[] {"", "maybe", "{\"state\":true}", "{\"state\":", "[\"online\"]",
                "online".repeat(1000)}) {
            assertEquals(Availability.UNKNOWN, Z2mPayloads.availability(utf8(junk)), junk);
        }
    }

    /** The colour at full value: brightness is its own attribute, so a reported colour is never dimmed. */
    private static String fullValue(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        double scale = 255.0 / Math.max(r, Math.max(g, b));
        if (scale == 1) {
            return hex;
        }
        double[] xy = Colors.toXy(hex);
        return Colors.fromXy(xy[0], xy[1]);
    }

    private static void assertClose(String expected, String actual, String what) {
        int e = Integer.parseInt(expected.substring(1), 16);
        int a = Integer.parseInt(actual.substring(1), 16);
        for (int shift = 0; shift <= 16; shift += 8) {
            int diff = Math.abs(((e >> shift) & 0xff) - ((a >> shift) & 0xff));
            assertTrue(diff <= 1, what + ": expected " + expected + " but was " + actual);
        }
    }
}
