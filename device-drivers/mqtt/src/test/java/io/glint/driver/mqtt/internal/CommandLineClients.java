package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Mosquitto's own command-line clients ({@code mosquitto_pub}, {@code mosquitto_sub}; Debian package
 * {@code mosquitto-clients}) as the other side of the broker. Every process has a deadline and is destroyed when
 * the test is done with it, or at the latest when this is closed.
 */
final class CommandLineClients implements AutoCloseable {
    static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(15);

    private final int port;
    private final String pub;
    private final String sub;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final AtomicInteger probes = new AtomicInteger();

    private CommandLineClients(int port, String pub, String sub) {
        this.port = port;
        this.pub = pub;
        this.sub = sub;
    }

    /** Skips the calling test (with the reason) when the clients are not installed. */
    static CommandLineClients forBroker(int port) {
        String pub = executable("mosquitto_pub");
        String sub = executable("mosquitto_sub");
        assumeTrue(pub != null && sub != null, "mosquitto_pub/mosquitto_sub are not installed: run `apt-get install"
                + " mosquitto-clients` (.ci/run does)");
        return new CommandLineClients(port, pub, sub);
    }

    private static String executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
    }

    /** {@code mosquitto_pub -m}: QoS 1, so the broker has it when this returns. */
    void publish(String topic, String message, boolean retained) throws IOException, InterruptedException {
        List<String> command = base(pub, topic, retained);
        command.add("-m");
        command.add(message);
        run(command);
    }

    /** {@code mosquitto_pub -f}: the file's bytes as the message (for payloads too big for a command line). */
    void publishFile(String topic, Path file, boolean retained) throws IOException, InterruptedException {
        List<String> command = base(pub, topic, retained);
        command.add("-f");
        command.add(file.toString());
        run(command);
    }

    private List<String> base(String executable, String topic, boolean retained) {
        List<String> command = new ArrayList<>(List.of(executable, "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-q", "1", "-t", topic));
        if (retained) {
            command.add("-r");
        }
        return command;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        try {
            if (!p.waitFor(PROCESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(command.get(0) + " did not finish within " + PROCESS_TIMEOUT.toSeconds() + " s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                fail(String.join(" ", command.subList(0, Math.min(command.size(), 9))) + " failed with exit code "
                        + p.exitValue() + ": " + output);
            }
        } finally {
            p.destroyForcibly();
            processes.remove(p);
        }
    }

    /**
     * {@code mosquitto_sub -W 5} for one message on {@code topic}: it exits after that message, or on its own after
     * 5 s without one. Returns once the subscription is active, so whatever is published after this call is seen.
     * <p>
     * mosquitto_sub only flushes its output per message (its debug lines arrive when it exits), so readiness is a
     * message too: a retained message on a probe topic of its own, which the broker delivers right after it
     * confirms the subscriptions. Hence {@code -C 2}: the probe, then the one message under test.
     */
    Subscriber subscribeOnce(String topic) throws IOException, InterruptedException {
        String probe = "glint-test/probe/" + probes.incrementAndGet();
        publish(probe, "ready", true);
        List<String> command = List.of(sub, "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1",
                "-t", probe, "-t", topic, "-C", "2", "-W", "5", "-F", Subscriber.PREFIX + "%t %p");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        Subscriber s = new Subscriber(p, topic);
        try {
            s.awaitLine(line -> line.equals(Subscriber.PREFIX + probe + " ready"), "retained probe message");
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** A running {@code mosquitto_sub}; its output lines, read on their own thread. */
    final class Subscriber implements AutoCloseable {
        static final String PREFIX = "MESSAGE ";
        private final Process process;
        private final String topic;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new CopyOnWriteArrayList<>();

        private Subscriber(Process process, String topic) {
            this.process = process;
            this.topic = topic;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        seen.add(line);
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the process is gone
                }
            }, "mosquitto_sub output");
            reader.setDaemon(true);
            reader.start();
        }

        private String awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("mosquitto_sub: no " + what + " within " + PROCESS_TIMEOUT.toSeconds() + " s; it printed "
                            + seen);
                }
                if (wanted.test(line)) {
                    return line;
                }
            }
        }

        /**
         * The payload of the one message on the topic; fails unless it arrives (before mosquitto_sub's own 5 s)
         * and mosquitto_sub then exits normally.
         */
        String payload() throws InterruptedException {
            String line = awaitLine(l -> l.startsWith(PREFIX) || l.contains("Timed out"), "message");
            if (!line.startsWith(PREFIX + topic + " ")) {
                fail("mosquitto_sub saw no message on " + topic + ": " + seen);
            }
            if (!process.waitFor(PROCESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("mosquitto_sub -C 2 did not exit after its message");
            }
            if (process.exitValue() != 0) {
                fail("mosquitto_sub exited with " + process.exitValue() + ": " + seen);
            }
            return line.substring(PREFIX.length() + topic.length() + 1);
        }

        @Override
        public void close() {
            process.destroyForcibly();
            processes.remove(process);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(2, TimeUnit.SECONDS);
        }
        processes.clear();
    }
}
