package io.glint.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import io.glint.api.driver.DeviceRegistry;
import io.glint.api.voice.Assistant;
import io.glint.testing.Mosquitto;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;
import io.glint.core.internal.AssistantService;
import io.glint.core.internal.GrantTable;
import io.glint.core.internal.Registry;
import io.glint.core.internal.ScopedDevices;
import io.glint.core.internal.SkillCatalog;
import io.glint.core.internal.SkillHandle;
import io.glint.driver.mqtt.internal.MqttDriver;
import io.glint.driver.mqtt.internal.MqttDriverConfig;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.SkillSpecs;
import io.glint.nlu.internal.NluService;
import io.glint.paho.NoDelaySocketFactory;
import io.glint.skill.lights.internal.LightsSkill;

/**
 * Voice command → zigbee2mqtt {@code /set} on a real broker, next to its floor, the raw Paho publish → subscribe
 * round trip through the same broker, measured in one run. Starts Debian's Mosquitto on a free 127.0.0.1 port
 * (throwaway configuration in a temporary folder), publishes a retained {@code zigbee2mqtt/bridge/devices},
 * wires the hub's voice path by hand (NLU, dispatcher, registry, grant-scoped devices, the lights skill) with the
 * MQTT driver connected to that broker, and stops everything at the end.
 *
 * <ol>
 * <li>raw: a Paho client publishes (QoS 1) to a topic another Paho client has subscribed to (QoS 1); time from
 * the publish call to the subscriber's callback. Both clients use {@link NoDelaySocketFactory}, as the driver
 * does.</li>
 * <li>voice: {@code assistant.handle("turn on|off the kitchen ceiling")}; time from the call to the same
 * subscriber receiving {@code zigbee2mqtt/kitchen/ceiling/set} (whose payload is checked).</li>
 * </ol>
 * The two are measured alternately, one sample of each per round, so drift on a shared machine hits both alike.
 * Every wait is bounded; a missing or wrong message ends the run with an error.
 *
 * <pre>java -cp hub-runtime/benchmarks/target/benchmarks.jar io.glint.benchmarks.MqttBenchmark [rounds [warm-up]]</pre>
 */
public final class MqttBenchmark {
    private static final String BASE = "zigbee2mqtt";
    /** The MQTT client id of the hub's driver in the benchmarks (Paho names its threads after it). */
    static final String HUB_CLIENT_ID = "glint-bench-hub";
    private static final String CEILING = "z2m.0x000d6ffffe8a1c22"; // kitchen/ceiling in bridge-devices.json
    private static final String SET_TOPIC = BASE + "/kitchen/ceiling/set";
    private static final String RAW_TOPIC = "glint-bench/rtt";
    private static final List<String> UTTERANCES = List.of("turn on the kitchen ceiling",
            "turn off the kitchen ceiling");
    private static final List<String> PAYLOADS = List.of("{\"state\":\"ON\"}", "{\"state\":\"OFF\"}");
    private static final long WAIT_MS = 5_000;

    /** What the subscriber saw, stamped in its callback. */
    record Arrival(String topic, String payload, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // The fixture holds deliberately malformed entries; the driver's warnings about them are expected here.
        if (System.getProperty("org.slf4j.simpleLogger.log.io.glint.driver.mqtt.internal.z2m") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.glint.driver.mqtt.internal.z2m", "error");
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        if (rounds < 500) {
            System.err.println("at least 500 measured rounds, please (got " + rounds + ")");
            System.exit(2);
        }
        Path folder = Files.createTempDirectory("glint-bench-mqtt");
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        try (Mosquitto broker = Mosquitto.start(folder)) {
            MqttAsyncClient publisher = client(broker.uri(), "glint-bench-pub", null);
            MqttAsyncClient subscriber = client(broker.uri(), "glint-bench-sub", arrivals);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            MqttDriver driver = null;
            SkillCatalog catalog = null;
            try {
                subscriber.subscribe(new MqttSubscription[] {new MqttSubscription(RAW_TOPIC, 1),
                        new MqttSubscription(SET_TOPIC, 1)}).waitForCompletion(WAIT_MS);
                byte[] devices = Pipeline.resource("/z2m/bridge-devices.json").getBytes(StandardCharsets.UTF_8);
                publisher.publish(BASE + "/bridge/devices", new MqttMessage(devices, 1, true, null))
                        .waitForCompletion(WAIT_MS);

                // The voice path as Pipeline builds it, with the MQTT driver instead of the virtual one.
                Registry registry = new Registry(Duration.ofSeconds(2));
                GrantTable grants = new GrantTable();
                NluService nlu = new NluService(new ScopedDevices(registry, grants, -1, "the NLU"));
                catalog = new SkillCatalog(nlu, grants, scheduler, Duration.ofSeconds(3));
                Assistant assistant = new AssistantService(nlu, catalog, registry, Clock.systemUTC());
                driver = driver(registry, broker.uri());
                registry.addDriver(driver);
                SkillSpec lights = SkillSpecs.read(Pipeline.stream(Pipeline.resource("/glint/lights.json")),
                        "lights.json");
                catalog.arrived(new SkillHandle("io.glint.skill.lights/lights", "lights", 1,
                        new LightsSkill(new ScopedDevices(registry, grants, 1, "The skill lights")), lights,
                        Duration.ofSeconds(3)));
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS * 2);
                while (registry.get(CEILING).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the MQTT driver did not discover " + CEILING + " within "
                                + WAIT_MS * 2 + " ms; broker log: " + broker.log());
                    }
                    Thread.sleep(10);
                }
                System.out.printf(Locale.ROOT, "Mosquitto %s, %d devices from %s/bridge/devices; %d warm-up + %d "
                        + "measured rounds%n", broker.uri(), registry.all().size(), BASE, warmup, rounds);

                long[] raw = new long[rounds];
                long[] voice = new long[rounds];
                for (int i = -warmup; i < rounds; i++) {
                    long r = rawRoundTrip(publisher, arrivals, i);
                    long v = voiceToSet(assistant, arrivals, i);
                    if (i >= 0) {
                        raw[i] = r;
                        voice[i] = v;
                    }
                }
                Arrays.sort(raw);
                Arrays.sort(voice);
                report("raw Paho publish → subscribe (QoS 1)", raw);
                report("voice command → z2m /set at a subscriber", voice);
                System.out.printf(Locale.ROOT, "ratio voice / raw (p50): %.1f×%n",
                        percentile(voice, 50) / (double) percentile(raw, 50));
            } finally {
                if (catalog != null) {
                    catalog.clear();
                }
                if (driver != null) {
                    driver.close();
                }
                scheduler.shutdownNow();
                stop(publisher);
                stop(subscriber);
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One publish → arrival through the broker, in nanoseconds; waits for the PUBACK too so rounds don't overlap. */
    private static long rawRoundTrip(MqttAsyncClient publisher, BlockingQueue<Arrival> arrivals, int round)
            throws Exception {
        arrivals.clear();
        String payload = "{\"round\":" + round + "}";
        long start = System.nanoTime();
        IMqttToken token = publisher.publish(RAW_TOPIC,
                new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, false, null));
        Arrival a = expect(arrivals, RAW_TOPIC, payload);
        token.waitForCompletion(WAIT_MS);
        return a.nanos() - start;
    }

    /** One utterance → its /set arriving, in nanoseconds; the hub's answer must be DONE. */
    private static long voiceToSet(Assistant assistant, BlockingQueue<Arrival> arrivals, int round)
            throws Exception {
        arrivals.clear();
        int which = Math.floorMod(round, 2);
        long start = System.nanoTime();
        Response response = assistant.handle(Utterance.of(UTTERANCES.get(which)));
        if (response.status() != ResponseStatus.DONE) {
            throw new IllegalStateException("\"" + UTTERANCES.get(which) + "\" was not carried out: " + response);
        }
        return expect(arrivals, SET_TOPIC, PAYLOADS.get(which)).nanos() - start;
    }

    private static Arrival expect(BlockingQueue<Arrival> arrivals, String topic, String payload)
            throws InterruptedException {
        Arrival a = arrivals.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (a == null) {
            throw new IllegalStateException("nothing arrived on " + topic + " within " + WAIT_MS + " ms");
        }
        if (!a.topic().equals(topic) || !a.payload().equals(payload)) {
            throw new IllegalStateException("expected " + payload + " on " + topic + ", got " + a);
        }
        return a;
    }

    private static void report(String what, long[] sortedNanos) {
        System.out.printf(Locale.ROOT, "%-42s p50 %7.1f µs  p90 %7.1f  p99 %7.1f  max %8.1f  (n=%d)%n", what,
                percentile(sortedNanos, 50) / 1e3, percentile(sortedNanos, 90) / 1e3,
                percentile(sortedNanos, 99) / 1e3, sortedNanos[sortedNanos.length - 1] / 1e3, sortedNanos.length);
    }

    /** Nearest rank. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static MqttAsyncClient client(String uri, String id, BlockingQueue<Arrival> arrivals)
            throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, id, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setSocketFactory(new NoDelaySocketFactory());
        if (arrivals != null) {
            c.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    long now = System.nanoTime();
                    arrivals.add(new Arrival(topic, new String(message.getPayload(), StandardCharsets.UTF_8), now));
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
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
            });
        }
        c.connect(o).waitForCompletion(WAIT_MS);
        return c;
    }

    private static void stop(MqttAsyncClient c) {
        try {
            if (c.isConnected()) {
                c.disconnect(500).waitForCompletion(1000);
            }
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            System.err.println("closing " + c.getClientId() + ": " + e);
        }
    }

    /**
     * The MQTT driver as the framework builds it, through its public (component) constructor, connected to
     * {@code uri}: the registry and the configuration given, any optional service it also takes absent (null).
     */
    static MqttDriver driver(DeviceRegistry registry, String uri) {
        MqttDriverConfig config = config(uri);
        for (Constructor<?> c : MqttDriver.class.getConstructors()) {
            Class<?>[] types = c.getParameterTypes();
            if (!Arrays.asList(types).contains(MqttDriverConfig.class)) {
                continue;
            }
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                args[i] = types[i] == DeviceRegistry.class ? registry : types[i] == MqttDriverConfig.class ? config
                        : null;
            }
            try {
                return (MqttDriver) c.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the MQTT driver did not start", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("MqttDriver has no public constructor taking its configuration");
    }

    /**
     * The driver's settings for a benchmark: {@code brokerUri}, zigbee2mqtt at the default base topic, no Homie;
     * every other setting at the default its {@link MqttDriverConfig} declares, as ConfigAdmin would give it.
     */
    static MqttDriverConfig config(String uri) {
        Map<String, Object> values = Map.of("brokerUri", uri, "clientId", HUB_CLIENT_ID, "baseTopic", BASE,
                "homie", false); // the benchmarks measure the zigbee2mqtt path
        return (MqttDriverConfig) Proxy.newProxyInstance(MqttDriverConfig.class.getClassLoader(),
                new Class<?>[] {MqttDriverConfig.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "annotationType":
                            return MqttDriverConfig.class;
                        case "toString":
                            return "MqttDriverConfig" + values;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            Object v = values.get(method.getName());
                            return v != null ? v : method.getDefaultValue();
                    }
                });
    }

    private MqttBenchmark() {
    }
}
