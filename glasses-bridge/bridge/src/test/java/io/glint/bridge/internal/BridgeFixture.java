package io.glint.bridge.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.glint.api.voice.Assistant;
import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.pairing.PairingStore;

/** A bridge on a free loopback port with its own pairing file, and glasses clients that are closed with it. */
final class BridgeFixture implements AutoCloseable {
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

    final PairingStore pairing;
    final NotificationCenter notifications;
    final GlassesBridge bridge;
    private final List<GlassesClient> clients = new ArrayList<>();
    volatile Assistant assistant;

    BridgeFixture(Path dir, Assistant assistant) throws IOException {
        this(dir, assistant, UnaryOperator.identity());
    }

    BridgeFixture(Path dir, Assistant assistant, UnaryOperator<BridgeSettings> settings) throws IOException {
        this.assistant = assistant;
        this.pairing = new PairingStore(dir.resolve("data").resolve("glasses-pairs.json"));
        this.notifications = new NotificationCenter(Clock.systemUTC(), Duration.ofHours(1), 100, null);
        BridgeSettings s = settings.apply(BridgeSettings.defaults(pairing.file()).withPort(0));
        this.bridge = new GlassesBridge(s, pairing, () -> this.assistant, notifications);
        bridge.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", bridge.address().getPort());
    }

    Pair pair(String identity) throws IOException {
        return pairing.pair(identity, false);
    }

    GlassesClient glasses(Pair pair) {
        return glasses(pair.identity(), pair.key());
    }

    synchronized GlassesClient glasses(String identity, String key) {
        GlassesClient c = new GlassesClient(address(), identity, key, CLIENT_TIMEOUT);
        clients.add(c);
        return c;
    }

    @Override
    public synchronized void close() {
        clients.forEach(GlassesClient::close);
        bridge.close();
    }
}
