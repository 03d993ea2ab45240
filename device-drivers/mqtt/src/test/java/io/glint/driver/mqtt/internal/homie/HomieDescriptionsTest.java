package io.glint.driver.mqtt.internal.homie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;

class HomieDescriptionsTest {
    private final HomieDescriptions parser = new HomieDescriptions("mqtt");

    private HomieDevice parse(String id, String json) throws HomiePayloadException {
        return parser.parse(id, json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void brightness_is_scaled_from_the_format_range_both_ways() throws Exception {
        HomieDevice d = parse("strip", """
                {"name":"LED strip","nodes":{"led":{"properties":{
                  "state":{"datatype":"boolean","settable":true},
                  "dim":{"datatype":"integer","format":"0:255","unit":"%","settable":true}}}}}""");
        assertEquals("homie.strip", d.device().id());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), d.device().capabilities());
        HomiePayloads.Setting s = HomiePayloads.set(d, Command.brightness(50));
        assertEquals("led/dim", s.property().path());
        assertEquals("128", s.payload());
        assertEquals(100, HomiePayloads.value(d, Attributes.BRIGHTNESS, bytes("255")));
        assertEquals("homie/5/strip/led/state/set", d.setTopic("homie/5", HomiePayloads.set(d, Command.turnOn())
                .property()));
    }

    @Test
    void float_brightness_in_percent_without_a_format() throws Exception {
        HomieDevice d = parse("bulb", """
                {"nodes":{"light":{"properties":{
                  "brightness":{"datatype":"float","unit":"%","settable":true}}}}}""");
        assertEquals("bulb", d.device().name(), "the id when there is no name");
        assertEquals(DeviceType.LIGHT, d.device().type());
        assertEquals("33", HomiePayloads.set(d, Command.brightness(33)).payload());
    }

    @Test
    void a_read_only_or_unmatched_device_is_skipped() throws Exception {
        assertNull(parse("thermometer", """
                {"nodes":{"t":{"properties":{"temperature":{"datatype":"float","unit":"°C"}}}}}"""));
        assertNull(parse("odd", """
                {"nodes":{"t":{"properties":{"on":{"datatype":"boolean"},
                  "brightness":{"datatype":"integer","format":"0:1000","settable":true}}}}}"""));
        assertNull(parse("empty", "{}"));
        assertThrows(HomiePayloadException.class, () -> parse("UPPER", "{}"));
    }

    @Test
    void a_switch_refuses_what_it_cannot_do() throws Exception {
        HomieDevice d = parse("relay", """
                {"name":"garden pump","nodes":{"relay":{"type":"relay","properties":{
                  "power":{"datatype":"boolean","settable":true}}}}}""");
        assertEquals(DeviceType.SWITCH, d.device().type());
        assertEquals(FailureCode.NOT_SUPPORTED, assertThrows(HomieCommandException.class,
                () -> HomiePayloads.set(d, Command.brightness(10))).code());
        assertThrows(HomiePayloadException.class, () -> HomiePayloads.value(d, Attributes.ON, bytes("ON")));
    }

    @Test
    void state_maps_to_availability() {
        assertEquals(Availability.ONLINE, HomiePayloads.availability(bytes("ready")));
        assertEquals(Availability.OFFLINE, HomiePayloads.availability(bytes("lost")));
        assertEquals(Availability.OFFLINE, HomiePayloads.availability(bytes("disconnected")));
        assertEquals(Availability.OFFLINE, HomiePayloads.availability(bytes("sleeping")));
        assertEquals(Availability.UNKNOWN, HomiePayloads.availability(bytes("init")));
        assertEquals("it is asleep", HomiePayloads.offlineReason(bytes("sleeping")));
    }
}
