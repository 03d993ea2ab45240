package io.glint.driver.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.glint.paho.NoDelaySocketFactory;

/**
 * The driver's connection to a broker that speaks MQTT 3.1.1 only — the embedded Moquette — through Paho's MQTT 3
 * client, behaving as the MQTT 5 connection does: clean session, nothing persisted, automatic reconnect with a
 * growing delay, TCP_NODELAY. Two things MQTT 3.1.1 lacks, and what stands in for them:
 * <ul>
 * <li>No message expiry. Commands are published at QoS 0: a broker delivers QoS 0 to the subscribers connected at
 * that moment and never queues it for a disconnected session (Moquette drops it, {@code Session
 * .sendPublishOnSessionAtQos}), so a command reaches the device now or never — what the expiry guarantees on
 * MQTT 5. The driver still answers at once when the broker is not connected, and fails the command at its
 * deadline.</li>
 * <li>No "no local": the driver receives its own {@code /set} messages back and ignores them (it never treats a
 * {@code .../set} topic as state).</li>
 * </ul>
 * Paho calls {@link Events} on its own threads; the driver hands everything to its worker.
 */
final class Mqtt311Link {

    /** What the broker connection reports. Called on Paho's threads: return at once. */
    interface Events {
        void connected(boolean reconnect, String serverUri);

        void lost(String why);

        void message(String topic, byte[] payload);
    }

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;

    Mqtt311Link(String uri, String clientId, String username, String password, long reconnectMaxDelayMs,
            Events events) throws MqttException {
        this.client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay((int) Math.max(1000, Math.min(Integer.MAX_VALUE, reconnectMaxDelayMs)));
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        if (username != null && !username.isBlank()) {
            o.setUserName(username.trim());
        }
        if (password != null && !password.isEmpty()) {
            o.setPassword(password.toCharArray());
        }
        if (uri.regionMatches(true, 0, "tcp://", 0, 6)) {
            o.setSocketFactory(new NoDelaySocketFactory());
        }
        this.options = o;
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                events.connected(reconnect, serverURI);
            }

            @Override
            public void connectionLost(Throwable cause) {
                events.lost(cause == null ? "?" : String.valueOf(cause.getMessage()));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.message(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // commands are answered through their own listener
            }
        });
    }

    String serverUri() {
        return client.getServerURI();
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** The first connection; after it Paho reconnects by itself. */
    void connect(Runnable connected, Consumer<Throwable> failed) throws MqttException {
        client.connect(options, null, listener(connected, failed));
    }

    /** A command: QoS 0, not retained (see the class comment). */
    void publish(String topic, String payload, Runnable sent, Consumer<Throwable> failed) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, null, listener(sent, failed));
    }

    void subscribe(List<String> filters, Runnable done, Consumer<Throwable> failed) throws MqttException {
        int[] qos = new int[filters.size()];
        java.util.Arrays.fill(qos, 1);
        client.subscribe(filters.toArray(String[]::new), qos, null, listener(done, failed));
    }

    /** Disconnects (bounded) and releases the client; no reconnect afterwards. */
    void close(long waitMs) {
        try {
            if (client.isConnected()) {
                client.disconnect(waitMs / 2).waitForCompletion(waitMs);
            }
        } catch (MqttException | RuntimeException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            // nothing more to release
        }
    }

    private static IMqttActionListener listener(Runnable success, Consumer<Throwable> failure) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                success.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failure.accept(e);
            }
        };
    }
}
