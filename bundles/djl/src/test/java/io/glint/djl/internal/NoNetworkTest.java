package io.glint.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DJL phones home ({@code Ec2Utils.callHome}) and downloads what it lacks unless told not to. This runs the loading
 * code in a fresh JVM, without any DJL setting on its command line or in its environment, under
 * {@code strace -f -e trace=connect}, and fails on any connect() to an IPv4 or IPv6 address (unix sockets are fine).
 */
class NoNetworkTest {
    private static final Pattern INTERNET = Pattern.compile("connect\\(.*sa_family=AF_INET6?[,}]");
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void loading_both_encoders_and_encoding_makes_no_network_connection() throws Exception {
        Path strace = onPath("strace").orElseGet(() -> fail("strace is not installed; this test watches the JVM's "
                + "connect() calls with it: apt-get install strace"));
        Path work = Files.createDirectories(Path.of("target", "no-network"));
        Path trace = work.resolve("connect.trace");
        Path output = work.resolve("probe.out");
        Files.deleteIfExists(trace);

        List<String> command = new ArrayList<>(List.of(strace.toString(), "-f", "-qq", "-e", "trace=connect,execve", "-o",
                trace.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-cp", testClassPath(), OfflineProbe.class.getName(),
                work.resolve("home").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // The probe must be offline by itself, not because the environment says so.
        builder.environment().keySet().removeIf(key -> key.startsWith("DJL_") || key.equals("OPT_OUT_TRACKING")
                || key.equals("ENGINE_CACHE_DIR") || key.equals("JAVA_TOOL_OPTIONS"));
        Process probe = builder.start();
        if (!probe.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            fail("The probe did not finish within " + TIMEOUT_SECONDS + " s; see " + output.toAbsolutePath());
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        List<String> traced = Files.exists(trace) ? Files.readAllLines(trace, StandardCharsets.UTF_8) : List.of();
        assertTrue(traced.stream().anyMatch(line -> line.contains("execve(") && line.contains("java")),
                "strace did not trace the JVM (is ptrace allowed? in a container: --cap-add SYS_PTRACE):\n" + printed);
        assertEquals(0, probe.exitValue(), printed);
        assertTrue(printed.contains(OfflineProbe.DONE), printed);
        assertEquals(List.of(), internetConnects(traced), "connect() calls to the network, in " + trace);
    }

    @Test
    void a_connect_to_an_internet_address_counts_and_a_unix_socket_does_not() {
        List<String> lines = List.of(
                "15961 connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT",
                "15961 connect(5, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"169.254.169.254\")}, "
                        + "16) = -1 EINPROGRESS (Operation now in progress)",
                "15962 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
                        + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
                "15963 <... connect resumed>) = 0");

        assertEquals(List.of(lines.get(1), lines.get(2)), internetConnects(lines));
    }

    static List<String> internetConnects(List<String> straceLines) {
        return straceLines.stream().filter(line -> INTERNET.matcher(line).find()).toList();
    }

    /** Surefire runs tests from a manifest-only jar; it passes the real test class path in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Optional<Path> onPath(String program) throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        try (Stream<String> folders = Stream.of(path.split(File.pathSeparator))) {
            return folders.map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
        }
    }
}
