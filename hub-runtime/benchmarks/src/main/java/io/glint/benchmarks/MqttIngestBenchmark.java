package io.glint.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glint.api.device.Attributes;
import io.glint.core.internal.Registry;
import io.glint.driver.mqtt.internal.MqttDriver;
import io.glint.paho.NoDelaySocketFactory;
import io.glint.testing.Mosquitto;

/**
 * State ingest: how many zigbee2mqtt state messages per second get from the broker into the hub's device registry
 * with 1,000 devices, and how much heap each discovered device costs.
 * <p>
 * Starts Debian's Mosquitto on a free 127.0.0.1 port (throwaway configuration), publishes a retained
 * {@code zigbee2mqtt/bridge/devices} of 1,000 devices (copies of the fixture's Hue colour bulb, IKEA bulb and IKEA
 * plug, 20 per room), and connects the MQTT driver (Paho, {@link NoDelaySocketFactory}) to the core's
 * {@link Registry}, counting every {@code updateState} the driver makes.
 * <ol>
 * <li>Memory: heap in use after full GCs with the driver connected and no devices, then again once all 1,000 are
 * announced; the difference divided by 1,000 is what one device costs in the driver and the registry together.</li>
 * <li>Ingest: Paho clients (QoS 0, at most {@value #WINDOW} messages each not yet written to the socket) publish
 * state messages as zigbee2mqtt does, round-robin over the devices, as fast as they can. Reported per round: the
 * publish rate, the ingest rate (messages that reached the registry ÷ time from the first publish to the last
 * arrival), how far behind the registry was when the last message was published, and how many never arrived
 * (dropped: QoS 0 lets the broker drop messages for a subscriber that does not keep up).</li>
 * </ol>
 * Every wait is bounded; the broker is stopped at the end.
 *
 * With a rate, the publishers together offer that many messages per second instead of all they can: the rate
 * the hub keeps up with, without drops, is what a home can rely on.
 *
 * <pre>java -cp hub-runtime/benchmarks/target/benchmarks.jar io.glint.benchmarks.MqttIngestBenchmark
 *     [messages per round=200000 [rounds=5 [publishers=2 [rate msg/s, 0 = all they can=0 [devices=1000]]]]]</pre>
 */
public final class MqttIngestBenchmark {
    private static final String BASE = "zigbee2mqtt";
    private static final int WINDOW = 2_000;
    private static final long WAIT_MS = 10_000;
    private static final int PER_ROOM = 20;
    private static final List<String> TEMPLATES = List.of("living_room/floor_lamp", "kitchen/ceiling",
            "office/desk_plug");

    /** The core's registry, counting what the driver reports. */
    static final class CountingRegistry extends Registry {
        final AtomicLong updates = new AtomicLong();
        volatile long lastUpdateNanos;

        CountingRegistry() {
            super(Duration.ofSeconds(2));
        }

        @Override
        public void updateState(String deviceId, Map<String, ?> values) {
            super.updateState(deviceId, values);
            updates.incrementAndGet();
            lastUpdateNanos = System.nanoTime();
        }
    }

    /**
     * One round's figures.
     *
     * @param cpuNanos CPU time of the hub's receiving threads in the round: Paho's receiver, Paho's callback
     *                 thread, the driver's worker
     */
    record Round(long published, long arrived, long publishNanos, long ingestNanos, long behindAtLastPublish,
            long[] cpuNanos) {
        double publishRate() {
            return published / (publishNanos / 1e9);
        }

        double ingestRate() {
            return arrived / (ingestNanos / 1e9);
        }

        /** CPU µs per message that arrived, of each hub thread. */
        String cpuPerMessage() {
            StringBuilder s = new StringBuilder();
            for (long n : cpuNanos) {
                s.append(s.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.1f",
                        arrived == 0 ? 0 : n / 1e3 / arrived));
            }
            return s.toString();
        }
    }

    /** The hub's threads a state message goes through, as Paho and the driver name them. */
    private static final List<String> HUB_THREADS = List.of("MQTT Rec: " + MqttBenchmark.HUB_CLIENT_ID,
            "MQTT Call: " + MqttBenchmark.HUB_CLIENT_ID, "glint-mqtt");

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int publishers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int devices = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        if (messages < 10_000 || rounds < 1 || publishers < 1 || rate < 0 || devices < 1 || devices > 5_000) {
            System.err.println("usage: MqttIngestBenchmark [messages ≥ 10000 [rounds ≥ 1 [publishers ≥ 1"
                    + " [rate msg/s, 0 = as fast as they can [devices 1–5000]]]]]");
            System.exit(2);
        }
        Path folder = Files.createTempDirectory("glint-bench-ingest");
        try (Mosquitto broker = Mosquitto.start(folder)) {
            run(broker, messages, rounds, publishers, rate, devices);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Mosquitto broker, int messages, int rounds, int publishers, int rate, int deviceCount)
            throws Exception {
        Home home = home(deviceCount);
        List<MqttAsyncClient> clients = new ArrayList<>();
        MqttDriver driver = null;
        try {
            for (int p = 0; p < publishers; p++) {
                clients.add(client(broker.uri(), "glint-ingest-pub-" + p));
            }
            CountingRegistry registry = new CountingRegistry();
            MqttDriver connecting = MqttBenchmark.driver(registry, broker.uri());
            driver = connecting;
            registry.addDriver(connecting);
            await("the driver connecting", connecting::connected);

            long before = heapAfterGc();
            clients.get(0).publish(BASE + "/bridge/devices", new MqttMessage(home.bridgeDevices, 1, true, null))
                    .waitForCompletion(WAIT_MS);
            await(deviceCount + " devices announced", () -> registry.all().size() == deviceCount);
            long after = heapAfterGc();
            System.out.printf(Locale.ROOT, "Mosquitto %s; %d zigbee2mqtt devices in %d rooms (bridge/devices %d KiB)"
                    + "%n", broker.uri(), registry.all().size(), registry.rooms().size(),
                    home.bridgeDevices.length / 1024);
            System.out.printf(Locale.ROOT, "heap after GC: %.1f MiB with the driver connected and no devices, %.1f"
                    + " MiB with %d → %.2f KiB per device (driver + registry)%n", before / 1048576.0,
                    after / 1048576.0, deviceCount, (after - before) / 1024.0 / deviceCount);

            System.out.printf(Locale.ROOT, "%d publisher(s), QoS 0, %s, %d messages per round (%d bytes each,"
                    + " about), 1 warm-up round + %d measured; hub CPU: Paho receive / Paho callback / driver"
                    + " worker%n", publishers, rate == 0 ? "as fast as they can" : rate + " msg/s offered", messages,
                    home.payloads[0][0].length, rounds);
            List<Round> measured = new ArrayList<>();
            for (int r = -1; r < rounds; r++) {
                Round round = round(clients, registry, home, messages, rate, r + 1);
                String label = r < 0 ? "warm-up" : "round " + (r + 1);
                System.out.printf(Locale.ROOT, "%-8s publish %7.0f msg/s  ingest %7.0f msg/s  behind at last"
                        + " publish %6d  dropped %6d of %d  hub CPU µs/msg %s%n", label, round.publishRate(),
                        round.ingestRate(), round.behindAtLastPublish(), round.published() - round.arrived(),
                        round.published(), round.cpuPerMessage());
                if (r >= 0) {
                    measured.add(round);
                }
            }
            double[] ingest = measured.stream().mapToDouble(Round::ingestRate).sorted().toArray();
            double[] publish = measured.stream().mapToDouble(Round::publishRate).sorted().toArray();
            long dropped = measured.stream().mapToLong(r -> r.published() - r.arrived()).sum();
            System.out.printf(Locale.ROOT, "median of %d rounds: publish %.0f msg/s, ingest %.0f msg/s; dropped %d of"
                    + " %d%n", rounds, publish[publish.length / 2], ingest[ingest.length / 2], dropped,
                    (long) messages * rounds);
            // What the last round left in the registry is what was published last, if nothing was dropped.
            String id = home.ids.get(0);
            Object brightness = registry.get(id).map(d -> d.state(Attributes.BRIGHTNESS)).orElse(null);
            System.out.printf(Locale.ROOT, "%s brightness in the registry: %s%n", id, brightness);
        } finally {
            if (driver != null) {
                driver.close();
            }
            for (MqttAsyncClient c : clients) {
                stop(c);
            }
        }
    }

    /** Publishes {@code messages} state messages spread over the publishers and waits for them to arrive. */
    private static Round round(List<MqttAsyncClient> clients, CountingRegistry registry, Home home, int messages,
            int rate, int variant) throws Exception {
        long startCount = registry.updates.get();
        long[] cpuBefore = cpu();
        int publishers = clients.size();
        CountDownLatch done = new CountDownLatch(publishers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20); // all threads started
        for (int p = 0; p < publishers; p++) {
            MqttAsyncClient c = clients.get(p);
            int first = p;
            Thread t = new Thread(() -> {
                try {
                    publish(c, home, messages, publishers, first, variant, rate / (double) publishers, start);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "publisher-" + p);
            threads.add(t);
            t.start();
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("publishing " + messages + " messages took more than 120 s");
        }
        long published = System.nanoTime();
        long behind = messages - (registry.updates.get() - startCount);
        if (failure.get() != null) {
            throw new IllegalStateException("a publisher failed", failure.get());
        }
        // Until every message is in, or nothing has arrived for 2 s (the rest was dropped).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long seen = -1;
        long quietSince = System.nanoTime();
        while (registry.updates.get() - startCount < messages && System.nanoTime() < deadline) {
            long now = registry.updates.get();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(2)) {
                break;
            }
            Thread.sleep(5);
        }
        long arrived = registry.updates.get() - startCount;
        long last = arrived == 0 ? published : registry.lastUpdateNanos;
        long[] cpu = cpu();
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] -= cpuBefore[i];
        }
        return new Round(messages, arrived, published - start, Math.max(last, published) - start, behind, cpu);
    }

    /** @param rate messages per second this publisher offers; 0: as many as Paho takes */
    private static void publish(MqttAsyncClient c, Home home, int messages, int publishers, int first, int variant,
            double rate, long start) throws MqttException, InterruptedException {
        Semaphore window = new Semaphore(WINDOW);
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                window.release();
            }
        };
        int n = home.topics.size();
        long sent = 0;
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        for (int k = first; k < messages; k += publishers) {
            if (rate > 0 && sent++ % 64 == 0) {
                // Paced: message number `sent` is due at start + sent / rate.
                long due = start + (long) (sent / rate * 1e9);
                long early = due - System.nanoTime();
                if (early > 0) {
                    TimeUnit.NANOSECONDS.sleep(early);
                }
            }
            int device = k % n;
            // A new value each time round the devices, as a dimmer being turned would send.
            byte[] payload = home.payloads[device][(k / n + variant) % home.payloads[device].length];
            if (!window.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(c.getClientId() + ": Paho wrote nothing for " + WAIT_MS + " ms");
            }
            c.publish(home.topics.get(device), payload, 0, false, null, release);
        }
        if (!window.tryAcquire(WINDOW, WAIT_MS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(c.getClientId() + ": the last messages were not written");
        }
    }

    /** The devices: bridge/devices, their state topics and pre-encoded state messages. */
    private record Home(byte[] bridgeDevices, List<String> ids, List<String> topics, byte[][][] payloads) {
    }

    private static Home home(int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode fixture = (ArrayNode) json.readTree(Pipeline.resource("/z2m/bridge-devices.json"));
        List<JsonNode> templates = new ArrayList<>();
        for (String name : TEMPLATES) {
            for (JsonNode d : fixture) {
                if (name.equals(d.path("friendly_name").asText())) {
                    templates.add(d);
                }
            }
        }
        ArrayNode devices = json.createArrayNode();
        devices.add(fixture.get(0)); // the coordinator, as every real bridge/devices starts
        List<String> ids = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        byte[][][] payloads = new byte[count][][];
        for (int i = 0; i < count; i++) {
            JsonNode template = templates.get(i % templates.size());
            ObjectNode d = template.deepCopy();
            String ieee = String.format(Locale.ROOT, "0x00124b00%08x", 0x10000 + i);
            String kind = template.path("friendly_name").asText().replaceAll(".*/", "");
            String friendly = String.format(Locale.ROOT, "room_%03d/%s_%d", i / PER_ROOM, kind, i % PER_ROOM);
            d.put("ieee_address", ieee);
            d.put("network_address", 1000 + i);
            d.put("friendly_name", friendly);
            devices.add(d);
            ids.add("z2m." + ieee);
            topics.add(BASE + "/" + friendly);
            boolean plug = kind.equals("desk_plug");
            payloads[i] = new byte[8][];
            for (int v = 0; v < 8; v++) {
                // What zigbee2mqtt publishes for these devices (key order and fields as it sends them).
                String state = plug
                        ? "{\"linkquality\":" + (60 + v) + ",\"power_on_behavior\":\"previous\",\"state\":\""
                                + (v % 2 == 0 ? "ON" : "OFF") + "\",\"update\":{\"installed_version\":33816645,"
                                + "\"latest_version\":33816645,\"state\":\"idle\"}}"
                        : "{\"brightness\":" + (30 * v + 10) + ",\"color_mode\":\"color_temp\",\"color_temp\":"
                                + (250 + 10 * v) + ",\"linkquality\":" + (60 + v) + ",\"power_on_behavior\":"
                                + "\"previous\",\"state\":\"ON\",\"update\":{\"installed_version\":16777216,"
                                + "\"latest_version\":16777216,\"state\":\"idle\"}}";
                payloads[i][v] = state.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Home(json.writeValueAsBytes(devices), ids, topics, payloads);
    }

    /** CPU time so far of each of {@link #HUB_THREADS} (0 for one the JVM cannot measure). */
    private static long[] cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[HUB_THREADS.size()];
        for (ThreadInfo t : threads.dumpAllThreads(false, false)) {
            int i = HUB_THREADS.indexOf(t.getThreadName());
            if (i >= 0) {
                cpu[i] += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return cpu;
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void await(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS * 2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + WAIT_MS * 2 + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static MqttAsyncClient client(String uri, String id) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, id, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setSocketFactory(new NoDelaySocketFactory());
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

    private MqttIngestBenchmark() {
    }
}
