package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throwaway certificate authorities and certificates for TLS tests, made with the {@code openssl} command line
 * (Debian package {@code openssl}) in a test's temporary folder: P-256 keys, valid for two days.
 */
final class TestCertificates {
    private static final long TIMEOUT_S = 30;

    /** A certificate and its private key, both PEM. */
    record Pem(Path certificate, Path key) {
    }

    private final Path folder;
    private final String openssl;

    private TestCertificates(Path folder, String openssl) {
        this.folder = folder;
        this.openssl = openssl;
    }

    /** Skips the calling test (with the reason) when {@code openssl} is not installed. */
    static TestCertificates in(Path folder) {
        String path = System.getenv().getOrDefault("PATH", "");
        String openssl = Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "openssl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
        assumeTrue(openssl != null, "the TLS tests make their certificates with the openssl command, which is not"
                + " installed: run `apt-get install openssl`");
        return new TestCertificates(folder, openssl);
    }

    /** A self-signed certificate authority. */
    Pem authority(String name) throws IOException, InterruptedException {
        Pem ca = new Pem(folder.resolve(name + ".crt"), folder.resolve(name + ".key"));
        run(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", ca.key().toString(), "-out", ca.certificate().toString(), "-days", "2",
                "-subj", "/CN=" + name,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return ca;
    }

    /**
     * A certificate signed by {@code ca}.
     *
     * @param subjectAltName e.g. {@code IP:127.0.0.1,DNS:localhost} for a server; null for a client certificate
     */
    Pem signed(Pem ca, String name, String subjectAltName) throws IOException, InterruptedException {
        Pem leaf = new Pem(folder.resolve(name + ".crt"), folder.resolve(name + ".key"));
        Path request = folder.resolve(name + ".csr");
        Path extensions = folder.resolve(name + ".ext");
        List<String> ext = new ArrayList<>();
        ext.add("basicConstraints=CA:FALSE");
        if (subjectAltName != null) {
            ext.add("subjectAltName=" + subjectAltName);
            ext.add("extendedKeyUsage=serverAuth");
        } else {
            ext.add("extendedKeyUsage=clientAuth");
        }
        Files.write(extensions, ext, StandardCharsets.UTF_8);
        run(openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", leaf.key().toString(), "-out", request.toString(), "-subj", "/CN=" + name);
        run(openssl, "x509", "-req", "-in", request.toString(), "-CA", ca.certificate().toString(),
                "-CAkey", ca.key().toString(), "-set_serial", Long.toString(ThreadLocalRandom.current()
                        .nextLong(1, Long.MAX_VALUE)),
                "-days", "2", "-extfile", extensions.toString(), "-out", leaf.certificate().toString());
        return leaf;
    }

    /** The certificate and key as a PKCS12 key store, as a user would make it for the hub. */
    Path pkcs12(Pem pem, String password) throws IOException, InterruptedException {
        Path store = folder.resolve(pem.certificate().getFileName().toString().replace(".crt", ".p12"));
        run(openssl, "pkcs12", "-export", "-in", pem.certificate().toString(), "-inkey", pem.key().toString(),
                "-name", "hub", "-out", store.toString(), "-passout", "pass:" + password);
        return store;
    }

    private void run(String... command) throws IOException, InterruptedException {
        Path log = folder.resolve("openssl.log");
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
