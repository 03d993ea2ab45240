package io.glint.bridge.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.voice.Assistant;
import io.glint.bridge.pairing.PairingStore;
import io.glint.bridge.protocol.BridgeEndpoint;
import io.glint.bridge.protocol.Protocol;

/**
 * Runs the glasses bridge with the configuration of PID {@code io.glint.bridge}. When the port cannot be bound the
 * hub keeps running without it and the log says why; a changed configuration restarts the bridge. While it runs it
 * is registered as a {@link BridgeEndpoint} service whose properties say where it listens.
 *
 * <p>Framework (or system) properties named {@code glint.bridge.}<i>setting</i> ({@code host}, {@code port},
 * {@code pairingFile}, {@code ratePerSecond}, {@code burst}) take precedence over the configuration: {@code glint
 * demo} uses them to run its own bridge on a free loopback port with a throwaway pairing, next to a hub that may be
 * running with the configured port.
 */
@Component(immediate = true, service = {}, configurationPid = "io.glint.bridge",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BridgeComponent.Config.class)
public final class BridgeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeComponent.class);
    static final String PAIRING_FILE = "glasses-pairs.json";

    @ObjectClassDefinition(name = "Glint glasses bridge")
    public @interface Config {
        @AttributeDefinition(description = "Address to listen on: 127.0.0.1 (this machine only), the hub's LAN "
                + "address, or 0.0.0.0 (every interface)")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "UDP port of CoAP over DTLS (0: any free port)", min = "0", max = "65535")
        int port() default Protocol.DEFAULT_PORT;

        @AttributeDefinition(description = "The pairing file (empty: data/" + PAIRING_FILE + " in the hub's folder)")
        String pairingFile() default "";

        @AttributeDefinition(description = "Largest utterance payload accepted (bytes)", min = "64", max = "65536")
        int maxPayloadBytes() default 1024;

        @AttributeDefinition(description = "Sustained requests per second per pair of glasses")
        double ratePerSecond() default 5;

        @AttributeDefinition(description = "Requests one pair of glasses may send at once", min = "1")
        int burst() default 10;

        @AttributeDefinition(description = "Threads running utterances", min = "1")
        int workers() default 4;

        @AttributeDefinition(description = "Utterances waiting for a thread before the hub answers 5.03", min = "1")
        int queue() default 32;

        @AttributeDefinition(description = "How old (seconds) an utterance's ts may be", min = "1")
        int maxAgeSeconds() default 60;

        @AttributeDefinition(description = "How often the pairing file is checked for revoked pairs (ms)", min = "20")
        int pairingPollMs() default 250;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Assistant assistant;

    /** Prefix of the framework properties that override the configuration. */
    static final String OVERRIDE = "glint.bridge.";

    private final GlassesBridge bridge;
    private final ServiceRegistration<BridgeEndpoint> endpoint;

    @Activate
    public BridgeComponent(BundleContext context, Config config,
            @Reference NotificationsComponent notifications) {
        Function<String, String> overrides = key -> context.getProperty(OVERRIDE + key);
        Path file = pairingFile(override(overrides, "pairingFile", config.pairingFile()),
                context.getProperty("glint.home"));
        GlassesBridge started = null;
        try {
            BridgeSettings settings = new BridgeSettings(override(overrides, "host", config.host()),
                    Integer.parseInt(override(overrides, "port", String.valueOf(config.port()))), file,
                    config.maxPayloadBytes(),
                    Double.parseDouble(override(overrides, "ratePerSecond", String.valueOf(config.ratePerSecond()))),
                    Integer.parseInt(override(overrides, "burst", String.valueOf(config.burst()))), config.workers(),
                    config.queue(), Duration.ofSeconds(config.maxAgeSeconds()),
                    Duration.ofMillis(Math.max(20, config.pairingPollMs())));
            started = new GlassesBridge(settings, new PairingStore(file), () -> assistant, notifications.center());
            started.start();
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("{} The hub keeps running without the glasses bridge.", e.getMessage());
            started = null;
        }
        this.bridge = started;
        if (started != null) {
            InetSocketAddress address = started.address();
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(BridgeEndpoint.HOST, address.getAddress() != null ? address.getAddress().getHostAddress()
                    : address.getHostString());
            props.put(BridgeEndpoint.PORT, address.getPort());
            this.endpoint = context.registerService(BridgeEndpoint.class, () -> address, props);
        } else {
            this.endpoint = null;
        }
    }

    /** The framework property {@code glint.bridge.KEY} when set, else the configured value. */
    private static String override(Function<String, String> overrides, String key, String configured) {
        String v = overrides.apply(key);
        return v == null || v.isBlank() ? configured : v.strip();
    }

    static Path pairingFile(String configured, String home) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return root.resolve("data").resolve(PAIRING_FILE).toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() {
        if (endpoint != null) {
            try {
                endpoint.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping and its services are already gone
            }
        }
        if (bridge != null) {
            bridge.close();
        }
    }
}
