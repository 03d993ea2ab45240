package io.glint.bridge.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.glint.api.notify.Notifications;
import io.glint.api.voice.Assistant;
import io.glint.bridge.pairing.PairingStore;

/**
 * The glasses bridge wired by hand for the benchmarks, as {@link BridgeComponent} and {@link NotificationsComponent}
 * wire it in the hub: 127.0.0.1, any free port, the default limits except the rate limit (given), its own pairing
 * file. (In the bridge's package only to reach its package-private constructors.)
 */
public final class BenchBridge implements AutoCloseable {
    private final GlassesBridge bridge;
    private final NotificationCenter center;
    private final PairingStore pairing;

    public BenchBridge(Path pairingFile, Supplier<Assistant> assistant, double ratePerSecond, int burst)
            throws IOException {
        this.pairing = new PairingStore(pairingFile);
        this.center = new NotificationCenter(Clock.systemUTC(), Duration.ofMinutes(60), 100, null);
        BridgeSettings settings = BridgeSettings.defaults(pairingFile).withPort(0).withRate(ratePerSecond, burst);
        this.bridge = new GlassesBridge(settings, pairing, assistant, center);
        bridge.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", bridge.address().getPort());
    }

    public PairingStore pairing() {
        return pairing;
    }

    /** The hub's notification service as this bridge delivers it. */
    public Notifications notifications() {
        return center;
    }

    @Override
    public void close() {
        bridge.close();
    }
}
