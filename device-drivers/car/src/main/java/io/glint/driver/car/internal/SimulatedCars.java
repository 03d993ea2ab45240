package io.glint.driver.car.internal;

import java.io.IOException;
import java.time.Duration;
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

import io.glint.driver.car.simulator.CarSimulator;
import io.glint.moquette.LocalBroker;

/**
 * Simulated cars inside the hub, for the demo: each is a {@link CarSimulator} on the hub's embedded broker (or the
 * configured one), with time passing in real time. A car listed as out of coverage stays online and keeps
 * reporting its values but ignores what it is asked, so commands to it run into the driver's deadline as they
 * would with a real car that lost its connection. Runs only with a configuration (PID
 * {@value #PID}), so a hub with real cars simulates none.
 */
@Component(immediate = true, configurationPid = SimulatedCars.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimulatedCars.Config.class)
public final class SimulatedCars {
    public static final String PID = "io.glint.driver.car.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCars.class);

    @ObjectClassDefinition(name = "Glint simulated cars",
            description = "Cars simulated inside the hub on its MQTT broker, speaking the car driver's VSS topics.")
    public @interface Config {
        @AttributeDefinition(name = "Cars", description = "The simulated cars' names, e.g. car, camper.")
        String[] cars() default {};

        @AttributeDefinition(name = "Out of coverage", required = false,
                description = "Cars among them that ignore every command, as a car without a connection does.")
        String[] outOfCoverage() default {};

        @AttributeDefinition(name = "Base topic", description = "As the car driver's baseTopic.")
        String baseTopic() default "vss";

        @AttributeDefinition(name = "Broker URI", required = false,
                description = "tcp://host:1883; empty: the hub's embedded broker.")
        String brokerUri() default "";

        @AttributeDefinition(name = "Tick (ms)", description = "How often simulated time moves on.", min = "100",
                max = "60000")
        long tickMs() default 5000;
    }

    private final List<CarSimulator> running = new ArrayList<>();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glint-car-simulators");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    @Activate
    public SimulatedCars(@Reference(name = "embeddedBroker", cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) LocalBroker embedded, Config config) {
        String uri = config.brokerUri().isBlank() ? embedded == null ? null : embedded.uri() : config.brokerUri().trim();
        List<String> cars = CarDriver.cars(config.cars());
        Set<String> silent = Set.copyOf(CarDriver.cars(config.outOfCoverage()));
        if (uri == null) {
            // the embedded broker may only be starting: this component starts again when it is there
            LOG.info("The simulated cars {} wait for the hub's embedded broker ({} brokerUri is empty)", cars, PID);
            return;
        }
        for (String name : silent) {
            if (!cars.contains(name)) {
                LOG.warn("{} outOfCoverage names {}, which is not one of its cars {}", PID, name, cars);
            }
        }
        Duration tick = Duration.ofMillis(Math.max(100, Math.min(60_000, config.tickMs())));
        // connecting takes a moment per car: not on the activating thread
        starter.execute(() -> {
            for (String name : cars) {
                if (closed) {
                    return;
                }
                try {
                    CarSimulator car = CarSimulator.start(uri, config.baseTopic(), name);
                    car.answering(!silent.contains(name));
                    car.runInRealTime(tick);
                    synchronized (running) {
                        if (closed) {
                            car.close();
                            return;
                        }
                        running.add(car);
                    }
                    LOG.info("Simulated car {} on {}{}", name, uri, silent.contains(name) ? " (out of coverage)" : "");
                } catch (IOException | RuntimeException e) {
                    LOG.warn("The simulated car {} did not start: {}", name, e.getMessage());
                }
            }
        });
    }

    /** The simulated cars running now. */
    List<CarSimulator> cars() {
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
            running.forEach(CarSimulator::close);
            running.clear();
        }
    }
}
