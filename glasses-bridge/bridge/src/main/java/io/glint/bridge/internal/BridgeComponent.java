package io.glint.bridge.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.osgi.framework.BundleContext;
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
import io.glint.bridge.protocol.Protocol;

/**
 * Runs the glasses bridge with the configuration of PID {@code io.glint.bridge}. When the port cannot be bound the
 * hub keeps running without it and the log says why; a changed configuration restarts the bridge.
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

    private final GlassesBridge bridge;

    @Activate
    public BridgeComponent(BundleContext context, Config config,
            @Reference NotificationsComponent notifications) {
        Path file = pairingFile(config.pairingFile(), context.getProperty("glint.home"));
        BridgeSettings settings = new BridgeSettings(config.host(), config.port(), file, config.maxPayloadBytes(),
                config.ratePerSecond(), config.burst(), config.workers(), config.queue(),
                Duration.ofSeconds(config.maxAgeSeconds()), Duration.ofMillis(Math.max(20, config.pairingPollMs())));
        GlassesBridge started = new GlassesBridge(settings, new PairingStore(file), () -> assistant,
                notifications.center());
        try {
            started.start();
        } catch (IOException e) {
            LOG.error("{} The hub keeps running without the glasses bridge.", e.getMessage());
            started = null;
        }
        this.bridge = started;
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
        if (bridge != null) {
            bridge.close();
        }
    }
}
