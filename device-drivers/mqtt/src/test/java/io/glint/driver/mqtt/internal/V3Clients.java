package io.glint.driver.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** {@link TestClients} for a broker that speaks MQTT 3.1.1 only (the embedded one): Paho's MQTT 3 client. */
final class V3Clients {
    private final Supplier<String> uri;
    private final List<MqttClient> clients = new CopyOnWriteArrayList<>();
    private MqttClient publisher;

    V3Clients(Supplier<String> uri) {
        this.uri = uri;
    }

    MqttClient client(String clientId, boolean cleanSession) throws MqttException {
        return client(clientId, cleanSession, null);
    }

    /**
     * @param received where every message the client gets goes, set before it connects: a resumed persistent
     *                 session is handed what was queued for it straight away
     */
    MqttClient client(String clientId, boolean cleanSession, BlockingQueue<String> received) throws MqttException {
        MqttClient c = new MqttClient(uri.get(), clientId, new MemoryPersistence());
        if (received != null) {
            c.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
        }
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(cleanSession);
        o.setConnectionTimeout(5);
        c.setTimeToWait(5000);
        c.connect(o);
        clients.add(c);
        return c;
    }

    void publish(String topic, String payload, boolean retained) throws MqttException {
        if (publisher == null || !publisher.isConnected()) {
            publisher = client("test-" + System.nanoTime(), true);
        }
        publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    BlockingQueue<String> subscribe(String topic) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client("test-" + System.nanoTime(), true).subscribe(topic, 1,
                (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        return received;
    }

    void close() {
        for (MqttClient c : clients) {
            try {
                c.disconnectForcibly(0, 500);
                c.close(true);
            } catch (MqttException | RuntimeException ignored) {
                // the broker may be gone already
            }
        }
    }
}
