package io.glint.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Mosquitto as a child process on a free loopback port, with a throwaway configuration: anonymous,
 * no persistence, nothing written outside {@code folder}. For tests and benchmarks that need a real MQTT broker
 * on this machine (Debian package {@code mosquitto}).
 */
public final class Mosquitto implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final int port;
    private final Path log;
    private final Tls tls;
    private final Path passwordFile;

    private Mosquitto(Process process, int port, Path log, Tls tls, Path passwordFile) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.tls = tls;
        this.passwordFile = passwordFile;
    }

    /**
     * A TLS listener instead of a plain one: PEM files as Mosquitto's {@code cafile}, {@code certfile} and
     * {@code keyfile}; with {@code requireCertificate} clients must present a certificate signed by {@code caFile}.
     */
    public record Tls(Path caFile, Path certFile, Path keyFile, boolean requireCertificate) {
    }

    /** Starts a broker and returns once it accepts connections; fails the test otherwise. */
    public static Mosquitto start(Path folder) throws IOException, InterruptedException {
        return start(folder, freeLoopbackPort(), null, null);
    }

    /** Like {@link #start(Path)}, with a TLS listener: {@link #uri()} is then {@code ssl://127.0.0.1:<port>}. */
    public static Mosquitto start(Path folder, Tls tls) throws IOException, InterruptedException {
        return start(folder, freeLoopbackPort(), Objects.requireNonNull(tls, "tls"), null);
    }

    /**
     * Like {@link #start(Path)}, but only these users may connect (user name → password; no anonymous clients),
     * with the password file made by Mosquitto's own {@code mosquitto_passwd}.
     */
    public static Mosquitto startWithUsers(Path folder, Map<String, String> users)
            throws IOException, InterruptedException {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("at least one user");
        }
        Path passwords = folder.resolve("passwords");
        String tool = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(
                java.io.File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "mosquitto_passwd"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElseThrow(() -> new IllegalStateException("mosquitto_passwd is not installed: run"
                        + " `apt-get install mosquitto`"));
        Files.writeString(passwords, "", StandardCharsets.UTF_8);
        for (Map.Entry<String, String> user : users.entrySet()) {
            Process p = new ProcessBuilder(tool, "-b", passwords.toString(), user.getKey(), user.getValue())
                    .redirectErrorStream(true).start();
            try {
                if (!p.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("mosquitto_passwd failed for " + user.getKey() + ": "
                            + new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8));
                }
            } finally {
                p.destroyForcibly();
            }
        }
        return start(folder, freeLoopbackPort(), null, passwords);
    }

    /** A new broker on the port of this one (which must be stopped): what clients see as a broker restart. */
    public Mosquitto restart(Path folder) throws IOException, InterruptedException {
        return start(folder, port, tls, passwordFile);
    }

    private static Mosquitto start(Path folder, int port, Tls tls, Path passwordFile)
            throws IOException, InterruptedException {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(
                "mosquitto is not installed: the MQTT tests need a real broker; run `apt-get install mosquitto`"));
        Path config = folder.resolve("mosquitto.conf");
        List<String> lines = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous " + (passwordFile == null),
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning"));
        if (tls != null || passwordFile != null) {
            // Run as root, Mosquitto drops to the "mosquitto" user before reading key and password files, which
            // then cannot read a private temporary folder: stay the user that started it.
            lines.add("user " + System.getProperty("user.name"));
        }
        if (passwordFile != null) {
            lines.add("password_file " + passwordFile.toAbsolutePath());
        }
        if (tls != null) {
            lines.add("cafile " + tls.caFile().toAbsolutePath());
            lines.add("certfile " + tls.certFile().toAbsolutePath());
            lines.add("keyfile " + tls.keyFile().toAbsolutePath());
            lines.add("require_certificate " + tls.requireCertificate());
        }
        lines.add("");
        Files.writeString(config, String.join("\n", lines), StandardCharsets.UTF_8);
        Path log = folder.resolve("mosquitto.log");
        Process process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Mosquitto broker = new Mosquitto(process, port, log, tls, passwordFile);
        try {
            broker.awaitListening();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** On PATH, or where Debian installs it: /usr/sbin is not on every user's PATH. */
    private static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A port nothing listens on right now (the kernel's choice, so no guessing). */
    public static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue()
                        + " before listening on port " + port + ": " + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s: " + log());
    }

    /** {@code tcp://127.0.0.1:<port>}, or {@code ssl://…} with a TLS listener. */
    public String uri() {
        return (tls == null ? "tcp" : "ssl") + "://127.0.0.1:" + port;
    }

    /** The loopback port the broker listens on (for command-line clients: {@code mosquitto_pub -p}). */
    public int port() {
        return port;
    }

    /** Ends the broker at once, as a crash or {@code kill -9} would: no DISCONNECT to its clients. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }
}
