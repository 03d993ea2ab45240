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
    void a_tv_plays_and_changes_volume_with_properties_named_after_the_attributes() throws Exception {
        HomieDevice tv = parse("living-room-tv", """
                {"homie":"5.0","version":1,"name":"TV","nodes":{"tv":{"name":"Television","type":"media-player",
                  "properties":{
                    "on":{"datatype":"boolean","settable":true},
                    "playing":{"datatype":"string","settable":true},
                    "volume":{"datatype":"integer","format":"0:100","unit":"%","settable":true}}}}}""");
        assertEquals(DeviceType.TV, tv.device().type());
        assertEquals(Set.of(Capability.ON_OFF, Capability.MEDIA), tv.device().capabilities());
        assertEquals("jazz", HomiePayloads.set(tv, Command.play("jazz")).payload());
        assertEquals("tv/playing", HomiePayloads.set(tv, Command.play("jazz")).property().path());
        assertEquals("\u0000", HomiePayloads.set(tv, Command.play("")).payload(), "Homie 5's empty string");
        assertEquals("", HomiePayloads.value(tv, Attributes.PLAYING, new byte[] {0}));
        assertEquals("the news", HomiePayloads.value(tv, Attributes.PLAYING, bytes("the news")));
        assertEquals("40", HomiePayloads.set(tv, Command.volume(40)).payload());
        assertEquals(40, HomiePayloads.value(tv, Attributes.VOLUME, bytes("40")));
        assertEquals(FailureCode.INVALID_VALUE, assertThrows(HomieCommandException.class, () -> HomiePayloads.set(tv,
                new Command(Capability.MEDIA, Attributes.VOLUME, "loud"))).code());

        HomieDevice speaker = parse("speaker", """
                {"name":"kitchen radio","nodes":{"player":{"properties":{
                  "playing":{"datatype":"string","settable":true},
                  "volume":{"datatype":"float","unit":"%","settable":true}}}}}""");
        assertEquals(DeviceType.SPEAKER, speaker.device().type());
        assertEquals(Set.of(Capability.MEDIA), speaker.device().capabilities());
    }

    @Test
    void a_vacuum_and_a_coffee_machine() throws Exception {
        HomieDevice vacuum = parse("robot-vacuum", """
                {"name":"robot vacuum","nodes":{"vacuum":{"properties":{
                  "vacuum-state":{"datatype":"string","settable":true},
                  "vacuum-room":{"datatype":"string"},
                  "battery":{"datatype":"integer","unit":"%"}}}}}""");
        assertEquals(DeviceType.VACUUM, vacuum.device().type());
        assertEquals(Set.of(Capability.VACUUM), vacuum.device().capabilities());
        assertEquals("cleaning:kitchen", HomiePayloads.set(vacuum, Command.startVacuum("kitchen")).payload());
        assertEquals("returning", HomiePayloads.set(vacuum, Command.stopVacuum()).payload());
        assertEquals("kitchen", HomiePayloads.value(vacuum, Attributes.VACUUM_ROOM, bytes("kitchen")));
        assertNull(parse("no-state", """
                {"nodes":{"vacuum":{"properties":{"vacuum-room":{"datatype":"string"}}}}}"""),
                "a room alone is nothing to control");

        HomieDevice coffee = parse("coffee-machine", """
                {"name":"coffee machine","nodes":{"machine":{"properties":{
                  "on":{"datatype":"boolean","settable":true},
                  "brewing":{"datatype":"string","settable":true}}}}}""");
        assertEquals(DeviceType.COFFEE_MAKER, coffee.device().type());
        assertEquals(Set.of(Capability.ON_OFF, Capability.COFFEE_MAKER), coffee.device().capabilities());
        assertEquals("flat white", HomiePayloads.set(coffee, Command.brew("flat white")).payload());
        assertEquals(FailureCode.NOT_SUPPORTED, assertThrows(HomieCommandException.class,
                () -> HomiePayloads.set(coffee, Command.play("jazz"))).code());
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
