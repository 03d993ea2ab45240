package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceRegistry;
import io.glint.api.skill.FailureCode;
import io.glint.driver.mqtt.internal.z2m.Z2mDevices;

/** The driver against a real Mosquitto on loopback, with the test playing zigbee2mqtt. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttDriverTest {
    private static final String BASE = "z2m";
    private static final String CEILING = "z2m.0x000d6ffffe8a1c22"; // kitchen/ceiling, a dimmable IKEA bulb
    private static final String CEILING_TOPIC = BASE + "/kitchen/ceiling";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private Mosquitto broker;
    private MqttDriver driver;
    private final RecordingRegistry registry = new RecordingRegistry();
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
    void retained_bridge_devices_are_announced_with_their_rooms_and_withdrawn_on_deactivate() throws Exception {
        publish(BASE + "/bridge/devices", bridgeDevices(), true);
        driver = startDriver();

        int expected = new Z2mDevices(MqttDriver.DRIVER_ID).parse(bridgeDevices().getBytes(StandardCharsets.UTF_8))
                .size();
        await("all devices announced", () -> registry.announced.size() == expected);
        assertEquals(expected, registry.announceCalls.size(), "each announced once");
        Device ceiling = registry.announced.get(CEILING);
        assertEquals(MqttDriver.DRIVER_ID, ceiling.driver());
        assertEquals("kitchen", ceiling.room());
        assertTrue(registry.rooms.containsKey("kitchen"), registry.rooms.keySet().toString());

        driver.close();
        assertEquals(registry.announced.keySet(), Set.copyOf(registry.withdrawn));
        driver = null;
    }

    @Test
    void a_command_produces_exactly_the_zigbee2mqtt_set_payload() throws Exception {
        BlockingQueue<String> set = subscribe(CEILING_TOPIC + "/set");
        Device ceiling = discovered();

        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.brightness(50)));
        assertEquals("{\"brightness\":127}", next(set));
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", next(set));

        CommandResult colour = run(ceiling, Command.color("red"));
        assertEquals(FailureCode.NOT_SUPPORTED, colour.code(), colour.toString());
        assertNull(set.poll(300, TimeUnit.MILLISECONDS), "nothing is published for a refused command");
    }

    @Test
    void state_published_by_the_device_updates_the_registry() throws Exception {
        discovered();
        publish(CEILING_TOPIC, "{\"state\":\"ON\",\"brightness\":254,\"linkquality\":87}", false);
        await("state", () -> Boolean.TRUE.equals(registry.state(CEILING).get(Attributes.ON))
                && Integer.valueOf(100).equals(registry.state(CEILING).get(Attributes.BRIGHTNESS)));
        publish(CEILING_TOPIC, "{\"state\":\"OFF\"}", false);
        await("switched off", () -> Boolean.FALSE.equals(registry.state(CEILING).get(Attributes.ON)));
    }

    @Test
    void offline_availability_is_reported_and_commands_to_that_device_fail() throws Exception {
        BlockingQueue<String> set = subscribe(CEILING_TOPIC + "/set");
        Device ceiling = discovered();
        String offline = "The " + ceiling.name() + " is offline according to zigbee2mqtt.";

        publish(CEILING_TOPIC + "/availability", "{\"state\":\"offline\"}", true);
        await("offline reported", () -> registry.availability.get(CEILING) == Availability.OFFLINE);
        assertEquals(offline, registry.reasons.get(CEILING));
        assertEquals(CommandResult.failed(CEILING, FailureCode.DEVICE_UNREACHABLE, offline),
                run(ceiling, Command.turnOn()));

        publish(CEILING_TOPIC + "/availability", "online", true); // zigbee2mqtt 1.x style
        await("online again", () -> registry.availability.get(CEILING) == Availability.ONLINE);
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", next(set));
    }

    @Test
    void broker_restart_fails_commands_fast_reconnects_rereads_discovery_and_never_sends_the_outage_command()
            throws Exception {
        Device ceiling = discovered();
        String desk = "z2m.0x000b57fffe3f11aa"; // office/desk_plug: zigbee2mqtt last said it is offline
        publish(BASE + "/office/desk_plug/availability", "{\"state\":\"offline\"}", false);
        await("desk plug offline", () -> registry.availability.get(desk) == Availability.OFFLINE);
        Set<String> announced = Set.copyOf(registry.announced.keySet());

        broker.kill();
        await("driver notices the broker is gone", () -> !driver.connected());
        await("every device offline because of the broker", () -> announced.stream().allMatch(id ->
                registry.availability.get(id) == Availability.OFFLINE
                        && MqttDriver.BROKER_UNREACHABLE.equals(registry.reasons.get(id))));
        assertEquals("the MQTT broker cannot be reached", registry.reasons.get(CEILING));
        long started = System.nanoTime();
        CommandResult during = run(ceiling, Command.turnOff(), Duration.ofSeconds(5));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(CommandResult.failed(CEILING, FailureCode.DEVICE_UNREACHABLE, "The MQTT broker is not reachable;"
                + " the " + ceiling.name() + " cannot be controlled right now."), during);
        assertTrue(tookMs < 2000, "answered in " + tookMs + " ms");

        // Same port, persistence off: the retained discovery is gone until the bridge publishes it again.
        broker = broker.restart(folder);
        BlockingQueue<String> set = subscribe(CEILING_TOPIC + "/set");
        ArrayNode fewer = (ArrayNode) new ObjectMapper().readTree(bridgeDevices());
        String porch = "z2m.porch_light";
        for (int i = 0; i < fewer.size(); i++) {
            if ("Porch Light".equals(fewer.get(i).path("friendly_name").asText())) {
                fewer.remove(i);
                break;
            }
        }
        publish(BASE + "/bridge/devices", fewer.toString(), true);

        await("reconnected by itself", driver::connected);
        await("ceiling online again", () -> registry.availability.get(CEILING) == Availability.ONLINE);
        await("desk plug back to what zigbee2mqtt last said", () -> registry.availability.get(desk)
                == Availability.OFFLINE && !MqttDriver.BROKER_UNREACHABLE.equals(registry.reasons.get(desk)));
        assertEquals("The " + registry.announced.get(desk).name() + " is offline according to zigbee2mqtt.",
                registry.reasons.get(desk));
        await("discovery re-read", () -> registry.withdrawn.contains(porch));
        assertEquals(Set.of("glint-mqtt"), registry.availabilityThreads, "availability reported on the worker only");
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", next(set));
        assertNull(set.poll(1, TimeUnit.SECONDS), "the command from the outage must never arrive");
    }

    @Test
    void malformed_payloads_are_ignored_and_the_driver_keeps_working() throws Exception {
        BlockingQueue<String> set = subscribe(CEILING_TOPIC + "/set");
        Device ceiling = discovered();
        int announced = registry.announceCalls.size();

        publish(BASE + "/bridge/devices", "not json at all", false);
        publish(BASE + "/bridge/devices", "{\"devices\":[]}", false);
        publish(BASE + "/bridge/devices", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]", false);
        publish(CEILING_TOPIC, "{\"state\":", false);
        publish(CEILING_TOPIC, "[1,2,3]", false);
        publish(CEILING_TOPIC, "{\"state\":42,\"brightness\":\"bright\"}", false);
        publish(CEILING_TOPIC, "x".repeat(200_000), false);
        publish(CEILING_TOPIC + "/availability", "{\"state\":", false);
        publish(CEILING_TOPIC + "/availability", "maybe", false);
        publish(BASE + "/nobody/we/know", "{\"state\":\"ON\"}", false);
        publish(CEILING_TOPIC, "{\"brightness\":127}", false);

        await("the good message after the bad ones", () -> registry.state(CEILING).get(Attributes.BRIGHTNESS) != null);
        assertEquals(50, registry.state(CEILING).get(Attributes.BRIGHTNESS));
        assertNull(registry.state(CEILING).get(Attributes.ON));
        assertTrue(registry.withdrawn.isEmpty(), registry.withdrawn.toString());
        assertEquals(announced, registry.announceCalls.size(), "no device re-announced");
        assertNull(registry.availability.get(CEILING));
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOff()));
        assertEquals("{\"state\":\"OFF\"}", next(set));
    }

    @Test
    void without_a_broker_the_driver_is_idle_and_answers_commands_at_once() {
        driver = new MqttDriver(registry, new MqttDriver.Settings("", "glint-test", "", "", BASE, true, 2000,
                2000));
        Device lamp = Device.builder(CEILING).name("kitchen ceiling").driver(MqttDriver.DRIVER_ID).build();
        CommandResult result = driver.execute(lamp, Command.turnOn(), Instant.now().plusSeconds(2))
                .toCompletableFuture().getNow(null);
        assertNotNull(result, "answered at once");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, result.code());
        assertFalse(driver.connected());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private MqttDriver startDriver() {
        return new MqttDriver(registry, new MqttDriver.Settings(broker.uri(), "glint-test", "", "", BASE, true,
                2000, 2000));
    }

    /** Publishes the fixture bridge/devices, starts the driver and returns the announced kitchen ceiling. */
    private Device discovered() throws Exception {
        publish(BASE + "/bridge/devices", bridgeDevices(), true);
        driver = startDriver();
        await("kitchen ceiling announced", () -> registry.announced.containsKey(CEILING));
        await("connected", driver::connected);
        return registry.announced.get(CEILING);
    }

    private CommandResult run(Device device, Command command) throws Exception {
        return run(device, command, Duration.ofSeconds(2));
    }

    private CommandResult run(Device device, Command command, Duration timeout) throws Exception {
        return driver.execute(device, command, Instant.now().plus(timeout)).toCompletableFuture()
                .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private static String bridgeDevices() throws IOException {
        try (InputStream in = MqttDriverTest.class.getResourceAsStream("/z2m/bridge-devices.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    /** QoS 1, so it is on the broker when this returns. One publisher per broker, as a bridge would be. */
    private void publish(String topic, String payload, boolean retained) throws MqttException {
        if (publisher == null || !publisher.isConnected()) {
            publisher = client();
        }
        publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    /** Payloads on a topic, in order. The array subscribe: Paho 1.2.5's single-topic one recurses forever. */
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

    /** Records what the driver reports. */
    static final class RecordingRegistry implements DeviceRegistry {
        final Map<String, Room> rooms = new ConcurrentHashMap<>();
        final Map<String, Device> announced = new ConcurrentHashMap<>();
        final List<String> announceCalls = new CopyOnWriteArrayList<>();
        final List<String> withdrawn = new CopyOnWriteArrayList<>();
        final Map<String, Map<String, Object>> states = new ConcurrentHashMap<>();
        final Map<String, Availability> availability = new ConcurrentHashMap<>();
        final Map<String, String> reasons = new ConcurrentHashMap<>();
        final Set<String> availabilityThreads = ConcurrentHashMap.newKeySet();

        @Override
        public void defineRoom(Room room) {
            rooms.put(room.id(), room);
        }

        @Override
        public void announce(Device device) {
            announced.put(device.id(), device);
            announceCalls.add(device.id());
        }

        @Override
        public void withdraw(String deviceId) {
            withdrawn.add(deviceId);
        }

        @Override
        public void updateState(String deviceId, Map<String, ?> values) {
            states.computeIfAbsent(deviceId, k -> new ConcurrentHashMap<>()).putAll(values);
        }

        @Override
        public void updateAvailability(String deviceId, Availability availability, String reason) {
            this.availability.put(deviceId, availability);
            reasons.put(deviceId, reason);
            availabilityThreads.add(Thread.currentThread().getName());
        }

        Map<String, Object> state(String deviceId) {
            return states.getOrDefault(deviceId, Map.of());
        }
    }
}
