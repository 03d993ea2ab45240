package io.glint.paho;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glint.testing.Mosquitto;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Paho with {@link NoDelaySocketFactory} against a real Mosquitto on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokerRoundTripTest {
    private static final String TOPIC = "glint/test/round-trip";
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(5);
    private static final int ROUND_TRIPS = 200;
    private static final int WARM_UP = 20;
    /** A loose sanity bound: without TCP_NODELAY round trips can take ~44 ms; with it, well under 1 ms. */
    private static final double MEDIAN_BOUND_MS = 20;

    @TempDir
    Path folder;

    private Mosquitto broker;
    private final List<MqttClient> clients = new ArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (MqttClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(0, 1000, false);
                }
                client.close(true);
            } catch (MqttException | RuntimeException ignored) {
                // The broker may be gone already; the client's threads end either way.
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void a_qos1_message_with_an_expiry_comes_back_through_the_broker_quickly() throws Exception {
        broker = Mosquitto.start(folder);
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient client = connectedClient(broker.uri(), new Callback());
        // Not subscribe(String, int, IMqttMessageListener): in Paho 1.2.5 it recurses into a StackOverflowError.
        client.subscribe(new MqttSubscription[] {new MqttSubscription(TOPIC, 1)},
                new IMqttMessageListener[] {(topic, message) -> received.add(message)}).waitForCompletion(5000);

        MqttMessage first = message("hello".getBytes(StandardCharsets.UTF_8), 60);
        client.publish(TOPIC, first);
        MqttMessage echo = received.poll(RECEIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(echo, "the message did not come back within " + RECEIVE_TIMEOUT.toSeconds() + " s");
        assertArrayEquals(first.getPayload(), echo.getPayload());
        assertEquals(1, echo.getQos());
        Long expiry = echo.getProperties().getMessageExpiryInterval();
        assertNotNull(expiry, "the broker dropped the message expiry interval");
        assertTrue(expiry > 0 && expiry <= 60, "expiry interval " + expiry);
        assertEquals(1, sockets.size(), "sockets Paho took from the factory");
        assertTrue(sockets.get(0).getTcpNoDelay(), "TCP_NODELAY on Paho's connection");

        long[] nanos = new long[ROUND_TRIPS];
        for (int i = -WARM_UP; i < ROUND_TRIPS; i++) {
            byte[] payload = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            client.publish(TOPIC, message(payload, 60));
            MqttMessage back = received.poll(RECEIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long elapsed = System.nanoTime() - start;
            assertNotNull(back, "round trip " + i + " did not come back within " + RECEIVE_TIMEOUT.toSeconds() + " s");
            assertArrayEquals(payload, back.getPayload());
            if (i >= 0) {
                nanos[i] = elapsed;
            }
        }
        Arrays.sort(nanos);
        double medianMs = nanos[ROUND_TRIPS / 2] / 1e6;
        double p99Ms = nanos[ROUND_TRIPS * 99 / 100] / 1e6;
        assertTrue(medianMs < MEDIAN_BOUND_MS, String.format(
                "QoS 1 publish -> receive median %.3f ms (p99 %.3f ms) over %d round trips; expected < %.0f ms",
                medianMs, p99Ms, ROUND_TRIPS, MEDIAN_BOUND_MS));
    }

    @Test
    void connecting_where_nothing_listens_fails_within_3_s_with_the_refusal_as_cause() throws Exception {
        String uri = "tcp://127.0.0.1:" + Mosquitto.freeLoopbackPort();
        MqttClient client = client(uri);

        long start = System.nanoTime();
        MqttException e = assertThrows(MqttException.class, () -> client.connect(options()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(elapsed.compareTo(Duration.ofSeconds(3)) < 0, "connect failed only after " + elapsed);
        assertEquals(MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR, e.getReasonCode(), e.toString());
        assertInstanceOf(ConnectException.class, e.getCause(), "cause");
        assertFalse(client.isConnected());
    }

    @Test
    void killing_the_broker_is_reported_as_a_lost_connection_within_5_s() throws Exception {
        broker = Mosquitto.start(folder);
        Callback callback = new Callback();
        MqttClient client = connectedClient(broker.uri(), callback);

        broker.kill();

        assertTrue(callback.disconnected.await(5, TimeUnit.SECONDS),
                "Paho did not report the connection lost within 5 s of the broker's death");
        assertNotNull(callback.disconnect, "disconnect response");
        assertFalse(client.isConnected());
    }

    private static MqttMessage message(byte[] payload, long expirySeconds) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(expirySeconds);
        message.setProperties(properties);
        return message;
    }

    private MqttClient connectedClient(String uri, MqttCallback callback) throws MqttException {
        MqttClient client = client(uri);
        client.setCallback(callback);
        client.connect(options());
        return client;
    }

    private MqttClient client(String uri) throws MqttException {
        MqttClient client = new MqttClient(uri, "glint-test-" + System.nanoTime(), new MemoryPersistence());
        client.setTimeToWait(5000);
        clients.add(client);
        return client;
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new NoDelaySocketFactory(new RecordingSocketFactory()));
        options.setConnectionTimeout(2);
        options.setAutomaticReconnect(false);
        options.setCleanStart(true);
        return options;
    }

    /** Shows that Paho connects through the factory it was given. */
    private final class RecordingSocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() {
            Socket socket = new Socket();
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("Paho connects unconnected sockets itself");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("Paho connects unconnected sockets itself");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("Paho connects unconnected sockets itself");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("Paho connects unconnected sockets itself");
        }
    }

    private static final class Callback implements MqttCallback {
        final CountDownLatch disconnected = new CountDownLatch(1);
        volatile MqttDisconnectResponse disconnect;

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            disconnect = response;
            disconnected.countDown();
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
