package io.glint.driver.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.SocketFactory;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.driver.DeviceRegistry;
import io.glint.api.skill.FailureCode;
import io.glint.driver.mqtt.internal.home.HomeFile;
import io.glint.driver.mqtt.internal.home.HomeFileException;
import io.glint.driver.mqtt.internal.homie.HomieCommandException;
import io.glint.driver.mqtt.internal.homie.HomieDescriptions;
import io.glint.driver.mqtt.internal.homie.HomieDevice;
import io.glint.driver.mqtt.internal.homie.HomiePayloadException;
import io.glint.driver.mqtt.internal.homie.HomiePayloads;
import io.glint.driver.mqtt.internal.homie.HomieProperty;
import io.glint.driver.mqtt.internal.z2m.Z2mCommandException;
import io.glint.driver.mqtt.internal.z2m.Z2mDevice;
import io.glint.driver.mqtt.internal.z2m.Z2mDevices;
import io.glint.driver.mqtt.internal.z2m.Z2mPayloadException;
import io.glint.driver.mqtt.internal.z2m.Z2mPayloads;
import io.glint.moquette.LocalBroker;
import io.glint.paho.NoDelaySocketFactory;

/**
 * The MQTT driver: one Paho client to the configured broker, zigbee2mqtt devices discovered from the retained
 * {@code <base>/bridge/devices}, their state and availability from {@code <base>/<name>[/availability]}, and
 * commands published to {@code <base>/<name>/set}; Homie 5 devices discovered from the retained
 * {@code homie/5/<id>/$description}, their availability from {@code $state}, values from
 * {@code <id>/<node>/<property>} and commands published to {@code <id>/<node>/<property>/set}. While the broker is
 * lost every device is reported offline; on reconnect each is back to what its convention last said.
 *
 * <p>Threads: Paho's callback thread only hands work over (waiting while {@link #MAX_BACKLOG_BYTES} of messages
 * wait for the worker); every message, and every call into Paho made because
 * of a callback, runs on the driver's single {@link #worker} thread, so the device maps need no locking there.
 * Command results are completed on {@link #results}, so whatever the caller chained to them never runs on
 * Paho's thread either. A command is published only while connected and carries an MQTT 5 message expiry equal
 * to the time left, and Paho keeps no session (clean start, expiry 0, memory persistence), so nothing is sent
 * after the command has been answered.
 *
 * <p>With {@code brokerUri} empty the driver connects to the hub's own broker ({@link EmbeddedMqttBroker}, a
 * {@link LocalBroker} service), which speaks MQTT 3.1.1 only: then the connection is {@link Mqtt311Link}, with
 * QoS 0 commands standing in for the message expiry. A {@link HomeFile} names devices the way the home's people
 * do (ids, aliases in any language, rooms), which neither zigbee2mqtt nor Homie can carry.
 */
@Component(service = DeviceDriver.class, immediate = true, configurationPid = MqttDriver.PID)
@Designate(ocd = MqttDriverConfig.class)
public final class MqttDriver implements DeviceDriver {
    static final String PID = "io.glint.driver.mqtt";
    static final String DRIVER_ID = "mqtt";

    private static final Logger LOG = LoggerFactory.getLogger(MqttDriver.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final long STOP_WAIT_MS = 1000;
    /** Retained state or availability that arrives before bridge/devices is kept this long, bounded. */
    private static final int MAX_EARLY_MESSAGES = 2_000;
    private static final int MAX_EARLY_BYTES = 4 * 1024 * 1024;
    /**
     * Messages handed to the worker and not handled yet, at most, in bytes (payload, topic and bookkeeping): ~20,000
     * state messages, under a tenth of a second of work. A broker sending faster than that makes Paho's thread wait,
     * so TCP slows the broker down (which queues or, for QoS 0, drops), instead of the backlog filling the heap.
     */
    static final int MAX_BACKLOG_BYTES = 8 * 1024 * 1024;
    private static final int MESSAGE_OVERHEAD_BYTES = 128;
    /** Completes "The kitchen ceiling is offline: …" in the hub's speech. */
    static final String BROKER_UNREACHABLE = "the MQTT broker cannot be reached";

    /** What the OCD says, as plain values the tests can build. */
    record Settings(String brokerUri, String clientId, String username, String password, String baseTopic,
            boolean zigbee2mqtt, long commandTimeoutMs, long reconnectMaxDelayMs, boolean homie,
            String homieBase, TlsSettings tls) {

        Settings {
            tls = tls == null ? TlsSettings.DEFAULT : tls;
        }

        /** Without TLS files: the JDK's certificate authorities for ssl://, no client certificate. */
        Settings(String brokerUri, String clientId, String username, String password, String baseTopic,
                boolean zigbee2mqtt, long commandTimeoutMs, long reconnectMaxDelayMs, boolean homie,
                String homieBase) {
            this(brokerUri, clientId, username, password, baseTopic, zigbee2mqtt, commandTimeoutMs,
                    reconnectMaxDelayMs, homie, homieBase, TlsSettings.DEFAULT);
        }

        /** zigbee2mqtt settings with Homie on at its default base. */
        Settings(String brokerUri, String clientId, String username, String password, String baseTopic,
                boolean zigbee2mqtt, long commandTimeoutMs, long reconnectMaxDelayMs) {
            this(brokerUri, clientId, username, password, baseTopic, zigbee2mqtt, commandTimeoutMs,
                    reconnectMaxDelayMs, true, "homie/5");
        }

        static Settings of(MqttDriverConfig c) {
            return new Settings(c.brokerUri(), c.clientId(), c.username(), c.password(), c.baseTopic(),
                    c.zigbee2mqtt(), c.commandTimeoutMs(), c.reconnectMaxDelayMs(), c.homie(), c.homieBase(),
                    TlsSettings.of(c));
        }

        /** The same settings with another broker (the embedded one). */
        Settings withBrokerUri(String uri) {
            return new Settings(uri, clientId, username, password, baseTopic, zigbee2mqtt, commandTimeoutMs,
                    reconnectMaxDelayMs, homie, homieBase, tls);
        }

        /** The same settings with these TLS files. */
        Settings withTls(TlsSettings files) {
            return new Settings(brokerUri, clientId, username, password, baseTopic, zigbee2mqtt, commandTimeoutMs,
                    reconnectMaxDelayMs, homie, homieBase, files);
        }
    }

    private final DeviceRegistry registry;
    private final Settings settings;
    private final String base;
    private final Z2mDevices parser;
    private final String homieBase;
    private final HomieDescriptions homieParser;
    /** Whether the broker is the embedded one, spoken to in MQTT 3.1.1 through {@link #link311}. */
    private final boolean mqtt311;
    private final ScheduledExecutorService worker;
    private final ExecutorService results;
    /** Permits are bytes of {@link #MAX_BACKLOG_BYTES} not taken by messages waiting for the worker. */
    private final Semaphore backlog = new Semaphore(MAX_BACKLOG_BYTES);
    /** The most the backlog held, in bytes (for tests). */
    private final AtomicInteger backlogPeak = new AtomicInteger();
    /** Whether the current flood has been logged; reset once the backlog is empty again. */
    private volatile boolean floodLogged;
    /** By Glint device id; written on the worker, read by {@link #execute}. */
    private final Map<String, Z2mDevice> devices = new ConcurrentHashMap<>();
    /** Homie devices by Glint id ({@code homie.<id>}, or the home file's); written on the worker, read by execute. */
    private final Map<String, HomieDevice> homieDevices = new ConcurrentHashMap<>();
    /** Last availability the device's own convention reported, by Glint id. */
    private final Map<String, Availability> availability = new ConcurrentHashMap<>();
    /** Why each Homie device is offline, from its {@code $state}; written on the worker. */
    private final Map<String, String> homieOffline = new ConcurrentHashMap<>();
    // Worker thread only.
    private final Map<String, Z2mDevice> byFriendlyName = new HashMap<>();
    private final Map<String, HomieDevice> byHomieId = new HashMap<>();
    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, byte[]> early = new LinkedHashMap<>();
    private int earlyBytes;
    private long retryDelayMs = FIRST_RETRY.toMillis();
    /** Whether every device has been reported offline because the broker was lost. */
    private boolean brokerLost;

    private volatile MqttAsyncClient client;
    private volatile MqttConnectionOptions options;
    private volatile Mqtt311Link link311;
    private volatile boolean closed;
    /** Why the driver is not connected, for the person configuring it; null while connected or never tried. */
    private volatile String problem;
    /** The explanation last logged at ERROR, so a retry loop repeats it as a short warning only. Worker only. */
    private String problemLogged;
    private volatile boolean tlsConnection;

    /**
     * @param embedded the hub's own broker, when it runs: connected to when {@code brokerUri} is empty. Greedy, so
     *                 the driver is restarted with it when it comes up after the driver.
     */
    @Activate
    public MqttDriver(@Reference(name = "registry") DeviceRegistry registry,
            @Reference(name = "embeddedBroker", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) LocalBroker embedded,
            MqttDriverConfig config) {
        this(registry, Settings.of(config), embedded, homeFile(config.homeFile()));
    }

    MqttDriver(DeviceRegistry registry, Settings settings) {
        this(registry, settings, null, HomeFile.NONE);
    }

    /**
     * @param embedded the broker to connect to in MQTT 3.1.1 when {@code settings.brokerUri()} is empty, or null
     * @param home     names for devices and rooms, or {@link HomeFile#NONE}
     */
    MqttDriver(DeviceRegistry registry, Settings settings, LocalBroker embedded, HomeFile home) {
        this.registry = Objects.requireNonNull(registry, "registry");
        boolean configured = settings.brokerUri() != null && !settings.brokerUri().isBlank();
        this.mqtt311 = !configured && embedded != null;
        if (mqtt311) {
            settings = settings.withBrokerUri(embedded.uri());
        }
        this.settings = settings;
        String baseTopic = settings.baseTopic() == null ? "" : settings.baseTopic().trim();
        while (baseTopic.endsWith("/")) {
            baseTopic = baseTopic.substring(0, baseTopic.length() - 1);
        }
        this.base = baseTopic.isEmpty() ? "zigbee2mqtt" : baseTopic;
        String homieTopic = settings.homieBase() == null ? "" : settings.homieBase().trim();
        while (homieTopic.endsWith("/")) {
            homieTopic = homieTopic.substring(0, homieTopic.length() - 1);
        }
        this.homieBase = homieTopic.isEmpty() ? "homie/5" : homieTopic;
        this.parser = new Z2mDevices(DRIVER_ID, home, base);
        this.homieParser = new HomieDescriptions(DRIVER_ID, home, homieBase);
        home.rooms().forEach(room -> {
            registry.defineRoom(room);
            rooms.put(room.id(), room);
        });
        for (String topic : home.topics()) {
            if (!topic.startsWith(base + "/") && !topic.startsWith(homieBase + "/")) {
                LOG.warn("{}: the device with topic {} is neither under zigbee2mqtt's base topic {} nor Homie's {};"
                        + " it will never be found", home, topic, base, homieBase);
            }
        }
        ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1, daemon("glint-mqtt"));
        scheduled.setRemoveOnCancelPolicy(true);
        this.worker = scheduled;
        this.results = Executors.newSingleThreadExecutor(daemon("glint-mqtt-results"));
        String uri = settings.brokerUri() == null ? "" : settings.brokerUri().trim();
        if (uri.isEmpty()) {
            // EmbeddedMqttBroker, reading the same configuration, says whether MQTT devices are off for good; when
            // its broker comes up, this driver is started again with it.
            LOG.debug("No MQTT broker configured ({} brokerUri is empty) and no embedded broker running (yet)", PID);
        } else if (!settings.zigbee2mqtt() && !settings.homie()) {
            LOG.info("MQTT broker {} configured but no convention is on (zigbee2mqtt=false, homie=false);"
                    + " not connecting", uri);
        } else {
            worker.execute(() -> start(uri));
        }
    }

    @Override
    public String id() {
        return DRIVER_ID;
    }

    /** Whether the client is connected to the broker now (public for code that builds the driver by hand). */
    public boolean connected() {
        if (mqtt311) {
            Mqtt311Link l = link311;
            return l != null && l.isConnected();
        }
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** Why the driver is not connected (a setting at fault, a TLS or network failure), or null. */
    String problem() {
        return problem;
    }

    // ---------------------------------------------------------------------------------------------- commands

    @Override
    public CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline) {
        String id = device.id();
        String name = device.name();
        MqttAsyncClient c = client;
        if (closed || !connected()) {
            return failed(id, "The MQTT broker is not reachable; the " + name + " cannot be controlled right now.");
        }
        String topic;
        String payload;
        String label;
        HomieDevice h = homieDevices.get(id);
        if (h != null) {
            if (availability.get(id) == Availability.OFFLINE) {
                return failed(id, "The " + name + " is offline: "
                        + homieOffline.getOrDefault(id, "it is not ready") + ".");
            }
            try {
                HomiePayloads.Setting setting = HomiePayloads.set(h, command);
                topic = h.setTopic(homieBase, setting.property());
                payload = setting.payload();
            } catch (HomieCommandException e) {
                return CompletableFuture.completedFuture(CommandResult.failed(id, e.code(), e.getMessage()));
            }
            label = "Homie " + h.homieId();
        } else {
            Z2mDevice z = devices.get(id);
            if (z == null) {
                return failed(id, "The " + name + " is no longer known to zigbee2mqtt or Homie.");
            }
            if (availability.get(id) == Availability.OFFLINE) {
                return failed(id, offline(z));
            }
            try {
                payload = Z2mPayloads.set(z, command);
            } catch (Z2mCommandException e) {
                return CompletableFuture.completedFuture(CommandResult.failed(id, e.code(), e.getMessage()));
            }
            topic = z.setTopic(base);
            label = z.friendlyName();
        }
        long leftMs = Math.min(Duration.between(Instant.now(), deadline).toMillis(), settings.commandTimeoutMs());
        if (leftMs <= 0) {
            return failed(id, "The " + name + " could not be reached in time.");
        }
        if (mqtt311) {
            return publish311(id, name, label, topic, payload, leftMs);
        }
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, false, null);
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(Math.max(1L, (leftMs + 999) / 1000));
        message.setProperties(properties);

        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        result.completeOnTimeout(CommandResult.failed(id, FailureCode.DEVICE_UNREACHABLE, "The MQTT broker did not"
                + " confirm the command for the " + name + " in time."), leftMs, TimeUnit.MILLISECONDS);
        String brokerDown = "The MQTT broker is not reachable; the " + name + " cannot be controlled right now.";
        try {
            c.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    completeLater(result, CommandResult.ok(id));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("Command for {} not acknowledged: {}", label, e == null ? "?" : e.toString());
                    completeLater(result, CommandResult.failed(id, FailureCode.DEVICE_UNREACHABLE, brokerDown));
                }
            });
        } catch (MqttException | RuntimeException e) {
            LOG.warn("Command for {} not sent: {}", label, e.toString());
            result.complete(CommandResult.failed(id, FailureCode.DEVICE_UNREACHABLE, brokerDown));
        }
        return result;
    }

    /** Called on Paho's thread: the caller's continuations must run elsewhere. */
    private void completeLater(CompletableFuture<CommandResult> result, CommandResult value) {
        try {
            results.execute(() -> result.complete(value));
        } catch (RejectedExecutionException stopping) {
            result.complete(value);
        }
    }

    private static CompletionStage<CommandResult> failed(String id, String reason) {
        return CompletableFuture.completedFuture(CommandResult.failed(id, FailureCode.DEVICE_UNREACHABLE, reason));
    }

    private static String offline(Z2mDevice z) {
        return "The " + z.device().name() + " is offline according to zigbee2mqtt.";
    }

    // ------------------------------------------------------------------------------------------- connection

    /** On the worker. */
    private void start(String uri) {
        if (mqtt311) {
            start311(uri);
            return;
        }
        String pahoUri = pahoUri(uri);
        boolean tls = pahoUri.regionMatches(true, 0, "ssl://", 0, 6) || pahoUri.regionMatches(true, 0, "wss://", 0, 6);
        SocketFactory sockets = null;
        if (tls) {
            try {
                sockets = settings.tls().socketFactory();
            } catch (TlsSettings.Invalid e) {
                problem = e.getMessage();
                LOG.error("MQTT devices not started: {} in {}.cfg is not usable: {} MQTT devices stay unreachable"
                        + " until the setting is fixed.", e.setting(), PID, e.getMessage());
                return;
            }
        } else {
            if (pahoUri.regionMatches(true, 0, "tcp://", 0, 6) || pahoUri.regionMatches(true, 0, "ws://", 0, 5)) {
                sockets = new NoDelaySocketFactory();
            }
            if (settings.tls().configured()) {
                LOG.warn("trustStorePath/keyStorePath are set but brokerUri {} is not ssl:// or mqtts://: the"
                        + " connection is not encrypted and they are not used", uri);
            }
        }
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(pahoUri, clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            problem = "brokerUri " + uri + " is not usable: " + e.getMessage();
            LOG.error("MQTT devices not started: brokerUri {} is not usable ({}). Use tcp://host:1883, or"
                    + " ssl://host:8883 for TLS.", uri, e.getMessage());
            return;
        }
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(true);
        int maxDelaySeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.reconnectMaxDelayMs() / 1000));
        o.setAutomaticReconnectDelay((int) FIRST_RETRY.toSeconds(), maxDelaySeconds);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        if (settings.username() != null && !settings.username().isBlank()) {
            o.setUserName(settings.username().trim());
        }
        if (settings.password() != null && !settings.password().isEmpty()) {
            o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        // TCP_NODELAY for TLS too; the TLS factory carries the trust store and client certificate.
        if (sockets != null) {
            o.setSocketFactory(sockets);
        }
        o.setHttpsHostnameVerificationEnabled(!tls || settings.tls().verifyHostname());
        c.setCallback(new Callback());
        this.tlsConnection = tls;
        this.options = o;
        this.client = c;
        connect();
    }

    /**
     * The URI as Paho takes it: {@code mqtts://} (the common name for MQTT over TLS) is Paho's {@code ssl://},
     * {@code mqtt://} its {@code tcp://}.
     */
    static String pahoUri(String uri) {
        if (uri.regionMatches(true, 0, "mqtts://", 0, 8)) {
            return "ssl://" + uri.substring(8);
        }
        if (uri.regionMatches(true, 0, "mqtt://", 0, 7)) {
            return "tcp://" + uri.substring(7);
        }
        return uri;
    }

    private String clientId() {
        String id = settings.clientId();
        return id == null || id.isBlank() ? "glint-hub" : id.trim();
    }

    /**
     * On the worker. Once connected, Paho reconnects by itself; until the first connection succeeds, this
     * retries with the same doubling delay.
     */
    private void connect() {
        MqttAsyncClient c = client;
        if (closed || c == null || c.isConnected()) {
            return;
        }
        try {
            c.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    problem = null;
                    LOG.info("Connected to MQTT broker {}", c.getServerURI());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    onWorker(() -> retry(e));
                }
            });
        } catch (MqttException e) {
            retry(e);
        }
    }

    /** On the worker: the first connection failed; try again later, a little later each time. */
    private void retry(Throwable failure) {
        if (closed) {
            return;
        }
        String why = failure == null ? "?" : failure.getMessage();
        String explained = explain(failure);
        if (explained != null) {
            why = explained;
            if (!explained.equals(problemLogged)) {
                problemLogged = explained;
                LOG.error("Cannot connect to MQTT broker {}: {} MQTT devices stay unreachable until this is fixed;"
                        + " retrying.", settings.brokerUri(), explained);
            }
        }
        problem = why;
        LOG.warn("MQTT broker {} not reachable ({}); retrying in {} ms", settings.brokerUri(), why, retryDelayMs);
        schedule(this::connect, retryDelayMs);
        retryDelayMs = Math.min(retryDelayMs * 2, Math.max(1000, settings.reconnectMaxDelayMs()));
    }

    /** A connection failure the configuration can fix, explained by the setting to change; null otherwise. */
    private String explain(Throwable failure) {
        if (failure instanceof MqttException m && (m.getReasonCode() == 0x86 || m.getReasonCode() == 0x87
                || m.getReasonCode() == 4 || m.getReasonCode() == 5)) {
            // MQTT 5: bad user name or password, not authorized (4 and 5 are the MQTT 3 codes of the same)
            return "the broker refused the hub's credentials (" + m.getMessage() + "). Check username and password"
                    + " in " + PID + ".cfg against the broker's users.";
        }
        MqttAsyncClient c = client;
        if (failure == null || !tlsConnection || c == null) {
            return null;
        }
        String tls = settings.tls().explain(failure, host(c.getServerURI()));
        return tls == null ? null : "TLS: " + tls;
    }

    private static String host(String uri) {
        try {
            String host = java.net.URI.create(uri).getHost();
            return host == null ? uri : host;
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    /** On the worker, after every (re)connect: subscribing again also makes the broker resend what is retained. */
    private void subscribe() {
        if (mqtt311) {
            subscribe311();
            return;
        }
        MqttAsyncClient c = client;
        if (closed || c == null || !c.isConnected()) {
            return;
        }
        List<String> filters = filters();
        MqttSubscription[] subscriptions = new MqttSubscription[filters.size()];
        for (int i = 0; i < subscriptions.length; i++) {
            subscriptions[i] = new MqttSubscription(filters.get(i), 1);
            subscriptions[i].setNoLocal(true);
        }
        try {
            c.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.debug("Subscribed to {}", filters);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.error("Subscribing to {} failed; MQTT devices will not update until the next reconnect: {}",
                            filters, e == null ? "?" : e.getMessage());
                }
            }, null);
        } catch (MqttException e) {
            LOG.error("Subscribing to {} failed: {}", filters, e.getMessage());
        }
    }

    /**
     * What to subscribe to. {@code <base>/#} rather than {@code <base>/+} and {@code <base>/+/availability}:
     * friendly names carry the room ("kitchen/ceiling"), so device topics are more than one level deep; no-local
     * (MQTT 5) keeps our own /set away. Homie: $state and $description of every device, and property values
     * ({@code <id>/<node>/<property>}; /set is a level deeper, so our own commands do not come back).
     */
    private List<String> filters() {
        List<String> filters = new ArrayList<>();
        if (settings.zigbee2mqtt()) {
            filters.add(base + "/#");
        }
        if (settings.homie()) {
            filters.add(homieBase + "/+/$state");
            filters.add(homieBase + "/+/$description");
            filters.add(homieBase + "/+/+/+");
        }
        return filters;
    }

    // ------------------------------------------------------------------------------ MQTT 3.1.1 (embedded broker)

    /** On the worker. */
    private void start311(String uri) {
        try {
            link311 = new Mqtt311Link(uri, clientId(), settings.username(), settings.password(),
                    settings.reconnectMaxDelayMs(), new Mqtt311Link.Events() {
                        @Override
                        public void connected(boolean reconnect, String serverUri) {
                            if (reconnect) {
                                LOG.info("Reconnected to the embedded MQTT broker {}", serverUri);
                            }
                            onWorker(() -> {
                                brokerBack();
                                subscribe();
                            });
                        }

                        @Override
                        public void lost(String why) {
                            if (!closed) {
                                LOG.warn("Lost the embedded MQTT broker ({}); reconnecting", why);
                                onWorker(MqttDriver.this::brokerLost);
                            }
                        }

                        @Override
                        public void message(String topic, byte[] payload) {
                            arrived(topic, payload);
                        }
                    });
        } catch (org.eclipse.paho.client.mqttv3.MqttException | IllegalArgumentException e) {
            problem = "the embedded broker's address " + uri + " is not usable: " + e.getMessage();
            LOG.error("MQTT devices not started: {}", problem);
            return;
        }
        connect311();
    }

    /** On the worker. Once connected, Paho reconnects by itself; until then this retries, later each time. */
    private void connect311() {
        Mqtt311Link l = link311;
        if (closed || l == null || l.isConnected()) {
            return;
        }
        try {
            l.connect(() -> {
                problem = null;
                LOG.info("Connected to the embedded MQTT broker {} (MQTT 3.1.1)", l.serverUri());
            }, e -> onWorker(() -> retry311(e)));
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            retry311(e);
        }
    }

    /** On the worker. */
    private void retry311(Throwable failure) {
        if (closed) {
            return;
        }
        problem = failure == null ? "?" : String.valueOf(failure.getMessage());
        LOG.warn("Embedded MQTT broker {} not reachable ({}); retrying in {} ms", settings.brokerUri(), problem,
                retryDelayMs);
        schedule(this::connect311, retryDelayMs);
        retryDelayMs = Math.min(retryDelayMs * 2, Math.max(1000, settings.reconnectMaxDelayMs()));
    }

    /** On the worker, after every (re)connect. */
    private void subscribe311() {
        Mqtt311Link l = link311;
        if (closed || l == null || !l.isConnected()) {
            return;
        }
        List<String> filters = filters();
        try {
            l.subscribe(filters, () -> LOG.debug("Subscribed to {}", filters), e -> LOG.error("Subscribing to {}"
                    + " failed; MQTT devices will not update until the next reconnect: {}", filters,
                    e == null ? "?" : e.getMessage()));
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            LOG.error("Subscribing to {} failed: {}", filters, e.getMessage());
        }
    }

    /** A command on MQTT 3.1.1: QoS 0, delivered now or never (see {@link Mqtt311Link}). */
    private CompletionStage<CommandResult> publish311(String id, String name, String label, String topic,
            String payload, long leftMs) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        result.completeOnTimeout(CommandResult.failed(id, FailureCode.DEVICE_UNREACHABLE, "The MQTT broker did not"
                + " take the command for the " + name + " in time."), leftMs, TimeUnit.MILLISECONDS);
        String brokerDown = "The MQTT broker is not reachable; the " + name + " cannot be controlled right now.";
        Mqtt311Link l = link311;
        try {
            l.publish(topic, payload, () -> completeLater(result, CommandResult.ok(id)), e -> {
                LOG.warn("Command for {} not sent: {}", label, e == null ? "?" : e.toString());
                completeLater(result, CommandResult.failed(id, FailureCode.DEVICE_UNREACHABLE, brokerDown));
            });
        } catch (org.eclipse.paho.client.mqttv3.MqttException | RuntimeException e) {
            LOG.warn("Command for {} not sent: {}", label, e.toString());
            result.complete(CommandResult.failed(id, FailureCode.DEVICE_UNREACHABLE, brokerDown));
        }
        return result;
    }

    /** The home file named in the configuration; a broken one is reported and MQTT devices keep their own names. */
    private static HomeFile homeFile(String path) {
        try {
            HomeFile home = HomeFile.read(path);
            if (home != HomeFile.NONE) {
                LOG.info("MQTT devices named by {}: {} rooms, {} devices", home, home.rooms().size(),
                        home.topics().size());
            }
            return home;
        } catch (HomeFileException e) {
            LOG.error("The home file of {} is not usable, so MQTT devices keep the names zigbee2mqtt and Homie give"
                    + " them: {}", PID, e.getMessage());
            return HomeFile.NONE;
        }
    }

    /** On the worker: the broker is gone, so every device this driver announced is out of reach. */
    private void brokerLost() {
        if (closed || brokerLost) {
            return;
        }
        brokerLost = true;
        for (String id : devices.keySet()) {
            registry.updateAvailability(id, Availability.OFFLINE, BROKER_UNREACHABLE);
        }
        for (String id : homieDevices.keySet()) {
            registry.updateAvailability(id, Availability.OFFLINE, BROKER_UNREACHABLE);
        }
    }

    /**
     * On the worker, before resubscribing: each device is back to what zigbee2mqtt last said of it (online when it
     * never said). Retained availability that the broker resends afterwards corrects this as usual.
     */
    private void brokerBack() {
        if (closed || !brokerLost) {
            return;
        }
        brokerLost = false;
        for (Map.Entry<String, Z2mDevice> e : devices.entrySet()) {
            Availability known = availability.get(e.getKey());
            if (known == Availability.OFFLINE) {
                registry.updateAvailability(e.getKey(), known, offline(e.getValue()));
            } else {
                registry.updateAvailability(e.getKey(), Availability.ONLINE,
                        "The " + e.getValue().device().name() + " is reachable again.");
            }
        }
        for (HomieDevice h : homieDevices.values()) {
            reportHomieAvailability(h);
        }
    }

    private void schedule(Runnable task, long delayMs) {
        try {
            worker.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // deactivated
        }
    }

    /**
     * On Paho's thread: a message for the worker. Waits while the worker's backlog is full (see
     * {@link #MAX_BACKLOG_BYTES}); gives up only when the driver stops.
     */
    private void arrived(String topic, byte[] payload) {
        int cost = (int) Math.min(MAX_BACKLOG_BYTES,
                (long) payload.length + 2L * topic.length() + MESSAGE_OVERHEAD_BYTES);
        if (!backlog.tryAcquire(cost)) {
            if (!floodLogged) {
                floodLogged = true;
                LOG.warn("MQTT messages arrive faster than the hub handles them ({} MiB waiting); reading from the"
                        + " broker slows down until the hub has caught up", MAX_BACKLOG_BYTES / (1024 * 1024));
            }
            try {
                while (!backlog.tryAcquire(cost, 100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int waiting = MAX_BACKLOG_BYTES - backlog.availablePermits();
        backlogPeak.accumulateAndGet(waiting, Math::max);
        try {
            worker.execute(() -> {
                try {
                    handle(topic, payload);
                } finally {
                    backlog.release(cost);
                    if (floodLogged && backlog.availablePermits() == MAX_BACKLOG_BYTES) {
                        floodLogged = false;
                    }
                }
            });
        } catch (RejectedExecutionException stopping) {
            backlog.release(cost); // deactivated
        }
    }

    /** The most bytes of messages that ever waited for the worker. */
    int backlogPeak() {
        return backlogPeak.get();
    }

    private void onWorker(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException stopping) {
            // deactivated
        }
    }

    /** Paho's callbacks: nothing here calls into Paho or does work; it is all handed to the worker. */
    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                LOG.info("Reconnected to MQTT broker {}", serverUri);
            }
            onWorker(() -> {
                brokerBack();
                subscribe();
            });
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                LOG.warn("Lost the MQTT broker ({}); reconnecting", response == null ? "?" : response.toString());
                onWorker(MqttDriver.this::brokerLost);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrived(topic, message.getPayload());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // commands are answered through their own listener
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }

    // --------------------------------------------------------------------------------------------- messages

    /** On the worker. A bad message is logged and dropped; it never stops the driver. */
    void handle(String topic, byte[] payload) {
        if (closed) {
            return;
        }
        if (settings.homie() && topic.startsWith(homieBase + "/")) {
            try {
                homie(topic.substring(homieBase.length() + 1), payload);
            } catch (HomiePayloadException e) {
                LOG.warn("{} ignored: {}", topic, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("{} ignored", topic, e);
            }
            return;
        }
        if (!settings.zigbee2mqtt()) {
            return;
        }
        try {
            if (topic.equals(base + "/bridge/devices")) {
                devices(payload);
                return;
            }
            if (!topic.startsWith(base + "/") || topic.startsWith(base + "/bridge/")) {
                return;
            }
            String rest = topic.substring(base.length() + 1);
            Z2mDevice z = byFriendlyName.get(rest);
            if (z != null) {
                state(z, payload);
                return;
            }
            if (rest.endsWith("/availability")) {
                z = byFriendlyName.get(rest.substring(0, rest.length() - "/availability".length()));
                if (z != null) {
                    availability(z, payload);
                    return;
                }
            }
            if (!rest.endsWith("/set") && !rest.endsWith("/get")) {
                keepEarly(topic, payload);
            }
        } catch (Z2mPayloadException e) {
            LOG.warn("{} ignored: {}", topic, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} ignored", topic, e);
        }
    }

    private void devices(byte[] payload) throws Z2mPayloadException {
        List<Z2mDevice> found = parser.parse(payload);
        Set<String> ids = new HashSet<>();
        Map<String, Z2mDevice> names = new HashMap<>();
        for (Z2mDevice z : found) {
            ids.add(z.device().id());
            names.put(z.friendlyName(), z);
            Room room = z.room();
            if (room != null && !room.equals(rooms.get(room.id()))) {
                registry.defineRoom(room);
                rooms.put(room.id(), room);
            }
            String id = z.device().id();
            if (!z.equals(devices.get(id))) {
                // Unchanged devices are not announced again: that would reset the state the registry holds.
                registry.announce(z.device());
                Availability known = availability.get(id);
                if (brokerLost) {
                    registry.updateAvailability(id, Availability.OFFLINE, BROKER_UNREACHABLE);
                } else if (known == Availability.OFFLINE) {
                    registry.updateAvailability(id, known, offline(z));
                }
            }
            devices.put(id, z);
        }
        for (String id : Set.copyOf(devices.keySet())) {
            if (!ids.contains(id)) {
                devices.remove(id);
                availability.remove(id);
                registry.withdraw(id);
            }
        }
        byFriendlyName.clear();
        byFriendlyName.putAll(names);
        LOG.info("zigbee2mqtt: {} devices", found.size());
        // State and availability that were retained and arrived before their device.
        for (Z2mDevice z : found) {
            byte[] state = takeEarly(z.stateTopic(base));
            if (state != null) {
                handle(z.stateTopic(base), state);
            }
            byte[] available = takeEarly(z.availabilityTopic(base));
            if (available != null) {
                handle(z.availabilityTopic(base), available);
            }
        }
    }

    private void state(Z2mDevice z, byte[] payload) throws Z2mPayloadException {
        Map<String, Object> values = Z2mPayloads.state(z, payload);
        if (!values.isEmpty()) {
            registry.updateState(z.device().id(), values);
        }
    }

    private void availability(Z2mDevice z, byte[] payload) {
        Availability a = Z2mPayloads.availability(payload);
        String id = z.device().id();
        if (a == Availability.UNKNOWN || a == availability.get(id)) {
            return;
        }
        availability.put(id, a);
        if (brokerLost) {
            return; // reported when the broker is back
        }
        registry.updateAvailability(id, a, a == Availability.OFFLINE ? offline(z)
                : "The " + z.device().name() + " is online according to zigbee2mqtt.");
    }

    // ------------------------------------------------------------------------------------------------ Homie

    /** On the worker: {@code rest} is the topic below the Homie base. */
    private void homie(String rest, byte[] payload) throws HomiePayloadException {
        String[] levels = rest.split("/", -1);
        if (!HomieDescriptions.validId(levels[0])) {
            return;
        }
        HomieDevice h = byHomieId.get(levels[0]);
        String glintId = h == null ? null : h.device().id();
        if (levels.length == 2 && levels[1].equals("$description")) {
            homieDescription(levels[0], payload);
        } else if (levels.length == 2 && levels[1].equals("$state")) {
            if (h == null) {
                keepEarly(homieBase + "/" + rest, payload);
                return;
            }
            Availability a = HomiePayloads.availability(payload);
            String reason = a == Availability.OFFLINE ? HomiePayloads.offlineReason(payload) : null;
            if (a == Availability.UNKNOWN
                    || (a == availability.get(glintId) && Objects.equals(reason, homieOffline.get(glintId)))) {
                return;
            }
            availability.put(glintId, a);
            if (reason != null) {
                homieOffline.put(glintId, reason);
            } else {
                homieOffline.remove(glintId);
            }
            if (!brokerLost) {
                reportHomieAvailability(h);
            }
        } else if (levels.length == 3 && !levels[1].startsWith("$")) {
            if (h == null) {
                keepEarly(homieBase + "/" + rest, payload);
                return;
            }
            String attribute = h.attributeAt(levels[1] + "/" + levels[2]);
            if (attribute != null) {
                registry.updateState(glintId, Map.of(attribute, HomiePayloads.value(h, attribute, payload)));
            }
        }
    }

    private void homieDescription(String homieId, byte[] payload) throws HomiePayloadException {
        HomieDevice h = payload.length == 0 ? null : homieParser.parse(homieId, payload);
        HomieDevice known = byHomieId.get(homieId);
        if (known != null && (h == null || !known.device().id().equals(h.device().id()))) {
            // Deleted (empty retained message), nothing to control any more, or now known by another id.
            String old = known.device().id();
            byHomieId.remove(homieId);
            homieDevices.remove(old);
            availability.remove(old);
            homieOffline.remove(old);
            registry.withdraw(old);
        }
        if (h == null) {
            return;
        }
        String glintId = h.device().id();
        if (!h.equals(homieDevices.get(glintId))) {
            registry.announce(h.device());
            homieDevices.put(glintId, h);
            byHomieId.put(homieId, h);
            if (brokerLost) {
                registry.updateAvailability(glintId, Availability.OFFLINE, BROKER_UNREACHABLE);
            } else if (availability.containsKey(glintId)) {
                reportHomieAvailability(h);
            }
        }
        // $state and values that were retained and arrived before the description.
        String topic = h.topic(homieBase);
        byte[] state = takeEarly(topic + "/$state");
        if (state != null) {
            homie(homieId + "/$state", state);
        }
        for (HomieProperty p : Set.copyOf(h.properties().values())) {
            byte[] value = takeEarly(topic + "/" + p.path());
            if (value != null) {
                homie(homieId + "/" + p.path(), value);
            }
        }
    }

    /** On the worker: what the device's {@code $state} last said (online when it never said). */
    private void reportHomieAvailability(HomieDevice h) {
        String id = h.device().id();
        if (availability.get(id) == Availability.OFFLINE) {
            registry.updateAvailability(id, Availability.OFFLINE, homieOffline.get(id));
        } else {
            registry.updateAvailability(id, Availability.ONLINE, "The " + h.device().name() + " is ready.");
        }
    }

    private void keepEarly(String topic, byte[] payload) {
        if (payload.length > Z2mPayloads.MAX_STATE_BYTES) {
            return;
        }
        byte[] old = early.remove(topic);
        if (old != null) {
            earlyBytes -= old.length;
        }
        if (early.size() < MAX_EARLY_MESSAGES && earlyBytes + payload.length <= MAX_EARLY_BYTES) {
            early.put(topic, payload);
            earlyBytes += payload.length;
        }
    }

    private byte[] takeEarly(String topic) {
        byte[] payload = early.remove(topic);
        if (payload != null) {
            earlyBytes -= payload.length;
        }
        return payload;
    }

    // ------------------------------------------------------------------------------------------------- stop

    @Deactivate
    void deactivate() {
        close();
    }

    /**
     * Disconnects (bounded), stops the worker (bounded) and withdraws every device this driver announced. Public
     * only so code that builds the driver by hand outside OSGi (the benchmarks) can stop it; the framework calls
     * {@link #deactivate()}.
     */
    public void close() {
        closed = true;
        Mqtt311Link l = link311;
        if (l != null) {
            l.close(STOP_WAIT_MS);
        }
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                options.setAutomaticReconnect(false);
                if (c.isConnected()) {
                    c.disconnect(STOP_WAIT_MS / 2).waitForCompletion(STOP_WAIT_MS);
                }
            } catch (MqttException | RuntimeException e) {
                LOG.debug("MQTT disconnect: {}", e.toString());
            }
            try {
                c.close(true);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("MQTT close: {}", e.toString());
            }
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("MQTT message thread did not stop within {} ms", STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String id : Set.copyOf(devices.keySet())) {
            registry.withdraw(id);
        }
        for (String id : Set.copyOf(homieDevices.keySet())) {
            registry.withdraw(id);
        }
        homieDevices.clear();
        byHomieId.clear();
        devices.clear();
        availability.clear();
        results.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
