package io.glint.driver.mqtt.internal;

import java.io.IOException;
import java.net.BindException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.moquette.EmbeddedBroker;
import io.glint.moquette.LocalBroker;

/**
 * The MQTT broker inside the hub, for when nobody configured one: with {@code brokerUri} empty (and
 * {@code embeddedBroker} not turned off) it starts Moquette on 127.0.0.1:{@code embeddedPort} and registers it as a
 * {@link LocalBroker} service, which the {@link MqttDriver} then connects to, and simulated devices publish on.
 * Setting {@code brokerUri} is all it takes to use another broker instead: this component then starts nothing.
 *
 * <p>It lives in the driver's bundle and reads the driver's configuration (PID {@value MqttDriver#PID}) so that one
 * file, {@code conf/io.glint.driver.mqtt.cfg}, decides both, and the two can never disagree about whether there is
 * a broker to connect to. A port already in use is logged as an error saying what to do; the hub keeps running
 * without MQTT devices.
 *
 * <p>A framework property {@value #PORT_OVERRIDE} replaces {@code embeddedPort}: the launcher sets it to 0 (any
 * free port) for its short commands ({@code demo}, {@code parse}…), so they never collide with a hub already
 * running on this machine.
 */
@Component(service = {}, immediate = true, configurationPid = MqttDriver.PID)
public final class EmbeddedMqttBroker {
    static final String PORT_OVERRIDE = "glint.mqtt.embeddedPort";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final String CFG = "conf/" + MqttDriver.PID + ".cfg";

    private static final long STOP_WAIT_MS = 5_000;

    private final Thread starting;
    // Written by the starting thread, read when stopping (after joining it).
    private volatile EmbeddedBroker broker;
    private volatile ServiceRegistration<LocalBroker> registration;
    private volatile boolean stopped;

    /**
     * Starts the broker on a thread of its own (Netty and Moquette take a few hundred milliseconds to come up, which
     * the rest of the hub need not wait for); the {@link LocalBroker} service appears once it accepts connections.
     */
    @Activate
    public EmbeddedMqttBroker(BundleContext context, MqttDriverConfig config) {
        String uri = config.brokerUri();
        boolean enabled = config.embeddedBroker();
        int port = port(context.getProperty(PORT_OVERRIDE), config.embeddedPort());
        this.starting = new Thread(() -> {
            EmbeddedBroker started = start(uri, enabled, port);
            if (started == null) {
                return;
            }
            ServiceRegistration<LocalBroker> r = null;
            try {
                // Not under the lock: the framework starts the MQTT driver on this thread as the service appears.
                r = context.registerService(LocalBroker.class, new Running(started.uri(), started.port()),
                        properties(started));
            } catch (IllegalStateException stopping) {
                // the bundle stopped while the broker was starting
            }
            synchronized (this) {
                if (!stopped && r != null) {
                    broker = started;
                    registration = r;
                    return;
                }
            }
            if (r != null) {
                r.unregister();
            }
            started.close();
        }, "glint-mqtt-broker-start");
        starting.setDaemon(true);
        starting.start();
    }

    /** The broker to run for these settings, started; null when none should run or it could not start. */
    static EmbeddedBroker start(String brokerUri, boolean enabled, int port) {
        if (brokerUri != null && !brokerUri.isBlank()) {
            LOG.debug("MQTT broker {} configured; the embedded broker stays off", brokerUri.trim());
            return null;
        }
        if (!enabled) {
            LOG.info("No MQTT broker configured and the embedded broker is off (embeddedBroker = false in {}):"
                    + " MQTT devices are off", CFG);
            return null;
        }
        try {
            EmbeddedBroker b = EmbeddedBroker.start(port);
            LOG.info("No MQTT broker configured: running the embedded broker on {}:{} (MQTT 3.1.1, loopback only,"
                    + " nothing kept on disk); set brokerUri in {} to use your own", EmbeddedBroker.HOST, b.port(),
                    CFG);
            return b;
        } catch (BindException e) {
            LOG.error("The embedded MQTT broker cannot listen on {}:{}: the port is already in use (another MQTT"
                    + " broker, or another Glint hub?). Set brokerUri in {} to use the broker that is there, or"
                    + " embeddedPort to a free port. MQTT devices are off until then.", EmbeddedBroker.HOST, port,
                    CFG);
        } catch (IllegalArgumentException e) {
            LOG.error("The embedded MQTT broker did not start: embeddedPort in {} is not usable: {}. MQTT devices"
                    + " are off until it is fixed.", CFG, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("The embedded MQTT broker did not start on {}:{}: {}. Set brokerUri in {} to use another"
                    + " broker. MQTT devices are off until then.", EmbeddedBroker.HOST, port, e.getMessage(), CFG, e);
        }
        return null;
    }

    /** The configured port, unless the framework property overrides it. */
    static int port(String override, int configured) {
        if (override == null || override.isBlank()) {
            return configured;
        }
        try {
            return Integer.parseInt(override.trim());
        } catch (NumberFormatException e) {
            LOG.warn("Framework property {}={} is not a port number; using embeddedPort {}", PORT_OVERRIDE, override,
                    configured);
            return configured;
        }
    }

    private static Dictionary<String, Object> properties(EmbeddedBroker b) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("glint.mqtt.uri", b.uri());
        p.put("glint.mqtt.protocol", "3.1.1");
        return p;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        starting.join(STOP_WAIT_MS);
        ServiceRegistration<LocalBroker> r;
        EmbeddedBroker b;
        synchronized (this) {
            stopped = true;
            r = registration;
            b = broker;
        }
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        if (b != null) {
            b.close();
            LOG.info("Embedded MQTT broker on {} stopped", b.uri());
        }
    }

    /** What other bundles see: where it is, not how to stop it. */
    private record Running(String uri, int port) implements LocalBroker {
    }
}
