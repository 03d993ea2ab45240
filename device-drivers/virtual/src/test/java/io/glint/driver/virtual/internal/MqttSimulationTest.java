package io.glint.driver.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.moquette.EmbeddedBroker;

/** The simulated home on the hub's embedded broker, seen by an MQTT client as zigbee2mqtt and Homie devices. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttSimulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MS = 10_000;

    private EmbeddedBroker broker;
    private MqttSimulation simulation;
    private MqttClient client;
    /** Last payload per topic. */
    private final Map<String, String> last = new ConcurrentHashMap<>();
    private final BlockingQueue<String[]> arrivals = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.disconnectForcibly(0, 500);
            client.close(true);
        }
        if (simulation != null) {
            simulation.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void start(Home home) throws Exception {
        broker = EmbeddedBroker.start(0);
        simulation = new MqttSimulation(home, broker.uri(), Duration.ofMillis(200));
        simulation.start();
        client = new MqttClient(broker.uri(), "test-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setConnectionTimeout(5);
        client.setTimeToWait(5000);
        client.connect(o);
        client.subscribe(new String[] {"zigbee2mqtt/#", "homie/5/#"}, new int[] {1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {this::arrived, this::arrived});
    }

    private void arrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
        String payload = new String(m.getPayload(), StandardCharsets.UTF_8);
        last.put(topic, payload);
        arrivals.add(new String[] {topic, payload});
    }

    @Test
    void the_default_home_is_a_zigbee2mqtt_bridge_and_homie_devices() throws Exception {
        Home home = new HomeParser("virtual").parseDefault();
        start(home);
        await("everything published", () -> last.containsKey("zigbee2mqtt/bridge/devices")
                && "ready".equals(last.get("homie/5/robot-vacuum/$state")));

        JsonNode devices = JSON.readTree(last.get("zigbee2mqtt/bridge/devices"));
        assertEquals("Coordinator", devices.get(0).path("type").asText(), "the coordinator comes first");
        Set<String> names = new HashSet<>();
        Set<String> ieee = new HashSet<>();
        for (int i = 1; i < devices.size(); i++) {
            JsonNode d = devices.get(i);
            names.add(d.path("friendly_name").asText());
            assertTrue(d.path("ieee_address").asText().matches("0x[0-9a-f]{16}"), d.toString());
            ieee.add(d.path("ieee_address").asText());
            assertFalse(d.path("definition").path("model").asText().isEmpty(), d.toString());
            assertTrue(d.path("definition").path("exposes").size() > 1, d.toString());
            assertTrue(d.path("interview_completed").asBoolean());
        }
        long z2m = home.devices().stream().filter(d -> MqttTopics.zigbee2mqtt(d.topic())).count();
        assertEquals(z2m, names.size());
        assertEquals(z2m, ieee.size(), "every device has its own address");
        assertTrue(names.contains("kitchen/light"), names.toString());
        assertEquals("{\"state\":\"online\"}", last.get("zigbee2mqtt/bridge/state"));

        JsonNode kitchen = JSON.readTree(last.get("zigbee2mqtt/kitchen/light"));
        assertEquals("OFF", kitchen.path("state").asText());
        assertEquals(254, kitchen.path("brightness").asInt(), "100 % is zigbee's 254");
        assertEquals("{\"state\":\"online\"}", last.get("zigbee2mqtt/kitchen/light/availability"));
        JsonNode lock = JSON.readTree(last.get("zigbee2mqtt/hallway/front_door_lock"));
        assertEquals("LOCK", lock.path("state").asText());
        assertEquals("locked", lock.path("lock_state").asText());

        JsonNode coffee = JSON.readTree(last.get("homie/5/coffee-machine/$description"));
        assertEquals("coffee machine", coffee.path("name").asText());
        assertTrue(coffee.path("nodes").path("coffee-maker").path("properties").path("brewing").path("settable")
                .asBoolean(), coffee.toString());
        assertEquals("\u0000", last.get("homie/5/coffee-machine/coffee-maker/brewing"), "Homie's empty string");
        assertEquals("20", last.get("homie/5/living-room-tv/tv/volume"));
    }

    @Test
    void set_messages_change_the_devices_as_real_ones_and_the_new_state_is_published() throws Exception {
        start(new HomeParser("virtual").parseDefault());
        await("published", () -> last.containsKey("zigbee2mqtt/bridge/devices")
                && "ready".equals(last.get("homie/5/robot-vacuum/$state")));
        arrivals.clear();

        publish("zigbee2mqtt/kitchen/light/set", "{\"brightness\":76}");
        JsonNode kitchen = JSON.readTree(next("zigbee2mqtt/kitchen/light", p -> true));
        assertEquals(76, kitchen.path("brightness").asInt());
        assertEquals("ON", kitchen.path("state").asText(), "dimming a light turns it on");
        publish("zigbee2mqtt/kitchen/light/set", "{\"state\":\"TOGGLE\"}");
        assertEquals("OFF", JSON.readTree(next("zigbee2mqtt/kitchen/light", p -> true)).path("state").asText());

        publish("zigbee2mqtt/living_room/light/set", "{\"color\":{\"hex\":\"#0000ff\"}}");
        JsonNode living = JSON.readTree(next("zigbee2mqtt/living_room/light", p -> true));
        assertEquals("xy", living.path("color_mode").asText());
        assertEquals(0.15, living.path("color").path("x").asDouble(), 0.001);
        assertEquals(0.06, living.path("color").path("y").asDouble(), 0.001);
        publish("zigbee2mqtt/bedroom/bedside_lamp/set", "{\"color_temp\":370}");
        JsonNode bedside = JSON.readTree(next("zigbee2mqtt/bedroom/bedside_lamp", p -> true));
        assertEquals("color_temp", bedside.path("color_mode").asText());
        assertEquals(370, bedside.path("color_temp").asInt());

        publish("zigbee2mqtt/garage/door/set", "{\"state\":\"OPEN\"}");
        assertEquals("OPEN", JSON.readTree(next("zigbee2mqtt/garage/door", p -> true)).path("state").asText());
        publish("zigbee2mqtt/hallway/front_door_lock/set", "{\"state\":\"UNLOCK\"}");
        assertEquals("unlocked", JSON.readTree(next("zigbee2mqtt/hallway/front_door_lock", p -> true))
                .path("lock_state").asText());
        publish("zigbee2mqtt/hallway/thermostat/set", "{\"occupied_heating_setpoint\":22.5}");
        JsonNode thermostat = JSON.readTree(next("zigbee2mqtt/hallway/thermostat", p -> true));
        assertEquals(22.5, thermostat.path("occupied_heating_setpoint").asDouble());
        assertEquals("heat", thermostat.path("running_state").asText(), "20.5 °C is below the new set point");

        publish("homie/5/robot-vacuum/vacuum/vacuum-state/set", "cleaning:kitchen");
        assertEquals("cleaning", next("homie/5/robot-vacuum/vacuum/vacuum-state", p -> true));
        assertEquals("kitchen", next("homie/5/robot-vacuum/vacuum/vacuum-room", p -> true));
        publish("homie/5/robot-vacuum/vacuum/vacuum-state/set", "returning");
        assertEquals("returning", next("homie/5/robot-vacuum/vacuum/vacuum-state", p -> true));
        assertEquals("docked", next("homie/5/robot-vacuum/vacuum/vacuum-state", p -> true), "docked a while later");

        publish("homie/5/coffee-machine/coffee-maker/brewing/set", "flat white");
        assertEquals("flat white", next("homie/5/coffee-machine/coffee-maker/brewing", p -> true));
        assertEquals("true", next("homie/5/coffee-machine/coffee-maker/on", p -> true), "brewing turns it on");
    }

    @Test
    void nonsense_is_ignored_and_a_device_that_does_not_respond_is_offline() throws Exception {
        start(TestHomes.parse("""
                {"rooms": [{"id": "hall", "name": "hall"}],
                 "devices": [
                   {"id": "hall.light", "name": "hall light", "room": "hall", "type": "light",
                    "capabilities": ["ON_OFF", "BRIGHTNESS"], "state": {"on": false, "brightness": 50},
                    "topic": "zigbee2mqtt/hall/light"},
                   {"id": "hall.dead", "name": "dead light", "room": "hall", "type": "light",
                    "capabilities": ["ON_OFF"], "state": {"on": false}, "responds": false,
                    "topic": "zigbee2mqtt/hall/dead"},
                   {"id": "hall.radio", "name": "radio", "room": "hall", "type": "speaker",
                    "capabilities": ["MEDIA"], "state": {"playing": "", "volume": 10}, "responds": false,
                    "topic": "homie/5/radio"}
                 ]}"""));
        await("published", () -> last.containsKey("zigbee2mqtt/bridge/devices")
                && last.containsKey("homie/5/radio/$state"));
        assertEquals("{\"state\":\"offline\"}", last.get("zigbee2mqtt/hall/dead/availability"));
        assertEquals("lost", last.get("homie/5/radio/$state"));
        arrivals.clear();

        publish("zigbee2mqtt/hall/dead/set", "{\"state\":\"ON\"}");
        publish("zigbee2mqtt/hall/light/set", "not json");
        publish("zigbee2mqtt/hall/light/set", "{\"brightness\":\"bright\",\"no_such_thing\":1}");
        publish("zigbee2mqtt/hall/light/set", "{\"state\":\"ON\"}");
        assertEquals("ON", JSON.readTree(next("zigbee2mqtt/hall/light", p -> true)).path("state").asText());
        assertEquals(Map.of("on", false), simulation.state("hall.dead"), "never answered");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The next payload on a topic that matches, skipping others. */
    private String next(String topic, Predicate<String> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (System.nanoTime() < deadline) {
            String[] a = arrivals.poll(100, TimeUnit.MILLISECONDS);
            if (a != null && a[0].equals(topic) && matches.test(a[1])) {
                return a[1];
            }
        }
        fail("nothing on " + topic + " within " + WAIT_MS + " ms");
        return null;
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT_MS + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }
}
