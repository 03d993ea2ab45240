package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

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
import io.glint.driver.mqtt.internal.home.HomeFile;
import io.glint.driver.mqtt.internal.z2m.Z2mDevices;

/**
 * The driver against real brokers on loopback — Mosquitto (MQTT 5) and the hub's embedded Moquette (MQTT 3.1.1, the
 * driver set up as when no broker is configured) — with the test playing zigbee2mqtt.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Brokers.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttDriverTest {
    private static final String BASE = "z2m";
    private static final String CEILING = "z2m.0x000d6ffffe8a1c22"; // kitchen/ceiling, a dimmable IKEA bulb
    private static final String CEILING_TOPIC = BASE + "/kitchen/ceiling";

    @TempDir
    Path folder;

    @Parameter
    Brokers brokers;

    private Brokers.TestBroker broker;
    private TestClients mqtt;
    private MqttDriver driver;
    private final RecordingRegistry registry = new RecordingRegistry();

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
    void retained_bridge_devices_are_announced_with_their_rooms_and_withdrawn_on_deactivate() throws Exception {
        mqtt.publish(BASE + "/bridge/devices", bridgeDevices(), true);
        driver = startDriver();

        int expected = new Z2mDevices(MqttDriver.DRIVER_ID).parse(bridgeDevices().getBytes(StandardCharsets.UTF_8))
                .size();
        TestClients.await("all devices announced", () -> registry.announced.size() == expected);
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
        BlockingQueue<String> set = mqtt.subscribe(CEILING_TOPIC + "/set");
        Device ceiling = discovered();

        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.brightness(50)));
        assertEquals("{\"brightness\":127}", TestClients.next(set));
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", TestClients.next(set));

        CommandResult colour = run(ceiling, Command.color("red"));
        assertEquals(FailureCode.NOT_SUPPORTED, colour.code(), colour.toString());
        assertNull(set.poll(300, TimeUnit.MILLISECONDS), "nothing is published for a refused command");
    }

    @Test
    void state_published_by_the_device_updates_the_registry() throws Exception {
        discovered();
        mqtt.publish(CEILING_TOPIC, "{\"state\":\"ON\",\"brightness\":254,\"linkquality\":87}", false);
        TestClients.await("state", () -> Boolean.TRUE.equals(registry.state(CEILING).get(Attributes.ON))
                && Integer.valueOf(100).equals(registry.state(CEILING).get(Attributes.BRIGHTNESS)));
        mqtt.publish(CEILING_TOPIC, "{\"state\":\"OFF\"}", false);
        TestClients.await("switched off", () -> Boolean.FALSE.equals(registry.state(CEILING).get(Attributes.ON)));
    }

    @Test
    void offline_availability_is_reported_and_commands_to_that_device_fail() throws Exception {
        BlockingQueue<String> set = mqtt.subscribe(CEILING_TOPIC + "/set");
        Device ceiling = discovered();
        String offline = "The " + ceiling.name() + " is offline according to zigbee2mqtt.";

        mqtt.publish(CEILING_TOPIC + "/availability", "{\"state\":\"offline\"}", true);
        TestClients.await("offline reported", () -> registry.availability.get(CEILING) == Availability.OFFLINE);
        assertEquals(offline, registry.reasons.get(CEILING));
        assertEquals(CommandResult.failed(CEILING, FailureCode.DEVICE_UNREACHABLE, offline),
                run(ceiling, Command.turnOn()));

        mqtt.publish(CEILING_TOPIC + "/availability", "online", true); // zigbee2mqtt 1.x style
        TestClients.await("online again", () -> registry.availability.get(CEILING) == Availability.ONLINE);
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", TestClients.next(set));
    }

    @Test
    void broker_restart_fails_commands_fast_reconnects_rereads_discovery_and_never_sends_the_outage_command()
            throws Exception {
        Device ceiling = discovered();
        String desk = "z2m.0x000b57fffe3f11aa"; // office/desk_plug: zigbee2mqtt last said it is offline
        mqtt.publish(BASE + "/office/desk_plug/availability", "{\"state\":\"offline\"}", false);
        TestClients.await("desk plug offline", () -> registry.availability.get(desk) == Availability.OFFLINE);
        Set<String> announced = Set.copyOf(registry.announced.keySet());

        broker.kill();
        TestClients.await("driver notices the broker is gone", () -> !driver.connected());
        TestClients.await("every device offline because of the broker", () -> announced.stream().allMatch(id ->
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
        BlockingQueue<String> set = mqtt.subscribe(CEILING_TOPIC + "/set");
        ArrayNode fewer = (ArrayNode) new ObjectMapper().readTree(bridgeDevices());
        String porch = "z2m.porch_light";
        for (int i = 0; i < fewer.size(); i++) {
            if ("Porch Light".equals(fewer.get(i).path("friendly_name").asText())) {
                fewer.remove(i);
                break;
            }
        }
        mqtt.publish(BASE + "/bridge/devices", fewer.toString(), true);

        TestClients.await("reconnected by itself", driver::connected);
        TestClients.await("ceiling online again", () -> registry.availability.get(CEILING) == Availability.ONLINE);
        TestClients.await("desk plug back to what zigbee2mqtt last said", () -> registry.availability.get(desk)
                == Availability.OFFLINE && !MqttDriver.BROKER_UNREACHABLE.equals(registry.reasons.get(desk)));
        assertEquals("The " + registry.announced.get(desk).name() + " is offline according to zigbee2mqtt.",
                registry.reasons.get(desk));
        TestClients.await("discovery re-read", () -> registry.withdrawn.contains(porch));
        assertEquals(Set.of("glint-mqtt"), registry.availabilityThreads, "availability reported on the worker only");
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", TestClients.next(set));
        assertNull(set.poll(1, TimeUnit.SECONDS), "the command from the outage must never arrive");
    }

    @Test
    void malformed_payloads_are_ignored_and_the_driver_keeps_working() throws Exception {
        BlockingQueue<String> set = mqtt.subscribe(CEILING_TOPIC + "/set");
        Device ceiling = discovered();
        int announced = registry.announceCalls.size();

        mqtt.publish(BASE + "/bridge/devices", "not json at all", false);
        mqtt.publish(BASE + "/bridge/devices", "{\"devices\":[]}", false);
        mqtt.publish(BASE + "/bridge/devices", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]", false);
        mqtt.publish(CEILING_TOPIC, "{\"state\":", false);
        mqtt.publish(CEILING_TOPIC, "[1,2,3]", false);
        mqtt.publish(CEILING_TOPIC, "{\"state\":42,\"brightness\":\"bright\"}", false);
        mqtt.publish(CEILING_TOPIC, "x".repeat(200_000), false);
        mqtt.publish(CEILING_TOPIC + "/availability", "{\"state\":", false);
        mqtt.publish(CEILING_TOPIC + "/availability", "maybe", false);
        mqtt.publish(BASE + "/nobody/we/know", "{\"state\":\"ON\"}", false);
        mqtt.publish(CEILING_TOPIC, "{\"brightness\":127}", false);

        TestClients.await("the good message after the bad ones", () -> registry.state(CEILING).get(Attributes.BRIGHTNESS) != null);
        assertEquals(50, registry.state(CEILING).get(Attributes.BRIGHTNESS));
        assertNull(registry.state(CEILING).get(Attributes.ON));
        assertTrue(registry.withdrawn.isEmpty(), registry.withdrawn.toString());
        assertEquals(announced, registry.announceCalls.size(), "no device re-announced");
        assertNull(registry.availability.get(CEILING));
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOff()));
        assertEquals("{\"state\":\"OFF\"}", TestClients.next(set));
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
        return broker.driver(registry, new MqttDriver.Settings("", "glint-test", "", "", BASE, true, 2000, 2000),
                HomeFile.NONE);
    }

    /** Publishes the fixture bridge/devices, starts the driver and returns the announced kitchen ceiling. */
    private Device discovered() throws Exception {
        mqtt.publish(BASE + "/bridge/devices", bridgeDevices(), true);
        driver = startDriver();
        int expected = new Z2mDevices(MqttDriver.DRIVER_ID).parse(bridgeDevices().getBytes(StandardCharsets.UTF_8))
                .size();
        // Every device, not just the ceiling: a test that counts announcements must start after the last one.
        TestClients.await("all devices announced", () -> registry.announced.size() == expected);
        TestClients.await("connected", driver::connected);
        return registry.announced.get(CEILING);
    }

    private CommandResult run(Device device, Command command) throws Exception {
        return run(device, command, Duration.ofSeconds(2));
    }

    private CommandResult run(Device device, Command command, Duration timeout) throws Exception {
        return driver.execute(device, command, Instant.now().plus(timeout)).toCompletableFuture()
                .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    static String bridgeDevices() throws IOException {
        try (InputStream in = MqttDriverTest.class.getResourceAsStream("/z2m/bridge-devices.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
