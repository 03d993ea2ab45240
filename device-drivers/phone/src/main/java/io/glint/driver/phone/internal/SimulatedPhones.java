package io.glint.driver.phone.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.driver.phone.simulator.PhoneSimulator;
import io.glint.moquette.LocalBroker;

/**
 * Simulated phones inside the hub, for the demo: each is a {@link PhoneSimulator} with its sample contacts on the
 * hub's embedded broker (or the configured one). A phone listed as asleep stays online but ignores commands, so
 * they run into the driver's deadline as with a real phone whose app the system put to sleep. Runs only with a
 * configuration (PID {@value #PID}), so a hub with real phones simulates none.
 */
@Component(immediate = true, configurationPid = SimulatedPhones.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimulatedPhones.Config.class)
public final class SimulatedPhones {
    public static final String PID = "io.glint.driver.phone.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPhones.class);

    @ObjectClassDefinition(name = "Glint simulated phones",
            description = "Phones running the companion app, simulated inside the hub on its MQTT broker.")
    public @interface Config {
        @AttributeDefinition(name = "Phones", description = "The simulated phones' ids, e.g. phone.")
        String[] phones() default {};

        @AttributeDefinition(name = "Asleep", required = false,
                description = "Phones among them that ignore every command.")
        String[] asleep() default {};

        @AttributeDefinition(name = "Base topic", description = "As the phone driver's baseTopic.")
        String baseTopic() default "glint/phone";

        @AttributeDefinition(name = "Broker URI", required = false,
                description = "tcp://host:1883; empty: the hub's embedded broker.")
        String brokerUri() default "";
    }

    private final List<PhoneSimulator> running = new ArrayList<>();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glint-phone-simulators");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    @Activate
    public SimulatedPhones(@Reference(name = "embeddedBroker", cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) LocalBroker embedded, Config config) {
        String uri = config.brokerUri().isBlank() ? embedded == null ? null : embedded.uri() : config.brokerUri().trim();
        List<String> phones = List.copyOf(PhoneDriver.phones(config.phones()).keySet());
        Set<String> asleep = PhoneDriver.phones(config.asleep()).keySet();
        if (uri == null) {
            LOG.info("The simulated phones {} wait for the hub's embedded broker ({} brokerUri is empty)", phones, PID);
            return;
        }
        // connecting takes a moment per phone: not on the activating thread
        starter.execute(() -> {
            for (String id : phones) {
                if (closed) {
                    return;
                }
                try {
                    PhoneSimulator phone = PhoneSimulator.start(uri, config.baseTopic(), id);
                    phone.answering(!asleep.contains(id));
                    synchronized (running) {
                        if (closed) {
                            phone.close();
                            return;
                        }
                        running.add(phone);
                    }
                    LOG.info("Simulated phone {} on {}{}", id, uri, asleep.contains(id) ? " (asleep)" : "");
                } catch (IOException | RuntimeException e) {
                    LOG.warn("The simulated phone {} did not start: {}", id, e.getMessage());
                }
            }
        });
    }

    /** The simulated phones running now. */
    List<PhoneSimulator> phones() {
        synchronized (running) {
            return List.copyOf(running);
        }
    }

    @Deactivate
    void close() {
        closed = true;
        starter.shutdown();
        try {
            starter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (running) {
            running.forEach(PhoneSimulator::close);
            running.clear();
        }
    }
}
