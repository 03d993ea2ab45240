package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceRegistry;
import io.glint.testing.Mosquitto;

/**
 * A broker that sends faster than the hub handles: the messages waiting for the driver's worker stay within
 * {@link MqttDriver#MAX_BACKLOG_BYTES} (Paho's thread waits, TCP slows the broker), and once the worker catches up
 * every message has been handled and the driver works as before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttFloodTest {
    private static final String BASE = "z2m";
    private static final String CEILING = "z2m.0x000d6ffffe8a1c22"; // kitchen/ceiling
    private static final String CEILING_TOPIC = BASE + "/kitchen/ceiling";
    private static final int BIG = 256 * 1024;
    private static final int FLOOD = 64; // 16 MiB: twice what may wait

    @TempDir
    Path folder;

    private Mosquitto broker;
    private MqttDriver driver;
    private final MqttDriverTest.RecordingRegistry recorded = new MqttDriverTest.RecordingRegistry();
    private final TestClients mqtt = new TestClients(() -> broker.uri());
    /** While closed, the worker is held inside the registry, as a slow registry would hold it. */
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch held = new CountDownLatch(1);

    @BeforeEach
    void startBroker() throws Exception {
        broker = Mosquitto.start(folder);
    }

    @AfterEach
    void stop() throws Exception {
        gate.countDown();
        if (driver != null) {
            driver.close();
        }
        mqtt.close();
        broker.close();
    }

    @Test
    void a_flood_waits_within_the_bound_and_everything_is_handled_once_the_worker_catches_up() throws Exception {
        mqtt.publish(BASE + "/bridge/devices", bridgeDevices(), true);
        driver = new MqttDriver(slowRegistry(), new MqttDriver.Settings(broker.uri(), "glint-test", "", "", BASE,
                true, 2000, 2000));
        TestClients.await("kitchen ceiling announced", () -> recorded.announced.containsKey(CEILING));
        BlockingQueue<String> set = mqtt.subscribe(CEILING_TOPIC + "/set");

        gate = new CountDownLatch(1);
        mqtt.publish(CEILING_TOPIC, "{\"brightness\":254}", false);
        assertTrue(held.await(10, TimeUnit.SECONDS), "the worker is held in the registry");
        String big = "{\"linkquality\":\"" + "x".repeat(BIG) + "\"}"; // too big for a state: ignored when handled
        for (int i = 0; i < FLOOD; i++) {
            mqtt.publish(CEILING_TOPIC, big, false);
        }
        int cost = BIG + 20 + 2 * CEILING_TOPIC.length() + 128;
        TestClients.await("the backlog full", () -> driver.backlogPeak() > MqttDriver.MAX_BACKLOG_BYTES - cost);
        Thread.sleep(300); // were anything to go past the bound, it would by now
        assertTrue(driver.backlogPeak() <= MqttDriver.MAX_BACKLOG_BYTES, driver.backlogPeak() + " bytes waited");

        gate.countDown();
        mqtt.publish(CEILING_TOPIC, "{\"state\":\"OFF\",\"brightness\":127}", false);
        TestClients.await("the message after the flood", () -> Boolean.FALSE.equals(
                recorded.state(CEILING).get(Attributes.ON)));
        assertEquals(50, recorded.state(CEILING).get(Attributes.BRIGHTNESS));
        assertTrue(driver.connected(), "still connected");
        Device ceiling = recorded.announced.get(CEILING);
        CommandResult result = driver.execute(ceiling, Command.turnOn(), Instant.now().plusSeconds(2))
                .toCompletableFuture().get(3, TimeUnit.SECONDS);
        assertEquals(CommandResult.ok(CEILING), result);
        assertEquals("{\"state\":\"ON\"}", TestClients.next(set));
    }

    /** The recording registry, holding the worker in updateState while {@link #gate} is closed. */
    private DeviceRegistry slowRegistry() {
        return new DeviceRegistry() {
            @Override
            public void defineRoom(Room room) {
                recorded.defineRoom(room);
            }

            @Override
            public void announce(Device device) {
                recorded.announce(device);
            }

            @Override
            public void withdraw(String deviceId) {
                recorded.withdraw(deviceId);
            }

            @Override
            public void updateState(String deviceId, Map<String, ?> values) {
                if (gate.getCount() > 0) {
                    held.countDown();
                    try {
                        gate.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                recorded.updateState(deviceId, values);
            }

            @Override
            public void updateAvailability(String deviceId, Availability availability, String reason) {
                recorded.updateAvailability(deviceId, availability, reason);
            }
        };
    }

    private static String bridgeDevices() throws IOException {
        try (InputStream in = MqttFloodTest.class.getResourceAsStream("/z2m/bridge-devices.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
