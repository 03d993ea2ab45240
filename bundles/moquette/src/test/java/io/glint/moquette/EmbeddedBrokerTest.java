package io.glint.moquette;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/** The embedded broker with real MQTT 3.1.1 clients (Paho) on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedBrokerTest {
    private static final long WAIT_MS = 5_000;

    private final List<EmbeddedBroker> brokers = new ArrayList<>();
    private final List<MqttClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        for (MqttClient c : clients) {
            try {
                c.disconnectForcibly(0, 500);
                c.close(true);
            } catch (MqttException | RuntimeException ignored) {
                // the broker may be gone already
            }
        }
        brokers.forEach(EmbeddedBroker::close);
    }

    @Test
    void clients_publish_and_subscribe_and_retained_messages_of_several_mebibytes_are_kept() throws Exception {
        EmbeddedBroker broker = start(0);
        assertTrue(broker.port() > 0, "a free port was chosen: " + broker.port());
        assertEquals("tcp://127.0.0.1:" + broker.port(), broker.uri());

        byte[] big = new byte[3 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        MqttClient publisher = client(broker);
        publisher.publish("zigbee2mqtt/bridge/devices", big, 1, true);

        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = client(broker);
        subscriber.subscribe("zigbee2mqtt/#", 1, (topic, message) -> received.add(message));
        MqttMessage retained = received.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(retained, "the retained message arrives on subscribing");
        assertArrayEquals(big, retained.getPayload());

        publisher.publish("zigbee2mqtt/kitchen/light/set", "{\"state\":\"ON\"}".getBytes(StandardCharsets.UTF_8),
                0, false);
        MqttMessage live = received.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(live, "a live message arrives");
        assertEquals("{\"state\":\"ON\"}", new String(live.getPayload(), StandardCharsets.UTF_8));
    }

    @Test
    void it_listens_on_loopback_only() throws Exception {
        EmbeddedBroker broker = start(0);
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    others.add(a);
                }
            }
        }
        assumeFalse(others.isEmpty(), "this machine has no address but loopback");
        for (InetAddress a : others) {
            try (Socket s = new Socket()) {
                assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress(a, broker.port()), 1000),
                        "nothing accepts on " + a.getHostAddress() + ":" + broker.port());
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), broker.port()), 1000);
            assertTrue(s.isConnected());
        }
    }

    @Test
    void a_port_in_use_is_a_clear_bind_exception() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            BindException e = assertThrows(BindException.class, () -> start(port));
            assertTrue(e.getMessage().startsWith("127.0.0.1:" + port + " is already in use"), e.getMessage());
        }
    }

    @Test
    void ports_outside_the_range_are_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddedBroker.start(70_000));
        assertEquals("The embedded MQTT broker's port must be 1–65535, or 0 for any free port, not 70000",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmbeddedBroker.start(-1));
    }

    @Test
    void closing_drops_the_clients_at_once_and_frees_the_port_for_a_new_broker() throws Exception {
        EmbeddedBroker broker = start(0);
        CountDownLatch lost = new CountDownLatch(1);
        MqttClient c = client(broker);
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        c.publish("glint/retained", "before".getBytes(StandardCharsets.UTF_8), 1, true);

        long started = System.nanoTime();
        broker.close();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(lost.await(WAIT_MS, TimeUnit.MILLISECONDS), "the client noticed the broker is gone");
        assertTrue(tookMs < 2_500, "close returned in " + tookMs + " ms");

        EmbeddedBroker again = start(broker.port());
        assertEquals(broker.port(), again.port());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = client(again);
        subscriber.subscribe("glint/#", 1, (topic, m) -> received.add(new String(m.getPayload(),
                StandardCharsets.UTF_8)));
        client(again).publish("glint/live", "after".getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals("after", received.poll(WAIT_MS, TimeUnit.MILLISECONDS),
                "retained messages are kept in memory only: the new broker starts empty");
    }

    @Test
    void nothing_is_sent_anywhere_and_nothing_is_written_to_disk() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        assumeFalse(Files.exists(workingDirectory.resolve("data")) || Files.exists(workingDirectory.resolve(
                ".moquette_uuid")), "leftovers from an earlier run would hide what this run writes");
        List<URI> attempts = trapOutboundHttp(() -> {
            EmbeddedBroker broker = start(0);
            MqttClient c = client(broker);
            c.publish("glint/x", "y".getBytes(StandardCharsets.UTF_8), 1, true);
            // Moquette sends its telemetry from a thread of its own, right after starting.
            Thread.sleep(1_000);
        });
        assertEquals(List.of(), attempts, "no connection but loopback was attempted");
        assertFalse(Files.exists(workingDirectory.resolve("data")), "no persistence folder");
        assertFalse(Files.exists(workingDirectory.resolve(".moquette_uuid")), "no telemetry id file");
    }

    /** The trap of the test above catches Moquette's telemetry when it is not turned off (as by default). */
    @Test
    void the_outbound_trap_does_catch_moquette_telemetry_left_on(@TempDir Path data) throws Exception {
        List<URI> attempts = trapOutboundHttp(() -> {
            Properties p = EmbeddedBroker.settings(0);
            p.setProperty("telemetry_enabled", "true");
            p.setProperty("data_path", data.toString());
            Server server = new Server();
            server.startServer(new MemoryConfig(p));
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
                while (Files.notExists(data.resolve(".moquette_uuid")) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(500);
            } finally {
                server.stopServer();
            }
        });
        assertNotEquals(List.of(), attempts, "Moquette tried to report telemetry");
        assertTrue(attempts.stream().anyMatch(u -> u.getHost().contains("moquette")), attempts.toString());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private EmbeddedBroker start(int port) throws IOException {
        EmbeddedBroker broker = EmbeddedBroker.start(port);
        brokers.add(broker);
        return broker;
    }

    private MqttClient client(EmbeddedBroker broker) throws MqttException {
        MqttClient c = new MqttClient(broker.uri(), "test-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        c.setTimeToWait(WAIT_MS);
        c.connect(o);
        clients.add(c);
        return c;
    }

    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs the body with a proxy selector that records every connection the JVM attempts to anywhere but loopback
     * and refuses it before anything is sent: HttpURLConnection and java.net.Socket ask the selector first.
     */
    private static List<URI> trapOutboundHttp(Body body) throws Exception {
        List<URI> attempts = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if ("socket".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost())) {
                    return List.of(Proxy.NO_PROXY); // the test's own MQTT clients
                }
                attempts.add(uri);
                throw new IllegalArgumentException("outbound connection to " + uri + " blocked by the test");
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try {
            body.run();
        } finally {
            ProxySelector.setDefault(previous);
        }
        return attempts;
    }
}
