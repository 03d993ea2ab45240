package io.glint.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.glint.api.device.Attributes;
import io.glint.api.device.DeviceListener;
import io.glint.api.notify.Notification;
import io.glint.api.notify.Notifications;
import io.glint.api.notify.Priority;
import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.client.GlassesException;
import io.glint.bridge.internal.BenchBridge;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.protocol.NotificationMessage;
import io.glint.bridge.protocol.UtteranceReply;

/**
 * The glasses path end to end, on loopback: the hub's voice path wired by hand ({@link Pipeline}: NLU, dispatcher,
 * registry, the virtual home, the lights skill) behind the real glasses bridge (CoAP over DTLS-PSK, Californium),
 * spoken to by the real Java glasses client. Three parts, in one run:
 * <ol>
 * <li><b>utterance → device change</b> over DTLS, alternating with a <b>bare DTLS CoAP round trip</b> on the same
 * session to the same server ({@code GET /v1/notifications} with nothing pending: the identity check and an 11-byte
 * answer), one sample of each per round;</li>
 * <li><b>notification raised → delivered</b> to an observing pair of glasses (Observe, confirmable);</li>
 * <li><b>many paired glasses at once</b>: N identities, each with its own DTLS session, each saying a command every
 * {@code interval} for {@code seconds}.</li>
 * </ol>
 * The bridge runs with its shipped limits (4 workers, queue 32) except the per-glasses rate limit, raised so that
 * part 1 can send back to back. Every wait is bounded; a wrong answer ends the run with an error.
 *
 * <pre>java -cp hub-runtime/benchmarks/target/benchmarks.jar io.glint.benchmarks.GlassesBenchmark
 *     [rounds=1000 [warm-up=300 [glasses=50 [seconds=10 [interval-ms=500]]]]]</pre>
 */
public final class GlassesBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> ROOMS = List.of("kitchen", "bedroom", "bathroom", "hallway", "living room");

    private GlassesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Californium logs every endpoint it starts and stops at INFO, and a routine race (a notification to an
        // observer that has just cancelled) at WARN
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.californium") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.californium", "error");
        }
        int rounds = arg(args, 0, 1000);
        int warmUp = arg(args, 1, 300);
        int glasses = arg(args, 2, 50);
        int seconds = arg(args, 3, 10);
        int intervalMs = arg(args, 4, 500);
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, load average at start: %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
        Path dir = Files.createTempDirectory("glint-glasses-bench");
        try (Pipeline pipeline = new Pipeline(1, 0);
                BenchBridge bridge = new BenchBridge(dir.resolve("glasses-pairs.json"), () -> pipeline.assistant,
                        100_000, 100_000)) {
            voiceAndBareRoundTrip(pipeline, bridge, rounds, warmUp);
            notifications(bridge, Math.max(100, rounds / 3), Math.max(50, warmUp / 3));
            manyGlasses(bridge, glasses, seconds, intervalMs);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    }

    /** Part 1: "turn on/off the kitchen light" to the registry's change, and a bare GET, alternately. */
    static void voiceAndBareRoundTrip(Pipeline pipeline, BenchBridge bridge, int rounds, int warmUp)
            throws Exception {
        BlockingQueue<Long> changes = new LinkedBlockingQueue<>();
        DeviceListener listener = c -> {
            if (c.deviceId().equals("kitchen.light") && c.attribute().equals(Attributes.ON)) {
                changes.add(System.nanoTime());
            }
        };
        pipeline.registry.addListener(listener);
        Pair pair = bridge.pairing().pair("bench-voice", false);
        long[] toChange = new long[rounds];
        long[] toReply = new long[rounds];
        long[] bare = new long[rounds];
        try (GlassesClient client = new GlassesClient(bridge.address(), pair.identity(), pair.key(), TIMEOUT)) {
            long hs = System.nanoTime();
            client.currentNotification();
            System.out.printf(Locale.ROOT, "first request on a new DTLS session (handshake included): %.1f ms%n",
                    (System.nanoTime() - hs) / 1e6);
            for (int i = -warmUp; i < rounds; i++) {
                String text = (i & 1) == 0 ? "turn on the kitchen light" : "turn off the kitchen light";
                changes.clear();
                long t0 = System.nanoTime();
                UtteranceReply reply = client.say(text, "en", null);
                long t1 = System.nanoTime();
                if (!"DONE".equals(reply.status())) {
                    throw new IllegalStateException("\"" + text + "\" was answered " + reply);
                }
                Long changed = changes.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (changed == null) {
                    throw new IllegalStateException("\"" + text + "\" changed nothing within " + TIMEOUT);
                }
                long b0 = System.nanoTime();
                NotificationMessage none = client.currentNotification();
                long b1 = System.nanoTime();
                if (!none.empty()) {
                    throw new IllegalStateException("expected no notification, got " + none);
                }
                if (i >= 0) {
                    toChange[i] = changed - t0;
                    toReply[i] = t1 - t0;
                    bare[i] = b1 - b0;
                }
            }
        } finally {
            pipeline.registry.removeListener(listener);
        }
        Arrays.sort(toChange);
        Arrays.sort(toReply);
        Arrays.sort(bare);
        System.out.printf(Locale.ROOT, "%n1. %d rounds after %d warm-up, µs%n", rounds, warmUp);
        report("bare DTLS CoAP round trip (GET /v1/notifications)", bare);
        report("utterance -> device change (registry)", toChange);
        report("utterance -> answer at the glasses", toReply);
        System.out.printf(Locale.ROOT, "   ratio of p50s, device change / bare round trip: %.1fx (p99s: %.1fx)%n",
                percentile(toChange, 50) / (double) percentile(bare, 50),
                percentile(toChange, 99) / (double) percentile(bare, 99));
    }

    /** Part 2: raise → the observing glasses receive it; then withdraw and wait for "nothing pending". */
    static void notifications(BenchBridge bridge, int rounds, int warmUp) throws Exception {
        Notifications service = bridge.notifications();
        Pair pair = bridge.pairing().pair("bench-observer", false);
        BlockingQueue<Object[]> seen = new LinkedBlockingQueue<>();
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        long[] delivered = new long[rounds];
        try (GlassesClient client = new GlassesClient(bridge.address(), pair.identity(), pair.key(), TIMEOUT)) {
            client.observe(m -> seen.add(new Object[] { System.nanoTime(), m }), errors::add);
            await(seen, m -> m.empty());
            for (int i = -warmUp; i < rounds; i++) {
                long t0 = System.nanoTime();
                Notification n = service.raise(Notification.of(Priority.NORMAL, "Benchmark notification " + i));
                long at = await(seen, m -> n.id().equals(m.id()));
                if (i >= 0) {
                    delivered[i] = at - t0;
                }
                service.withdraw(n.id());
                await(seen, m -> m.empty());
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("observation failed: " + errors);
                }
            }
        }
        Arrays.sort(delivered);
        System.out.printf(Locale.ROOT, "%n2. %d notifications after %d warm-up, µs%n", rounds, warmUp);
        report("notification raised -> at the observing glasses", delivered);
    }

    private static long await(BlockingQueue<Object[]> seen, java.util.function.Predicate<NotificationMessage> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0;) {
            Object[] e = seen.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && wanted.test((NotificationMessage) e[1])) {
                return (Long) e[0];
            }
        }
        throw new IllegalStateException("the notification did not arrive within " + TIMEOUT);
    }

    /** Part 3: N paired glasses, each with its own session, each saying a command every interval. */
    static void manyGlasses(BenchBridge bridge, int n, int seconds, int intervalMs) throws Exception {
        List<GlassesClient> clients = new ArrayList<>();
        long[] handshakes = new long[n];
        try {
            for (int g = 0; g < n; g++) {
                Pair pair = bridge.pairing().pair("bench-glasses-" + g, false);
                GlassesClient c = new GlassesClient(bridge.address(), pair.identity(), pair.key(), TIMEOUT);
                clients.add(c);
                long t0 = System.nanoTime();
                c.currentNotification();
                handshakes[g] = System.nanoTime() - t0;
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> threads = new ArrayList<>();
            for (int g = 0; g < n; g++) {
                GlassesClient c = clients.get(g);
                String room = ROOMS.get(g % ROOMS.size());
                // spread the glasses over the interval so they do not all speak in the same millisecond
                long offset = TimeUnit.MILLISECONDS.toNanos(intervalMs) * g / n;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        long next = System.nanoTime() + offset;
                        for (int i = 0; System.nanoTime() < end; i++) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            next += TimeUnit.MILLISECONDS.toNanos(intervalMs);
                            String text = ((i & 1) == 0 ? "turn on the " : "turn off the ") + room + " light";
                            long t0 = System.nanoTime();
                            String outcome;
                            try {
                                outcome = c.say(text, "en", null).status();
                                latencies.add(System.nanoTime() - t0);
                            } catch (GlassesException e) {
                                outcome = e.code() == null ? "no answer" : e.code();
                            } catch (IOException e) {
                                outcome = "error";
                            }
                            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "glasses-" + g);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(seconds) + TIMEOUT.toMillis() * 2);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            Arrays.sort(handshakes);
            int total = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.printf(Locale.ROOT, "%n3. %d paired glasses at once, each a command every %d ms for %d s: %d "
                    + "utterances in %.1f s (%.0f/s), outcomes %s%n", n, intervalMs, seconds, total, elapsed,
                    total / elapsed, new java.util.TreeMap<>(outcomes));
            report("DTLS handshake + first GET, per pair of glasses", handshakes);
            if (sorted.length > 0) {
                report("utterance -> answer, all glasses together", sorted);
            }
        } finally {
            clients.forEach(GlassesClient::close);
        }
    }

    private static void report(String what, long[] sortedNanos) {
        System.out.printf(Locale.ROOT, "   %-52s p50 %8.0f  p90 %8.0f  p99 %8.0f  max %8.0f  (n=%d)%n", what,
                percentile(sortedNanos, 50) / 1e3, percentile(sortedNanos, 90) / 1e3,
                percentile(sortedNanos, 99) / 1e3, sortedNanos[sortedNanos.length - 1] / 1e3, sortedNanos.length);
    }

    /** Nearest rank. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
