package io.glint.driver.virtual.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.driver.virtual.internal.CommandEffects.Accepted;
import io.glint.driver.virtual.internal.CommandEffects.Check;
import io.glint.driver.virtual.internal.CommandEffects.Refused;

/**
 * A home's devices on an MQTT broker, as real ones are: a zigbee2mqtt bridge (retained {@code bridge/state},
 * {@code bridge/info} and {@code bridge/devices}, each device's state and availability, commands taken on
 * {@code zigbee2mqtt/<friendly name>/set} and the new state published back) and Homie 5 devices
 * ({@code $state}, {@code $description}, property values, {@code .../<property>/set}). Devices behave as in the
 * in-memory simulation ({@link CommandEffects}): a light dimmed to 0 is off, a vacuum told a room cleans it and
 * docks a while after being sent home; a device that does not respond is offline and ignores commands; latency
 * delays the answer.
 *
 * <p>One MQTT 3.1.1 connection (the embedded broker speaks nothing newer) for the bridge and the Homie devices;
 * Paho's callbacks hand every message to one simulation thread.
 */
final class MqttSimulation implements AutoCloseable {
    static final String CLIENT_ID = "glint-home-simulator";
    private static final Logger LOG = LoggerFactory.getLogger(MqttSimulation.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_RETRY_MS = 200;
    private static final long MAX_RETRY_MS = 5_000;
    private static final long STOP_WAIT_MS = 1_000;
    private static final String Z2M = MqttTopics.Z2M_BASE;

    /** One device of the home on the broker. */
    private static final class Simulated {
        final SimulatedDevice device;
        final String topic;
        final boolean zigbee2mqtt;
        /** zigbee2mqtt colour bulbs: {@code xy} or {@code color_temp}, what the bulb was last set to. */
        String colourMode;

        Simulated(VirtualDevice spec) {
            this.device = new SimulatedDevice(spec);
            this.topic = spec.topic();
            this.zigbee2mqtt = MqttTopics.zigbee2mqtt(topic);
            this.colourMode = spec.device().state().containsKey(Attributes.COLOR) ? "xy" : "color_temp";
        }
    }

    private final Home home;
    private final CommandEffects effects;
    private final Duration dockingTime;
    private final Map<String, Simulated> bySetTopic = new LinkedHashMap<>();
    private final List<Simulated> devices = new ArrayList<>();
    private final ScheduledThreadPoolExecutor thread;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private long retryMs = FIRST_RETRY_MS;
    private volatile boolean closed;

    /** @param dockingTime how long a vacuum sent home takes to report "docked" */
    MqttSimulation(Home home, String brokerUri, Duration dockingTime) throws MqttException {
        this.home = home;
        this.effects = new CommandEffects(home.rooms());
        this.dockingTime = dockingTime;
        for (VirtualDevice d : home.devices()) {
            if (d.topic() == null) {
                continue;
            }
            Simulated s = new Simulated(d);
            devices.add(s);
            if (s.zigbee2mqtt) {
                bySetTopic.put(d.topic() + "/set", s);
            } else {
                for (HomieModel.Property p : HomieModel.properties(d.device()).values()) {
                    if (p.settable()) {
                        bySetTopic.put(propertyTopic(s, p) + "/set", s);
                    }
                }
            }
        }
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "glint-mqtt-home");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        this.client = new MqttAsyncClient(brokerUri, CLIENT_ID, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay((int) MAX_RETRY_MS);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        // Everything retained goes out at once on connecting, as a bridge starting up publishes it.
        o.setMaxInflight(10_000);
        o.setWill(Z2M + "/bridge/state", "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8), 1, true);
        this.options = o;
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                onThread(MqttSimulation.this::online);
            }

            @Override
            public void connectionLost(Throwable cause) {
                if (!closed) {
                    LOG.warn("Simulated home lost the MQTT broker ({}); reconnecting", cause == null ? "?"
                            : cause.getMessage());
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] payload = message.getPayload();
                onThread(() -> command(topic, payload));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // nothing waits for it
            }
        });
    }

    /** How many devices of the home are on the broker. */
    int size() {
        return devices.size();
    }

    long zigbee2mqttDevices() {
        return devices.stream().filter(d -> d.zigbee2mqtt).count();
    }

    /** Connects in the background; the home is published as soon as the broker takes the connection. */
    void start() {
        onThread(this::connect);
    }

    private void connect() {
        if (closed || client.isConnected()) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete publishes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retry(e);
                }
            });
        } catch (MqttException e) {
            retry(e);
        }
    }

    private void retry(Throwable e) {
        if (closed) {
            return;
        }
        LOG.warn("Simulated home cannot reach the MQTT broker {} ({}); retrying in {} ms", client.getServerURI(),
                e == null ? "?" : e.getMessage(), retryMs);
        try {
            thread.schedule(this::connect, retryMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return;
        }
        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    }

    /** On the thread, after every (re)connect: subscribe to commands, publish everything retained. */
    private void online() {
        if (closed) {
            return;
        }
        try {
            if (!bySetTopic.isEmpty()) {
                String[] topics = bySetTopic.keySet().toArray(String[]::new);
                int[] qos = new int[topics.length];
                java.util.Arrays.fill(qos, 1);
                client.subscribe(topics, qos);
            }
            for (Simulated s : devices) {
                if (!s.zigbee2mqtt) {
                    publishHomie(s);
                }
            }
            publish(Z2M + "/bridge/state", "{\"state\":\"online\"}");
            publish(Z2M + "/bridge/info", bridgeInfo());
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            all.add(Zigbee2MqttModel.coordinator());
            for (Simulated s : devices) {
                if (s.zigbee2mqtt) {
                    all.add(Zigbee2MqttModel.entry(s.device.spec, MqttTopics.friendlyName(s.topic)));
                    publish(s.topic, z2mState(s));
                    publish(s.topic + "/availability", "{\"state\":\"" + (s.device.spec.responds() ? "online"
                            : "offline") + "\"}");
                }
            }
            publish(Z2M + "/bridge/devices", all.toString());
            LOG.debug("Simulated home published: {} devices", devices.size());
        } catch (MqttException e) {
            LOG.warn("Simulated home could not publish itself ({}); it will on the next reconnect", e.getMessage());
        }
    }

    private static String bridgeInfo() {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("version", "2.1.1");
        info.put("commit", "simulated");
        ObjectNode coordinator = info.putObject("coordinator");
        coordinator.put("ieee_address", "0x00124b0024c10a1b");
        coordinator.put("type", "zStack3x0");
        info.put("log_level", "info");
        info.put("permit_join", false);
        info.put("restart_required", false);
        return info.toString();
    }

    private void publishHomie(Simulated s) throws MqttException {
        String base = s.topic;
        publish(base + "/$state", "init");
        publish(base + "/$description", HomieModel.description(s.device.spec.device()).toString());
        Map<String, Object> state = s.device.snapshot();
        for (HomieModel.Property p : HomieModel.properties(s.device.spec.device()).values()) {
            Object value = state.get(p.attribute());
            if (value != null) {
                publish(propertyTopic(s, p), HomieModel.payload(value));
            }
        }
        publish(base + "/$state", s.device.spec.responds() ? "ready" : "lost");
    }

    private static String propertyTopic(Simulated s, HomieModel.Property p) {
        return s.topic + "/" + HomieModel.node(s.device.spec.device()) + "/" + p.id();
    }

    private String z2mState(Simulated s) {
        return Zigbee2MqttModel.state(s.device.spec, s.device.snapshot(), s.colourMode).toString();
    }

    private void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    // ----------------------------------------------------------------------------------------------- commands

    /** On the thread: a {@code /set} for one of the devices. */
    private void command(String topic, byte[] payload) {
        Simulated s = bySetTopic.get(topic);
        if (closed || s == null) {
            return;
        }
        if (!s.device.spec.responds()) {
            LOG.debug("{} does not respond; {} ignored", s.device.id(), topic);
            return;
        }
        List<Command> commands;
        try {
            commands = s.zigbee2mqtt ? z2mCommands(s, payload) : homieCommands(s, topic, payload);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Simulated {}: {} ignored: {}", s.device.id(), topic, e.getMessage());
            return;
        }
        List<Accepted> accepted = new ArrayList<>();
        for (Command c : commands) {
            Check check = effects.check(s.device.spec.device(), c);
            if (check instanceof Accepted a) {
                accepted.add(a);
            } else if (check instanceof Refused r) {
                LOG.warn("Simulated {} refused {}: {}", s.device.id(), c, r.reason());
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        long delay = s.device.spec.latency().map(Duration::toNanos).orElse(0L);
        later(() -> deliver(s, accepted), delay);
    }

    private List<Command> z2mCommands(Simulated s, byte[] payload) throws IOException {
        JsonNode set = JSON.readTree(payload);
        if (set == null || !set.isObject()) {
            throw new IllegalArgumentException("a /set payload is a JSON object");
        }
        List<String> ignored = new ArrayList<>();
        List<Command> commands = new ArrayList<>();
        for (Zigbee2MqttModel.Setting setting : Zigbee2MqttModel.settings(s.device.spec, set, s.device.snapshot(),
                ignored)) {
            commands.add(new Command(Capability.owning(setting.attribute()), setting.attribute(), setting.value()));
        }
        if (!ignored.isEmpty()) {
            LOG.warn("Simulated {}: no converter for {}", s.device.id(), ignored);
        }
        return commands;
    }

    private List<Command> homieCommands(Simulated s, String topic, byte[] payload) {
        String property = topic.substring(0, topic.length() - "/set".length());
        property = property.substring(property.lastIndexOf('/') + 1);
        for (HomieModel.Property p : HomieModel.properties(s.device.spec.device()).values()) {
            if (p.id().equals(property)) {
                Object value = HomieModel.value(p, payload);
                return List.of(new Command(Capability.owning(p.attribute()), p.attribute(), value));
            }
        }
        throw new IllegalArgumentException("no settable property " + property);
    }

    /** On the thread, after the device's latency: the device takes the commands and reports its new state. */
    private void deliver(Simulated s, List<Accepted> commands) {
        if (closed) {
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Accepted a : commands) {
            changes.putAll(s.device.apply(a));
            if (a.attribute().equals(Attributes.COLOR)) {
                s.colourMode = "xy";
            } else if (a.attribute().equals(Attributes.COLOR_TEMPERATURE)) {
                s.colourMode = "color_temp";
            }
        }
        report(s, changes);
        if ("returning".equals(changes.get(Attributes.VACUUM_STATE))) {
            later(() -> {
                Map<String, Object> docked = s.device.replaceIf(Attributes.VACUUM_STATE, "returning", "docked");
                if (!docked.isEmpty()) {
                    report(s, docked);
                }
            }, dockingTime.toNanos());
        }
    }

    /** Publishes what changed: zigbee2mqtt sends the whole state, Homie each property that changed. */
    private void report(Simulated s, Map<String, Object> changes) {
        try {
            if (s.zigbee2mqtt) {
                publish(s.topic, z2mState(s));
                return;
            }
            Map<String, HomieModel.Property> properties = HomieModel.properties(s.device.spec.device());
            for (Map.Entry<String, Object> change : changes.entrySet()) {
                HomieModel.Property p = properties.get(change.getKey());
                if (p != null) {
                    publish(propertyTopic(s, p), HomieModel.payload(change.getValue()));
                }
            }
        } catch (MqttException e) {
            LOG.warn("Simulated {} could not report its state: {}", s.device.id(), e.getMessage());
        }
    }

    private void later(Runnable task, long delayNanos) {
        try {
            thread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // closed
        }
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException stopping) {
            // closed
        }
    }

    /** The device's state now, by id; for tests. */
    Map<String, Object> state(String id) {
        return devices.stream().filter(d -> d.device.id().equals(id)).findFirst().map(d -> d.device.snapshot())
                .orElse(Map.of());
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            if (client.isConnected()) {
                // An orderly goodbye, as zigbee2mqtt stopping says it.
                client.publish(Z2M + "/bridge/state", "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8),
                        1, true).waitForCompletion(STOP_WAIT_MS / 2);
                client.disconnect(STOP_WAIT_MS / 2).waitForCompletion(STOP_WAIT_MS);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("Simulated home disconnect: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("Simulated home close: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "simulated home " + home.source() + " on " + client.getServerURI();
    }
}
