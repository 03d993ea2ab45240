package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;
import io.glint.driver.mqtt.internal.home.HomeFile;

/**
 * The driver against real brokers on loopback — Mosquitto (MQTT 5) and the hub's embedded Moquette (MQTT 3.1.1) —
 * with the test playing Homie 5 devices.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Brokers.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HomieDriverTest {
    private static final String BASE = "homie/5";
    private static final String LAMP = "homie.desk-lamp";
    private static final String RADIATOR = "homie.radiator";
    private static final String LAMP_DESCRIPTION = """
            {"homie":"5.0","version":7,"name":"desk lamp","nodes":{
              "light":{"name":"Lamp","type":"light","properties":{
                "on":{"name":"On","datatype":"boolean","settable":true},
                "brightness":{"name":"Brightness","datatype":"integer","format":"0:100","unit":"%","settable":true},
                "colour":{"datatype":"color","format":"rgb","settable":true}}},
              "sensor":{"properties":{"uptime":{"datatype":"integer","unit":"s"}}}}}""";
    private static final String RADIATOR_DESCRIPTION = """
            {"homie":"5.0","version":3,"name":"bedroom radiator","nodes":{
              "heating":{"name":"Heating","properties":{
                "target-temperature":{"datatype":"float","unit":"°C","format":"5:30","settable":true},
                "temperature":{"datatype":"float","unit":"°C"}}}}}""";

    @TempDir
    Path folder;

    @Parameter
    Brokers brokers;

    private Brokers.TestBroker broker;
    private TestClients mqtt;
    private MqttDriver driver;
    private final MqttDriverTest.RecordingRegistry registry = new MqttDriverTest.RecordingRegistry();

    @BeforeEach
    void startBroker() throws Exception {
        broker = brokers.start(folder);
        mqtt = broker.clients(() -> broker.uri());
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        mqtt.close();
        broker.close();
    }

    @Test
    void retained_description_and_state_announce_the_device_online() throws Exception {
        Device lamp = discovered();
        assertEquals("desk lamp", lamp.name());
        assertEquals(DeviceType.LIGHT, lamp.type());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), lamp.capabilities());
        TestClients.await("online from $state ready", () -> registry.availability.get(LAMP) == Availability.ONLINE);

        mqtt.publish(BASE + "/radiator/$state", "ready", true); // before its description, as retained may arrive
        mqtt.publish(BASE + "/radiator/$description", RADIATOR_DESCRIPTION, true);
        TestClients.await("radiator announced", () -> registry.announced.containsKey(RADIATOR));
        Device radiator = registry.announced.get(RADIATOR);
        assertEquals(DeviceType.THERMOSTAT, radiator.type());
        assertEquals(Set.of(Capability.THERMOSTAT), radiator.capabilities());
        TestClients.await("radiator online", () -> registry.availability.get(RADIATOR) == Availability.ONLINE);

        driver.close();
        assertTrue(registry.withdrawn.containsAll(Set.of(LAMP, RADIATOR)), registry.withdrawn.toString());
        driver = null;
    }

    @Test
    void commands_publish_the_raw_value_to_the_property_set_topic() throws Exception {
        BlockingQueue<String> on = mqtt.subscribe(BASE + "/desk-lamp/light/on/set");
        BlockingQueue<String> brightness = mqtt.subscribe(BASE + "/desk-lamp/light/brightness/set");
        Device lamp = discovered();

        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOn()));
        assertEquals("true", TestClients.next(on));
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.brightness(40)));
        assertEquals("40", TestClients.next(brightness));
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOff()));
        assertEquals("false", TestClients.next(on));

        CommandResult colour = run(lamp, Command.color("red"));
        assertEquals(FailureCode.NOT_SUPPORTED, colour.code(), colour.toString());

        mqtt.publish(BASE + "/radiator/$description", RADIATOR_DESCRIPTION, true);
        TestClients.await("radiator announced", () -> registry.announced.containsKey(RADIATOR));
        BlockingQueue<String> target = mqtt.subscribe(BASE + "/radiator/heating/target-temperature/set");
        Device radiator = registry.announced.get(RADIATOR);
        assertEquals(CommandResult.ok(RADIATOR), run(radiator, Command.targetTemperature(21.5)));
        assertEquals("21.5", TestClients.next(target));
        assertEquals(FailureCode.INVALID_VALUE, run(radiator, Command.targetTemperature(34)).code());
        assertNull(target.poll(300, TimeUnit.MILLISECONDS), "nothing is published for a refused command");
    }

    @Test
    void property_values_published_by_the_device_update_the_registry() throws Exception {
        discovered();
        mqtt.publish(BASE + "/desk-lamp/light/on", "true", true);
        mqtt.publish(BASE + "/desk-lamp/light/brightness", "75", true);
        TestClients.await("state", () -> Boolean.TRUE.equals(registry.state(LAMP).get(Attributes.ON))
                && Integer.valueOf(75).equals(registry.state(LAMP).get(Attributes.BRIGHTNESS)));
        mqtt.publish(BASE + "/desk-lamp/light/on", "false", false);
        TestClients.await("switched off", () -> Boolean.FALSE.equals(registry.state(LAMP).get(Attributes.ON)));

        mqtt.publish(BASE + "/radiator/heating/temperature", "19.25", true); // before the description
        mqtt.publish(BASE + "/radiator/$description", RADIATOR_DESCRIPTION, true);
        TestClients.await("measured temperature", () -> Double.valueOf(19.25).equals(
                registry.state(RADIATOR).get(Attributes.TEMPERATURE)));
    }

    @Test
    void lost_state_reports_the_device_offline_and_commands_fail() throws Exception {
        BlockingQueue<String> on = mqtt.subscribe(BASE + "/desk-lamp/light/on/set");
        Device lamp = discovered();
        TestClients.await("online", () -> registry.availability.get(LAMP) == Availability.ONLINE);

        mqtt.publish(BASE + "/desk-lamp/$state", "lost", true); // what the device's last will says
        TestClients.await("offline", () -> registry.availability.get(LAMP) == Availability.OFFLINE);
        assertEquals("it lost its connection to the MQTT broker", registry.reasons.get(LAMP));
        CommandResult result = run(lamp, Command.turnOn());
        assertEquals(CommandResult.failed(LAMP, FailureCode.DEVICE_UNREACHABLE,
                "The desk lamp is offline: it lost its connection to the MQTT broker."), result);
        assertNull(on.poll(300, TimeUnit.MILLISECONDS));

        mqtt.publish(BASE + "/desk-lamp/$state", "sleeping", true);
        TestClients.await("asleep", () -> "it is asleep".equals(registry.reasons.get(LAMP)));
        mqtt.publish(BASE + "/desk-lamp/$state", "ready", true);
        TestClients.await("online again", () -> registry.availability.get(LAMP) == Availability.ONLINE);
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOn()));
        assertEquals("true", TestClients.next(on));
    }

    @Test
    void malformed_descriptions_and_values_are_ignored_and_the_driver_keeps_working() throws Exception {
        BlockingQueue<String> on = mqtt.subscribe(BASE + "/desk-lamp/light/on/set");
        Device lamp = discovered();
        int announced = registry.announceCalls.size();

        mqtt.publish(BASE + "/broken/$description", "not json at all", true);
        mqtt.publish(BASE + "/broken2/$description", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]", true);
        mqtt.publish(BASE + "/broken3/$description", "{\"name\":\"x\",\"nodes\":[1,2]}", true);
        mqtt.publish(BASE + "/huge/$description", "{\"name\":\"" + "x".repeat(300_000) + "\"}", true);
        mqtt.publish(BASE + "/Bad_Id/$description", LAMP_DESCRIPTION, true);
        mqtt.publish(BASE + "/desk-lamp/$description", "{\"nodes\":", false);
        mqtt.publish(BASE + "/desk-lamp/light/on", "maybe", false);
        mqtt.publish(BASE + "/desk-lamp/light/brightness", "bright", false);
        mqtt.publish(BASE + "/desk-lamp/$state", "exploding", false);
        mqtt.publish(BASE + "/desk-lamp/light/brightness", "30", false);

        TestClients.await("the good value after the bad ones", () -> registry.state(LAMP).get(Attributes.BRIGHTNESS) != null);
        assertEquals(30, registry.state(LAMP).get(Attributes.BRIGHTNESS));
        assertNull(registry.state(LAMP).get(Attributes.ON));
        assertEquals(announced, registry.announceCalls.size(), "nothing else announced, nothing re-announced");
        assertFalse(registry.withdrawn.contains(LAMP));
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOn()));
        assertEquals("true", TestClients.next(on));
    }

    @Test
    void a_home_file_names_a_media_player_which_plays_reports_and_goes_offline_under_that_name() throws Exception {
        HomeFile home = HomeFile.parse("home.json", """
                {"rooms": [{"id": "living_room", "name": "living room", "aliases": ["客厅"]}],
                 "devices": [{"id": "living_room.tv", "name": "TV", "aliases": ["telly", "电视"],
                              "room": "living_room", "type": "tv", "topic": "homie/5/tv"}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String tvId = "living_room.tv";
        mqtt.publish(BASE + "/tv/$description", """
                {"homie":"5.0","version":1,"name":"Living room TV","nodes":{"tv":{"properties":{
                  "on":{"datatype":"boolean","settable":true},
                  "playing":{"datatype":"string","settable":true},
                  "volume":{"datatype":"integer","format":"0:100","unit":"%","settable":true}}}}}""", true);
        mqtt.publish(BASE + "/tv/$state", "ready", true);
        mqtt.publish(BASE + "/tv/tv/volume", "20", true);
        BlockingQueue<String> playing = mqtt.subscribe(BASE + "/tv/tv/playing/set");
        driver = broker.driver(registry, new MqttDriver.Settings("", "glint-test", "", "", "z2m", false, 2000, 2000,
                true, BASE), home);

        TestClients.await("TV announced under the home's id", () -> registry.announced.containsKey(tvId));
        assertEquals("客厅", registry.rooms.get("living_room").aliases().get(0), "the home's rooms are defined");
        Device tv = registry.announced.get(tvId);
        assertEquals(java.util.List.of("telly", "电视"), tv.aliases());
        assertEquals(Set.of(Capability.ON_OFF, Capability.MEDIA), tv.capabilities());
        TestClients.await("volume and availability", () -> Integer.valueOf(20).equals(registry.state(tvId)
                .get(Attributes.VOLUME)) && registry.availability.get(tvId) == Availability.ONLINE);
        TestClients.await("connected", driver::connected);

        assertEquals(CommandResult.ok(tvId), run(tv, Command.play("the news")));
        assertEquals("the news", TestClients.next(playing));
        mqtt.publish(BASE + "/tv/tv/playing", "the news", true);
        TestClients.await("playing", () -> "the news".equals(registry.state(tvId).get(Attributes.PLAYING)));
        mqtt.publish(BASE + "/tv/$state", "disconnected", true);
        TestClients.await("offline", () -> registry.availability.get(tvId) == Availability.OFFLINE);
        assertEquals(CommandResult.failed(tvId, FailureCode.DEVICE_UNREACHABLE,
                "The TV is offline: it disconnected from the MQTT broker."), run(tv, Command.play("jazz")));
        assertFalse(registry.announced.containsKey("homie.tv"), "never under Homie's own id");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Device discovered() throws Exception {
        mqtt.publish(BASE + "/desk-lamp/$description", LAMP_DESCRIPTION, true);
        mqtt.publish(BASE + "/desk-lamp/$state", "ready", true);
        driver = broker.driver(registry, new MqttDriver.Settings("", "glint-test", "", "", "z2m", false, 2000, 2000,
                true, BASE), HomeFile.NONE);
        TestClients.await("desk lamp announced", () -> registry.announced.containsKey(LAMP));
        TestClients.await("connected", driver::connected);
        return registry.announced.get(LAMP);
    }

    private CommandResult run(Device device, Command command) throws Exception {
        return driver.execute(device, command, Instant.now().plusSeconds(2)).toCompletableFuture()
                .get(3, TimeUnit.SECONDS);
    }

}
