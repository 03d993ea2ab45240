package io.glint.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.pairing.Pair;
import picocli.CommandLine.Option;

/** Who the simulated glasses are and where the hub is: from the pairing file and conf/, or these options. */
final class GlassesOptions {
    @Option(names = "--key", paramLabel = "KEY",
            description = "The pre-shared key (default: the one in the pairing file).")
    String key;

    @Option(names = "--host", paramLabel = "HOST",
            description = "The hub's address (default: host in conf/io.glint.bridge.cfg, 127.0.0.1 for 0.0.0.0).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "The hub's UDP port (default: 5684 or conf/).")
    Integer port;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "10000",
            description = "The longest a request may take, DTLS handshake included (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    /** Connects as identity (null: the only pair in the pairing file). */
    GlassesClient connect(Home home, String identity) throws IOException {
        BridgeConf conf = BridgeConf.read(home);
        String id = identity;
        String k = key;
        if (k == null) {
            Map<String, Pair> pairs = conf.store().pairs();
            if (id == null) {
                if (pairs.size() != 1) {
                    throw new IllegalArgumentException(pairs.isEmpty()
                            ? "No glasses are paired: run glint pair NAME first"
                            : "Several glasses are paired (" + String.join(", ", pairs.keySet())
                                    + "): say which with --identity NAME");
                }
                id = pairs.keySet().iterator().next();
            }
            Pair pair = pairs.get(id);
            if (pair == null) {
                throw new IllegalArgumentException("\"" + id + "\" is not in the pairing file " + conf.pairingFile()
                        + ": run glint pair " + id + ", or pass --key");
            }
            k = pair.key();
        } else if (id == null) {
            throw new IllegalArgumentException("--key needs --identity");
        }
        InetSocketAddress local = conf.local();
        InetSocketAddress hub = new InetSocketAddress(host != null ? host : local.getHostString(),
                port != null ? port : local.getPort());
        if (hub.isUnresolved()) {
            throw new IllegalArgumentException("Unknown host " + hub.getHostString());
        }
        return new GlassesClient(hub, id, k, Duration.ofMillis(timeoutMs));
    }
}
