package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;

/** The driver against a real Mosquitto on loopback, with the test playing Homie 5 devices. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HomieDriverTest {
    private static final String BASE = "homie/5";
    private static final String LAMP = "homie.desk-lamp";
    private static final String RADIATOR = "homie.radiator";
    private static final Duration WAIT = Duration.ofSeconds(10);
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

    private Mosquitto broker;
    private MqttDriver driver;
    private final MqttDriverTest.RecordingRegistry registry = new MqttDriverTest.RecordingRegistry();
    private final List<MqttClient> clients = new CopyOnWriteArrayList<>();
    private MqttClient publisher;

    @BeforeEach
    void startBroker() throws Exception {
        broker = Mosquitto.start(folder);
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        for (MqttClient c : clients) {
            try {
                c.disconnectForcibly(0, 500, false);
                c.close(true);
            } catch (MqttException | RuntimeException ignored) {
                // the broker may be gone already
            }
        }
        broker.close();
    }

    @Test
    void retained_description_and_state_announce_the_device_online() throws Exception {
        Device lamp = discovered();
        assertEquals("desk lamp", lamp.name());
        assertEquals(DeviceType.LIGHT, lamp.type());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), lamp.capabilities());
        await("online from $state ready", () -> registry.availability.get(LAMP) == Availability.ONLINE);

        publish(BASE + "/radiator/$state", "ready", true); // before its description, as retained may arrive
        publish(BASE + "/radiator/$description", RADIATOR_DESCRIPTION, true);
        await("radiator announced", () -> registry.announced.containsKey(RADIATOR));
        Device radiator = registry.announced.get(RADIATOR);
        assertEquals(DeviceType.THERMOSTAT, radiator.type());
        assertEquals(Set.of(Capability.THERMOSTAT), radiator.capabilities());
        await("radiator online", () -> registry.availability.get(RADIATOR) == Availability.ONLINE);

        driver.close();
        assertTrue(registry.withdrawn.containsAll(Set.of(LAMP, RADIATOR)), registry.withdrawn.toString());
        driver = null;
    }

    @Test
    void commands_publish_the_raw_value_to_the_property_set_topic() throws Exception {
        BlockingQueue<String> on = subscribe(BASE + "/desk-lamp/light/on/set");
        BlockingQueue<String> brightness = subscribe(BASE + "/desk-lamp/light/brightness/set");
        Device lamp = discovered();

        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOn()));
        assertEquals("true", next(on));
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.brightness(40)));
        assertEquals("40", next(brightness));
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOff()));
        assertEquals("false", next(on));

        CommandResult colour = run(lamp, Command.color("red"));
        assertEquals(FailureCode.NOT_SUPPORTED, colour.code(), colour.toString());

        publish(BASE + "/radiator/$description", RADIATOR_DESCRIPTION, true);
        await("radiator announced", () -> registry.announced.containsKey(RADIATOR));
        BlockingQueue<String> target = subscribe(BASE + "/radiator/heating/target-temperature/set");
        Device radiator = registry.announced.get(RADIATOR);
        assertEquals(CommandResult.ok(RADIATOR), run(radiator, Command.targetTemperature(21.5)));
        assertEquals("21.5", next(target));
        assertEquals(FailureCode.INVALID_VALUE, run(radiator, Command.targetTemperature(34)).code());
        assertNull(target.poll(300, TimeUnit.MILLISECONDS), "nothing is published for a refused command");
    }

    @Test
    void property_values_published_by_the_device_update_the_registry() throws Exception {
        discovered();
        publish(BASE + "/desk-lamp/light/on", "true", true);
        publish(BASE + "/desk-lamp/light/brightness", "75", true);
        await("state", () -> Boolean.TRUE.equals(registry.state(LAMP).get(Attributes.ON))
                && Integer.valueOf(75).equals(registry.state(LAMP).get(Attributes.BRIGHTNESS)));
        publish(BASE + "/desk-lamp/light/on", "false", false);
        await("switched off", () -> Boolean.FALSE.equals(registry.state(LAMP).get(Attributes.ON)));

        publish(BASE + "/radiator/heating/temperature", "19.25", true); // before the description
        publish(BASE + "/radiator/$description", RADIATOR_DESCRIPTION, true);
        await("measured temperature", () -> Double.valueOf(19.25).equals(
                registry.state(RADIATOR).get(Attributes.TEMPERATURE)));
    }

    @Test
    void lost_state_reports_the_device_offline_and_commands_fail() throws Exception {
        BlockingQueue<String> on = subscribe(BASE + "/desk-lamp/light/on/set");
        Device lamp = discovered();
        await("online", () -> registry.availability.get(LAMP) == Availability.ONLINE);

        publish(BASE + "/desk-lamp/$state", "lost", true); // what the device's last will says
        await("offline", () -> registry.availability.get(LAMP) == Availability.OFFLINE);
        assertEquals("it lost its connection to the MQTT broker", registry.reasons.get(LAMP));
        CommandResult result = run(lamp, Command.turnOn());
        assertEquals(CommandResult.failed(LAMP, FailureCode.DEVICE_UNREACHABLE,
                "The desk lamp is offline: it lost its connection to the MQTT broker."), result);
        assertNull(on.poll(300, TimeUnit.MILLISECONDS));

        publish(BASE + "/desk-lamp/$state", "sleeping", true);
        await("asleep", () -> "it is asleep".equals(registry.reasons.get(LAMP)));
        publish(BASE + "/desk-lamp/$state", "ready", true);
        await("online again", () -> registry.availability.get(LAMP) == Availability.ONLINE);
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOn()));
        assertEquals("true", next(on));
    }

    @Test
    void malformed_descriptions_and_values_are_ignored_and_the_driver_keeps_working() throws Exception {
        BlockingQueue<String> on = subscribe(BASE + "/desk-lamp/light/on/set");
        Device lamp = discovered();
        int announced = registry.announceCalls.size();

        publish(BASE + "/broken/$description", "not json at all", true);
        publish(BASE + "/broken2/$description", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]", true);
        publish(BASE + "/broken3/$description", "{\"name\":\"x\",\"nodes\":[1,2]}", true);
        publish(BASE + "/huge/$description", "{\"name\":\"" + "x".repeat(300_000) + "\"}", true);
        publish(BASE + "/Bad_Id/$description", LAMP_DESCRIPTION, true);
        publish(BASE + "/desk-lamp/$description", "{\"nodes\":", false);
        publish(BASE + "/desk-lamp/light/on", "maybe", false);
        publish(BASE + "/desk-lamp/light/brightness", "bright", false);
        publish(BASE + "/desk-lamp/$state", "exploding", false);
        publish(BASE + "/desk-lamp/light/brightness", "30", false);

        await("the good value after the bad ones", () -> registry.state(LAMP).get(Attributes.BRIGHTNESS) != null);
        assertEquals(30, registry.state(LAMP).get(Attributes.BRIGHTNESS));
        assertNull(registry.state(LAMP).get(Attributes.ON));
        assertEquals(announced, registry.announceCalls.size(), "nothing else announced, nothing re-announced");
        assertFalse(registry.withdrawn.contains(LAMP));
        assertEquals(CommandResult.ok(LAMP), run(lamp, Command.turnOn()));
        assertEquals("true", next(on));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Device discovered() throws Exception {
        publish(BASE + "/desk-lamp/$description", LAMP_DESCRIPTION, true);
        publish(BASE + "/desk-lamp/$state", "ready", true);
        driver = new MqttDriver(registry, new MqttDriver.Settings(broker.uri(), "glint-test", "", "", "z2m", false,
                2000, 2000, true, BASE));
        await("desk lamp announced", () -> registry.announced.containsKey(LAMP));
        await("connected", driver::connected);
        return registry.announced.get(LAMP);
    }

    private CommandResult run(Device device, Command command) throws Exception {
        return driver.execute(device, command, Instant.now().plusSeconds(2)).toCompletableFuture()
                .get(3, TimeUnit.SECONDS);
    }

    private MqttClient client() throws MqttException {
        MqttClient c = new MqttClient(broker.uri(), "test-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setConnectionTimeout(5);
        c.setTimeToWait(5000);
        c.connect(o);
        clients.add(c);
        return c;
    }

    private void publish(String topic, String payload, boolean retained) throws MqttException {
        if (publisher == null || !publisher.isConnected()) {
            publisher = client();
        }
        publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    private BlockingQueue<String> subscribe(String topic) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        IMqttMessageListener listener = (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8));
        client().subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                new IMqttMessageListener[] {listener});
        return received;
    }

    private static String next(BlockingQueue<String> queue) throws InterruptedException {
        String s = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            fail("nothing published within " + WAIT.toSeconds() + " s");
        }
        return s;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
