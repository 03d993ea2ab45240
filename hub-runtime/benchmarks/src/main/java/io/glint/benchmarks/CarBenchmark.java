package io.glint.benchmarks;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
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

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.glint.api.device.Attributes;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;
import io.glint.core.internal.AssistantService;
import io.glint.core.internal.GrantTable;
import io.glint.core.internal.Registry;
import io.glint.core.internal.ScopedDevices;
import io.glint.core.internal.SkillCatalog;
import io.glint.core.internal.SkillHandle;
import io.glint.driver.car.internal.CarDriver;
import io.glint.driver.car.internal.CarDriverConfig;
import io.glint.driver.car.simulator.CarSimulator;
import io.glint.driver.car.simulator.Vss;
import io.glint.driver.car.simulator.VssTopics;
import io.glint.moquette.EmbeddedBroker;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.SkillSpecs;
import io.glint.nlu.internal.NluService;
import io.glint.paho.NoDelaySocketFactory;
import io.glint.skill.car.internal.CarSkill;

/**
 * Voice command → car actuation confirmed by the car's reported state, next to a bare MQTT round trip through the
 * same broker, measured in one run. Starts the hub's embedded broker (Moquette, as {@code ./glint demo} runs it)
 * on a free 127.0.0.1 port, a {@link CarSimulator} on it, and wires the hub's voice path by hand (NLU, dispatcher,
 * registry, grant-scoped devices, the car skill) with the car driver connected to that broker.
 *
 * <ol>
 * <li>raw: a Paho MQTT 3.1.1 client publishes (QoS 1) to a topic another client has subscribed to (QoS 1); time
 * from the publish call to the subscriber's callback. All clients use {@link NoDelaySocketFactory}, as the driver
 * and the simulator do.</li>
 * <li>target → current: the same client publishes a VSS target (climate on or off) to the simulated car, as the
 * driver does, and the subscriber sees the car's new current value: the car's own share, without the hub.</li>
 * <li>voice: {@code assistant.handle("switch on|off the car heating")}; the hub answers DONE only once the car's
 * reported value confirms it (the driver waits for it), so the time to the answer is the time to a confirmed
 * actuation. The simulator's value is checked after each.</li>
 * </ol>
 * Measured alternately, one sample of each per round. Every wait is bounded; a missing confirmation ends the run.
 *
 * <pre>java -cp hub-runtime/benchmarks/target/benchmarks.jar io.glint.benchmarks.CarBenchmark [rounds [warm-up]]</pre>
 */
public final class CarBenchmark {
    private static final String BASE = "vss";
    private static final String CAR = "car";
    private static final String RAW_TOPIC = "glint-bench/rtt";
    private static final String CURRENT_AC = VssTopics.current(BASE, CAR, Vss.HVAC_AC_ACTIVE);
    private static final List<String> UTTERANCES = List.of("switch on the car heating", "switch off the car heating");
    private static final long WAIT_MS = 5_000;

    record Arrival(String topic, String payload, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        if (rounds < 200) {
            System.err.println("at least 200 measured rounds, please (got " + rounds + ")");
            System.exit(2);
        }
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
                CarSimulator car = CarSimulator.start(broker.uri(), BASE, CAR)) {
            MqttAsyncClient publisher = client(broker.uri(), "glint-bench-pub", null);
            MqttAsyncClient subscriber = client(broker.uri(), "glint-bench-sub", arrivals);
            CarDriver driver = null;
            SkillCatalog catalog = null;
            try {
                subscriber.subscribe(new String[] {RAW_TOPIC, CURRENT_AC}, new int[] {1, 1})
                        .waitForCompletion(WAIT_MS);
                Registry registry = new Registry(Duration.ofSeconds(2));
                GrantTable grants = new GrantTable();
                NluService nlu = new NluService(new ScopedDevices(registry, grants, -1, "the NLU"));
                catalog = new SkillCatalog(nlu, grants, scheduler, Duration.ofSeconds(3));
                Assistant assistant = new AssistantService(nlu, catalog, registry, Clock.systemUTC());
                driver = new CarDriver(registry, broker, config());
                registry.addDriver(driver);
                SkillSpec spec = SkillSpecs.read(Pipeline.stream(Pipeline.resource("/glint/car.json")), "car.json");
                catalog.arrived(new SkillHandle("io.glint.skill.car/car", "car", 1,
                        new CarSkill(new ScopedDevices(registry, grants, 1, "The skill car"), Map.of()), spec,
                        Duration.ofSeconds(3)));
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS * 2);
                while (registry.get("car:car").map(d -> d.state(Attributes.LOCKED)).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the car did not report its state within " + WAIT_MS * 2
                                + " ms");
                    }
                    Thread.sleep(10);
                }
                System.out.printf(Locale.ROOT, "embedded broker %s, simulated car %s; %d warm-up + %d measured "
                        + "rounds%n", broker.uri(), CAR, warmup, rounds);

                long[] raw = new long[rounds];
                long[] target = new long[rounds];
                long[] voice = new long[rounds];
                for (int i = -warmup; i < rounds; i++) {
                    long r = rawRoundTrip(publisher, arrivals, i);
                    long t = targetToCurrent(publisher, arrivals, car, i);
                    settle(registry, car);
                    long v = voiceToConfirmed(assistant, car, i);
                    if (i >= 0) {
                        raw[i] = r;
                        target[i] = t;
                        voice[i] = v;
                    }
                }
                Arrays.sort(raw);
                Arrays.sort(target);
                Arrays.sort(voice);
                report("raw Paho publish → subscribe (QoS 1)", raw);
                report("VSS target → car's current value", target);
                report("voice → actuation confirmed by the car", voice);
                System.out.printf(Locale.ROOT, "ratio voice / raw (p50): %.1f×   voice / target→current (p50): "
                        + "%.1f×%n", MqttBenchmark.percentile(voice, 50) / (double) MqttBenchmark.percentile(raw, 50),
                        MqttBenchmark.percentile(voice, 50) / (double) MqttBenchmark.percentile(target, 50));
            } finally {
                if (catalog != null) {
                    catalog.clear();
                }
                if (driver != null) {
                    closeDriver(driver);
                }
                stop(publisher);
                stop(subscriber);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static long rawRoundTrip(MqttAsyncClient publisher, BlockingQueue<Arrival> arrivals, int round)
            throws Exception {
        arrivals.clear();
        String payload = "{\"round\":" + round + "}";
        long start = System.nanoTime();
        var token = publisher.publish(RAW_TOPIC, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        Arrival a = expect(arrivals, RAW_TOPIC, payload);
        token.waitForCompletion(WAIT_MS);
        return a.nanos() - start;
    }

    /** A target as the driver writes it (QoS 0, with an expiry), to the car's current value at the subscriber. */
    private static long targetToCurrent(MqttAsyncClient publisher, BlockingQueue<Arrival> arrivals, CarSimulator car,
            int round) throws Exception {
        boolean on = !Boolean.TRUE.equals(car.current(Vss.HVAC_AC_ACTIVE));
        arrivals.clear();
        String payload = "{\"value\":" + on + ",\"ts\":" + System.currentTimeMillis() + ",\"expires\":"
                + (System.currentTimeMillis() + WAIT_MS) + "}";
        long start = System.nanoTime();
        publisher.publish(VssTopics.target(BASE, CAR, Vss.HVAC_AC_ACTIVE), payload.getBytes(StandardCharsets.UTF_8),
                0, false);
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (true) {
            Arrival a = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (a == null) {
                throw new IllegalStateException("the car did not report climate " + on + " within " + WAIT_MS + " ms"
                        + " (round " + round + ")");
            }
            if (a.topic().equals(CURRENT_AC) && a.payload().contains("\"value\":" + on)) {
                return a.nanos() - start;
            }
        }
    }

    /**
     * Waits (bounded) until the hub has seen the value the target round left the car with: otherwise the driver
     * could take its older view for the car being there already.
     */
    private static void settle(Registry registry, CarSimulator car) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!car.current(Vss.HVAC_AC_ACTIVE).equals(registry.get("car:car").map(d -> d.state("climate"))
                .orElse(null))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub did not see the car's climate within " + WAIT_MS + " ms");
            }
            Thread.sleep(0, 100_000);
        }
    }

    private static long voiceToConfirmed(Assistant assistant, CarSimulator car, int round) {
        boolean on = !Boolean.TRUE.equals(car.current(Vss.HVAC_AC_ACTIVE));
        String text = UTTERANCES.get(on ? 0 : 1);
        long start = System.nanoTime();
        Response response = assistant.handle(Utterance.of(text));
        long nanos = System.nanoTime() - start;
        if (response.status() != ResponseStatus.DONE) {
            throw new IllegalStateException("\"" + text + "\" was not carried out (round " + round + "): " + response);
        }
        if (!Boolean.valueOf(on).equals(car.current(Vss.HVAC_AC_ACTIVE))) {
            throw new IllegalStateException("the hub said done but the car's climate is "
                    + car.current(Vss.HVAC_AC_ACTIVE) + " (round " + round + ")");
        }
        return nanos;
    }

    private static Arrival expect(BlockingQueue<Arrival> arrivals, String topic, String payload)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (true) {
            Arrival a = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (a == null) {
                throw new IllegalStateException("nothing arrived on " + topic + " within " + WAIT_MS + " ms");
            }
            // the car's periodic values are not what this round waits for
            if (a.topic().equals(topic)) {
                if (!a.payload().equals(payload)) {
                    throw new IllegalStateException("expected " + payload + " on " + topic + ", got " + a);
                }
                return a;
            }
        }
    }

    private static void report(String what, long[] sortedNanos) {
        System.out.printf(Locale.ROOT, "%-42s p50 %7.1f µs  p90 %7.1f  p99 %7.1f  max %8.1f  (n=%d)%n", what,
                MqttBenchmark.percentile(sortedNanos, 50) / 1e3, MqttBenchmark.percentile(sortedNanos, 90) / 1e3,
                MqttBenchmark.percentile(sortedNanos, 99) / 1e3, sortedNanos[sortedNanos.length - 1] / 1e3,
                sortedNanos.length);
    }

    private static MqttAsyncClient client(String uri, String id, BlockingQueue<Arrival> arrivals)
            throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, id + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        // as the car driver and the simulator connect: TCP_NODELAY
        o.setSocketFactory(new NoDelaySocketFactory());
        if (arrivals != null) {
            c.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    long now = System.nanoTime();
                    arrivals.add(new Arrival(topic, new String(message.getPayload(), StandardCharsets.UTF_8), now));
                }

                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
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

    /** The driver's deactivation is package-private, as SCR calls it: the benchmark calls it the same way. */
    private static void closeDriver(CarDriver driver) {
        try {
            var close = CarDriver.class.getDeclaredMethod("close");
            close.setAccessible(true);
            close.invoke(driver);
        } catch (ReflectiveOperationException e) {
            System.err.println("closing the car driver: " + e);
        }
    }

    /** One car on the broker given, every other setting at its declared default, as ConfigAdmin would give it. */
    static CarDriverConfig config() {
        Map<String, Object> values = Map.of("cars", new String[] {CAR}, "clientId", "glint-bench-cars");
        return (CarDriverConfig) Proxy.newProxyInstance(CarDriverConfig.class.getClassLoader(),
                new Class<?>[] {CarDriverConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> CarDriverConfig.class;
                    case "toString" -> "CarDriverConfig" + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName())
                            : method.getDefaultValue();
                });
    }

    private CarBenchmark() {
    }
}
