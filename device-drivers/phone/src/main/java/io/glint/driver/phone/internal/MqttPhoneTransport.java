package io.glint.driver.phone.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.driver.phone.simulator.PhoneTopics;

/**
 * The companion-app protocol over MQTT 3.1.1: works with the embedded broker (Moquette speaks nothing newer) and
 * with Mosquitto. The hub subscribes to each phone's status, state, contacts and result at QoS 1 on a clean
 * session, and sends commands at QoS 1, not retained: a command reaches the app connected now or no one, and
 * carries an expiry and an id the app uses to drop late and repeated deliveries.
 */
final class MqttPhoneTransport implements PhoneTransport {
    private static final Logger LOG = LoggerFactory.getLogger(MqttPhoneTransport.class);
    static final String[] LEAVES = {PhoneTopics.STATUS, PhoneTopics.STATE, PhoneTopics.CONTACTS, PhoneTopics.RESULT};

    private final String uri;
    private final String clientId;
    private final String username;
    private final String password;
    private final String base;
    private volatile MqttAsyncClient client;

    MqttPhoneTransport(String uri, String clientId, String username, String password, String base) {
        this.uri = uri;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.base = base;
    }

    @Override
    public void start(List<String> phoneIds, Listener listener) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(30_000);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        if (username != null && !username.isBlank()) {
            o.setUserName(username.trim());
        }
        if (password != null && !password.isEmpty()) {
            o.setPassword(password.toCharArray());
        }
        String[] filters = phoneIds.stream().flatMap(id -> Arrays.stream(LEAVES)
                .map(leaf -> PhoneTopics.topic(base, id, leaf))).toArray(String[]::new);
        int[] qos = new int[filters.length];
        Arrays.fill(qos, 1);
        try {
            MqttAsyncClient c = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            client = c;
            c.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                    listener.connected();
                    if (filters.length == 0) {
                        return;
                    }
                    try {
                        // Paho's callback thread must not wait on Paho: subscribe asynchronously.
                        c.subscribe(filters, qos, null, null);
                    } catch (MqttException e) {
                        listener.disconnected("the broker " + uri + " refused the subscription: " + e.getMessage());
                    }
                }

                @Override
                public void connectionLost(Throwable cause) {
                    listener.disconnected("the hub lost the MQTT broker " + uri);
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    String prefix = base + "/";
                    if (!topic.startsWith(prefix)) {
                        return;
                    }
                    String[] parts = topic.substring(prefix.length()).split("/");
                    if (parts.length == 2) {
                        listener.message(parts[0], parts[1], message.getPayload());
                    }
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // commands are answered through their own listener
                }
            });
            c.connect(o, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete does the rest
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("Cannot connect to the MQTT broker {} for the phones: {}", uri, e.getMessage());
                    listener.disconnected("the hub cannot reach the MQTT broker " + uri);
                    try {
                        // the first connection is not retried by Paho's automatic reconnect
                        c.reconnect();
                    } catch (MqttException | RuntimeException again) {
                        LOG.debug("Reconnect not possible", again);
                    }
                }
            });
        } catch (MqttException | IllegalArgumentException e) {
            listener.disconnected("the MQTT broker address " + uri + " is not usable: " + e.getMessage());
        }
    }

    @Override
    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public CompletionStage<Void> send(String phoneId, byte[] command) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            done.completeExceptionally(new IOException("the hub is not connected to the MQTT broker " + uri));
            return done;
        }
        try {
            c.publish(PhoneTopics.topic(base, phoneId, PhoneTopics.COMMAND), command, 1, false, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            done.complete(null);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            done.completeExceptionally(e);
                        }
                    });
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void close() {
        MqttAsyncClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException | RuntimeException e) {
            // closing anyway
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            // nothing more to release
        }
    }
}
