package io.glint.launcher;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.glint.bridge.pairing.PairingStore;
import io.glint.bridge.protocol.Protocol;

/**
 * What the launcher's glasses commands need from the bridge's configuration, {@code conf/io.glint.bridge.cfg}:
 * where the pairing file is and where the running hub listens. Defaults are the bridge's own.
 */
record BridgeConf(String host, int port, Path pairingFile) {
    static final String FILE = "io.glint.bridge.cfg";
    static final String PAIRING_FILE = "glasses-pairs.json";

    static BridgeConf read(Home home) {
        Properties p = new Properties();
        Path cfg = home.conf().resolve(FILE);
        if (Files.isRegularFile(cfg)) {
            try (Reader r = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + cfg + ": " + e.getMessage(), e);
            }
        }
        String host = value(p, "host", home, "127.0.0.1");
        int port;
        try {
            port = Integer.parseInt(value(p, "port", home, String.valueOf(Protocol.DEFAULT_PORT)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(cfg + ": port is not a number", e);
        }
        String file = value(p, "pairingFile", home, "");
        Path pairing = file.isBlank() ? home.data().resolve(PAIRING_FILE) : Path.of(file);
        return new BridgeConf(host, port, pairing.toAbsolutePath().normalize());
    }

    private static String value(Properties p, String key, Home home, String fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return v.strip().replace("${glint.home}", home.root().toString());
    }

    PairingStore store() {
        return new PairingStore(pairingFile);
    }

    /** Where a client on this machine reaches the hub: the wildcard address means loopback here. */
    InetSocketAddress local() {
        String h = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
        return new InetSocketAddress(h, port);
    }
}
