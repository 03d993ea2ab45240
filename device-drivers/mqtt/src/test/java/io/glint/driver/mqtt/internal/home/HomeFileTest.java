package io.glint.driver.mqtt.internal.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.driver.mqtt.internal.homie.HomieDescriptions;
import io.glint.driver.mqtt.internal.homie.HomieDevice;
import io.glint.driver.mqtt.internal.z2m.Z2mDevice;
import io.glint.driver.mqtt.internal.z2m.Z2mDevices;

class HomeFileTest {
    static final String HOME = """
            {
              "rooms": [
                {"id": "kitchen", "name": "kitchen", "aliases": ["厨房"]},
                {"id": "living_room", "name": "living room", "aliases": ["lounge", "客厅"]}
              ],
              "devices": [
                {"id": "kitchen.light", "name": "kitchen light", "aliases": ["ceiling light", "厨房灯"],
                 "room": "kitchen", "type": "light", "topic": "z2m/kitchen/ceiling",
                 "capabilities": ["ON_OFF", "BRIGHTNESS"], "state": {"on": false}},
                {"id": "living_room.tv", "name": "TV", "aliases": "电视", "room": "living_room", "type": "tv",
                 "topic": "homie/5/living-room-tv"},
                {"id": "kitchen.toaster", "name": "toaster", "room": "kitchen", "type": "plug",
                 "capabilities": ["ON_OFF"]}
              ]
            }""";

    static HomeFile home() throws HomeFileException {
        return HomeFile.parse("home.json", HOME.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rooms_and_the_mqtt_devices_are_read_and_simulation_only_fields_are_ignored() throws Exception {
        HomeFile home = home();
        assertEquals(List.of(new Room("kitchen", "kitchen", List.of("厨房")), new Room("living_room", "living room",
                List.of("lounge", "客厅"))), home.rooms());
        assertEquals(Set.of("z2m/kitchen/ceiling", "homie/5/living-room-tv"), home.topics(),
                "the toaster has no topic: not an MQTT device");
        HomeFile.Entry tv = home.device("homie/5/living-room-tv");
        assertEquals(List.of("电视"), tv.aliases(), "a single alias may be written as a string");
        assertEquals(DeviceType.TV, tv.type());
        assertNull(home.device("z2m/kitchen/toaster"));
    }

    @Test
    void zigbee2mqtt_devices_get_the_home_names_and_rooms_keep_their_aliases() throws Exception {
        Map<String, Z2mDevice> byName = new Z2mDevices("mqtt", home(), "z2m").parse(fixture()).stream()
                .collect(Collectors.toMap(Z2mDevice::friendlyName, Function.identity()));
        Device light = byName.get("kitchen/ceiling").device();
        assertEquals("kitchen.light", light.id());
        assertEquals("kitchen light", light.name());
        assertEquals(List.of("ceiling light", "厨房灯"), light.aliases());
        assertEquals("kitchen", light.room());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), light.capabilities(), "from discovery");
        assertEquals("mqtt", light.driver());
        assertEquals(List.of("厨房"), byName.get("kitchen/ceiling").room().aliases());

        Z2mDevice lamp = byName.get("living_room/floor_lamp");
        assertEquals("z2m.0x0017880108b5c2f1", lamp.device().id(), "not in the home file: named by zigbee2mqtt");
        assertEquals(List.of("lounge", "客厅"), lamp.room().aliases(), "its room is the home file's all the same");
        assertEquals("bedroom", byName.get("bedroom/radiator").room().name(), "rooms the file lacks are derived");
    }

    @Test
    void homie_devices_get_the_home_names() throws Exception {
        HomieDevice tv = new HomieDescriptions("mqtt", home(), "homie/5").parse("living-room-tv", """
                {"name":"Living room TV","nodes":{"tv":{"properties":{"on":{"datatype":"boolean","settable":true},
                  "playing":{"datatype":"string","settable":true}}}}}""".getBytes(StandardCharsets.UTF_8));
        assertEquals("living_room.tv", tv.device().id());
        assertEquals("TV", tv.device().name());
        assertEquals("living_room", tv.device().room());
        assertEquals(DeviceType.TV, tv.device().type());
        assertEquals("living-room-tv", tv.homieId());
        HomieDevice other = new HomieDescriptions("mqtt", home(), "homie/5").parse("fan", """
                {"nodes":{"f":{"properties":{"on":{"datatype":"boolean","settable":true}}}}}"""
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("homie.fan", other.device().id());
    }

    @Test
    void every_mistake_is_reported_at_once_with_where_it_is() {
        HomeFileException e = assertThrows(HomeFileException.class, () -> HomeFile.parse("bad.json", """
                {"rooms": [{"id": "kitchen", "name": "kitchen", "alias": ["x"]}, {"id": "Bad Id", "name": "x"}],
                 "devices": [
                   {"id": "a", "name": "a", "topic": "z2m/a", "room": "kitchen"},
                   {"id": "b", "name": "b", "topic": "z2m/a"},
                   {"id": "a", "name": "c", "topic": "z2m/c"},
                   {"id": "d", "name": "d", "topic": "z2m/#"},
                   {"id": "e", "name": "e", "topic": "z2m/e", "type": "toaster"},
                   {"id": "f", "name": "f", "topic": "z2m/f", "room": "cellar"}
                 ]}""".getBytes(StandardCharsets.UTF_8)));
        String m = e.getMessage();
        assertTrue(m.startsWith("bad.json: "), m);
        for (String expected : List.of("rooms[0]: unknown field \"alias\"", "rooms[1]: Invalid id \"Bad Id\"",
                "devices[5] (f): room \"cellar\" is not in \"rooms\"", "devices[1] (b): two devices have the topic z2m/a",
                "devices[2] (a): the id \"a\" is already used for z2m/a", "\"topic\" must be the device's MQTT topic",
                "devices[4] (e): type \"toaster\" is not one of")) {
            assertTrue(m.contains(expected), "missing \"" + expected + "\" in " + m);
        }
        HomeFileException json = assertThrows(HomeFileException.class, () -> HomeFile.parse("x.json",
                "{\"rooms\": [\n  {\"id\": }\n]}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(json.getMessage().contains("is not valid JSON") && json.getMessage().contains("line 2"),
                json.getMessage());
    }

    @Test
    void files_are_read_by_path_and_an_empty_path_means_none(@TempDir Path folder) throws Exception {
        assertSame(HomeFile.NONE, HomeFile.read(""));
        assertSame(HomeFile.NONE, HomeFile.read(null));
        Path file = folder.resolve("home.json");
        Files.writeString(file, HOME);
        assertEquals(2, HomeFile.read(file.toString()).topics().size());
        HomeFileException missing = assertThrows(HomeFileException.class, () -> HomeFile.read(folder.resolve(
                "nope.json").toString()));
        assertTrue(missing.getMessage().contains("does not exist; check the homeFile setting"), missing.getMessage());
    }

    private static byte[] fixture() throws Exception {
        try (InputStream in = HomeFileTest.class.getResourceAsStream("/z2m/bridge-devices.json")) {
            return in.readAllBytes();
        }
    }
}
