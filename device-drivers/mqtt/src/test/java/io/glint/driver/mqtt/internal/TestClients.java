package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.net.SocketFactory;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * The tests' side of the broker: a bridge or device that publishes, subscribers that watch what the driver
 * sends, and bounded waits. Closing it drops every client it made.
 */
final class TestClients implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Supplier<String> uri;
    private final SocketFactory sockets;
    /** For a broker that speaks MQTT 3.1.1 only (the embedded one), else null. */
    private final V3Clients v3;
    private final List<MqttClient> clients = new CopyOnWriteArrayList<>();
    private MqttClient publisher;

    /** @param uri the broker's address now (a restarted broker keeps its port) */
    TestClients(Supplier<String> uri) {
        this(uri, null);
    }

    /** For an ssl:// broker: the TLS socket factory the test's own clients connect with. */
    TestClients(Supplier<String> uri, SocketFactory sockets) {
        this(uri, sockets, null);
    }

    private TestClients(Supplier<String> uri, SocketFactory sockets, V3Clients v3) {
        this.uri = uri;
        this.sockets = sockets;
        this.v3 = v3;
    }

    /** For a broker that speaks MQTT 3.1.1 only: publish and subscribe go through Paho's MQTT 3 client. */
    static TestClients mqtt311(Supplier<String> uri) {
        return new TestClients(uri, null, new V3Clients(uri));
    }

    MqttClient client() throws MqttException {
        MqttClient c = new MqttClient(uri.get(), "test-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setConnectionTimeout(5);
        if (sockets != null) {
            o.setSocketFactory(sockets);
            o.setHttpsHostnameVerificationEnabled(false); // the test's side, not what is under test
        }
        c.setTimeToWait(5000);
        c.connect(o);
        clients.add(c);
        return c;
    }

    /** QoS 1, so it is on the broker when this returns. One publisher per broker, as a bridge would be. */
    void publish(String topic, String payload, boolean retained) throws MqttException {
        if (v3 != null) {
            try {
                v3.publish(topic, payload, retained);
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                throw new MqttException(e.getReasonCode(), e);
            }
            return;
        }
        if (publisher == null || !publisher.isConnected()) {
            publisher = client();
        }
        publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    /** Payloads on a topic, in order. The array subscribe: Paho 1.2.5's single-topic one recurses forever. */
    BlockingQueue<String> subscribe(String topic) throws MqttException {
        if (v3 != null) {
            try {
                return v3.subscribe(topic);
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                throw new MqttException(e.getReasonCode(), e);
            }
        }
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        IMqttMessageListener listener = (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8));
        client().subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                new IMqttMessageListener[] {listener});
        return received;
    }

    static String next(BlockingQueue<String> queue) throws InterruptedException {
        String s = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            fail("nothing published within " + WAIT.toSeconds() + " s");
        }
        return s;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        if (v3 != null) {
            v3.close();
        }
        for (MqttClient c : clients) {
            try {
                c.disconnectForcibly(0, 500, false);
                c.close(true);
            } catch (MqttException | RuntimeException ignored) {
                // the broker may be gone already
            }
        }
    }
}
