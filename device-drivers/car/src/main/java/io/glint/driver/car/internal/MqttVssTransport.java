package io.glint.driver.car.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import io.glint.paho.NoDelaySocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.driver.car.simulator.VssTopics;

/**
 * VSS over MQTT 3.1.1 ({@link VssTopics}): works with the embedded broker (Moquette speaks nothing newer) and with
 * Mosquitto or EMQX. Targets go out at QoS 0, not retained, on a clean session: a broker delivers them to the car
 * connected now or drops them, and each carries an expiry the car checks, so nothing is applied later.
 */
final class MqttVssTransport implements VssTransport {
    private static final Logger LOG = LoggerFactory.getLogger(MqttVssTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String uri;
    private final String clientId;
    private final String username;
    private final String password;
    private final String base;
    private final Clock clock;
    private volatile MqttAsyncClient client;

    MqttVssTransport(String uri, String clientId, String username, String password, String base, Clock clock) {
        this.uri = uri;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.base = base;
        this.clock = clock;
    }

    @Override
    public void start(List<String> cars, Listener listener) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(30_000);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        // all signals go out at once on start and on every tick
        o.setMaxInflight(1000);
        // Paho leaves Nagle on: a small message then waits for the broker's delayed ACK (~40 ms)
        o.setSocketFactory(new NoDelaySocketFactory());
        if (username != null && !username.isBlank()) {
            o.setUserName(username.trim());
        }
        if (password != null && !password.isEmpty()) {
            o.setPassword(password.toCharArray());
        }
        String[] filters = cars.stream().flatMap(car -> List.of(base + "/" + car + "/" + VssTopics.CURRENT + "/+",
                VssTopics.status(base, car)).stream()).toArray(String[]::new);
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        try {
            MqttAsyncClient c = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            client = c;
            c.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                    listener.connected();
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
                    message(topic, message.getPayload(), listener);
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // targets are answered through their own listener
                }
            });
            c.connect(o, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete does the rest
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("Cannot connect to the MQTT broker {} for the cars: {}", uri, e.getMessage());
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

    private void message(String topic, byte[] payload, Listener listener) {
        if (!topic.startsWith(base + "/")) {
            return;
        }
        String[] parts = topic.substring(base.length() + 1).split("/", 3);
        String car = parts[0];
        if (parts.length == 2 && VssTopics.STATUS.equals(parts[1])) {
            listener.carStatus(car, VssTopics.ONLINE.equals(new String(payload,
                    java.nio.charset.StandardCharsets.UTF_8).trim()));
        } else if (parts.length == 3 && VssTopics.CURRENT.equals(parts[1])) {
            try {
                JsonNode json = JSON.readTree(payload);
                JsonNode value = json == null ? null : json.get("value");
                if (value == null || value.isNull()) {
                    return;
                }
                listener.current(car, parts[2], value.isBoolean() ? value.booleanValue()
                        : value.isNumber() ? value.numberValue() : value.asText());
            } catch (IOException e) {
                LOG.debug("Ignoring a VSS value on {} that is not JSON {{\"value\":…}}", topic);
            }
        }
    }

    @Override
    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public CompletionStage<Void> setTarget(String car, String path, Object value, Instant expires) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            done.completeExceptionally(new IOException("the hub is not connected to the MQTT broker " + uri));
            return done;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", value);
        json.put("ts", clock.millis());
        json.put("expires", expires.toEpochMilli());
        try {
            c.publish(VssTopics.target(base, car, path), JSON.writeValueAsBytes(json), 0, false, null,
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
        } catch (MqttException | IOException e) {
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
