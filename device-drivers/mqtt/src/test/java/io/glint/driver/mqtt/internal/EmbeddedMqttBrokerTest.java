package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.driver.mqtt.internal.home.HomeFile;
import io.glint.moquette.EmbeddedBroker;
import io.glint.moquette.LocalBroker;

/** The embedded broker component, and what the driver guarantees on MQTT 3.1.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedMqttBrokerTest {
    private static final String BASE = "z2m";
    private static final String CEILING = "z2m.0x000d6ffffe8a1c22";

    private EmbeddedBroker broker;
    private MqttDriver driver;
    private V3Clients clients;
    private final MqttDriverTest.RecordingRegistry registry = new MqttDriverTest.RecordingRegistry();

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (clients != null) {
            clients.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void with_no_broker_configured_it_runs_one_on_loopback_and_says_so() throws Exception {
        String[] log = new String[1];
        broker = capture(log, () -> EmbeddedMqttBroker.start("", true, 0));
        assertNotNull(broker);
        assertTrue(broker.uri().startsWith("tcp://127.0.0.1:"), broker.uri());
        assertTrue(log[0].contains("INFO io.glint.driver.mqtt.internal.EmbeddedMqttBroker - No MQTT broker"
                + " configured: running the embedded broker on 127.0.0.1:" + broker.port()), log[0]);
        assertTrue(log[0].contains("set brokerUri in conf/io.glint.driver.mqtt.cfg to use your own"), log[0]);
    }

    @Test
    void a_configured_broker_or_embeddedBroker_false_runs_none() throws Exception {
        assertNull(EmbeddedMqttBroker.start("tcp://mqtt.example:1883", true, 0));
        String[] log = new String[1];
        assertNull(capture(log, () -> EmbeddedMqttBroker.start(" ", false, 0)));
        assertTrue(log[0].contains("the embedded broker is off (embeddedBroker = false"), log[0]);
    }

    @Test
    void a_port_in_use_is_an_error_that_says_what_to_do_and_nothing_is_thrown() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            String[] log = new String[1];
            assertNull(capture(log, () -> EmbeddedMqttBroker.start("", true, port)));
            assertTrue(log[0].contains("ERROR io.glint.driver.mqtt.internal.EmbeddedMqttBroker - The embedded MQTT"
                    + " broker cannot listen on 127.0.0.1:" + port + ": the port is already in use"), log[0]);
            assertTrue(log[0].contains("Set brokerUri in conf/io.glint.driver.mqtt.cfg to use the broker that is"
                    + " there, or embeddedPort to a free port"), log[0]);
        }
        String[] log = new String[1];
        assertNull(capture(log, () -> EmbeddedMqttBroker.start("", true, 123_456)));
        assertTrue(log[0].contains("embeddedPort in conf/io.glint.driver.mqtt.cfg is not usable"), log[0]);
    }

    @Test
    void the_launcher_can_override_the_port() {
        assertEquals(1883, EmbeddedMqttBroker.port(null, 1883));
        assertEquals(1883, EmbeddedMqttBroker.port("", 1883));
        assertEquals(0, EmbeddedMqttBroker.port("0", 1883));
        assertEquals(1883, EmbeddedMqttBroker.port("any", 1883));
    }

    /**
     * MQTT 3.1.1 has no message expiry, so the driver sends commands at QoS 0: a device whose session is
     * disconnected never gets them later (at QoS 1 the broker would queue them for its persistent session).
     */
    @Test
    void a_command_reaches_a_connected_device_now_and_a_disconnected_one_never() throws Exception {
        broker = EmbeddedBroker.start(0);
        clients = new V3Clients(() -> broker.uri());
        String setTopic = BASE + "/kitchen/ceiling/set";
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient bridge = clients.client("bridge", false, received); // a persistent session, as some keep
        bridge.subscribe(setTopic, 1);
        clients.publish(BASE + "/bridge/devices", MqttDriverTest.bridgeDevices(), true);
        driver = new MqttDriver(registry, new MqttDriver.Settings("", "glint-test", "", "", BASE, true, 2000, 2000),
                local(broker), HomeFile.NONE);
        TestClients.await("kitchen ceiling announced", () -> registry.announced.containsKey(CEILING));
        TestClients.await("connected", driver::connected);
        Device ceiling = registry.announced.get(CEILING);

        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", TestClients.next(received));

        bridge.disconnect();
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOff()), "the broker took it");
        MqttClient back = clients.client("bridge", false, received); // its subscription is still there
        assertNull(received.poll(1, TimeUnit.SECONDS), "the command sent while the device was away never arrives");
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", TestClients.next(received));

        // Why QoS 0: the same message at QoS 1 is kept for the absent device and delivered when it returns.
        back.disconnect();
        clients.publish(setTopic, "{\"state\":\"OFF\"}", false);
        clients.client("bridge", false, received);
        assertEquals("{\"state\":\"OFF\"}", TestClients.next(received), "QoS 1 would have been queued");
    }

    private CommandResult run(Device device, Command command) throws Exception {
        return driver.execute(device, command, Instant.now().plusSeconds(2)).toCompletableFuture()
                .get(3, TimeUnit.SECONDS);
    }

    static LocalBroker local(EmbeddedBroker b) {
        return new LocalBroker() {
            @Override
            public String uri() {
                return b.uri();
            }

            @Override
            public int port() {
                return b.port();
            }
        };
    }

    /** Runs the body with what slf4j-simple prints (to System.err) captured into {@code log[0]}. */
    private static <T> T capture(String[] log, Callable<T> body) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return body.call();
        } finally {
            System.setErr(original);
            log[0] = bytes.toString(StandardCharsets.UTF_8);
            original.print(log[0]);
        }
    }
}
