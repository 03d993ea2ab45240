package io.glint.driver.virtual.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.driver.DeviceRegistry;
import io.glint.api.skill.FailureCode;

/**
 * The virtual driver: reads a home file and simulates its devices. Immediate, because nothing asks for a driver
 * service before its devices exist: the devices must appear as soon as the bundle starts. A new configuration
 * replaces the whole home (deactivate withdraws, activate announces).
 *
 * <p>With {@code transport = mqtt} the home is not simulated here but on the hub's MQTT broker ({@link MqttHome}),
 * and its devices belong to the MQTT driver: this driver then has none.
 */
@Component(service = DeviceDriver.class, immediate = true, configurationPid = VirtualDriver.PID)
@Designate(ocd = VirtualDriverConfig.class)
public final class VirtualDriver implements DeviceDriver {
    static final String PID = "io.glint.driver.virtual";

    private static final Logger LOG = LoggerFactory.getLogger(VirtualDriver.class);
    private static final Duration DOCKING_TIME = Duration.ofSeconds(3);

    static final String MEMORY = "memory";
    static final String MQTT = "mqtt";

    private final String id;
    /** Null when the home runs over MQTT. */
    private final Simulator simulator;

    @Activate
    public VirtualDriver(@Reference(name = "registry") DeviceRegistry registry, VirtualDriverConfig config)
            throws HomeFileException {
        this(registry, overMqtt(config) ? null : config.homeFile(), config.driverId(), DOCKING_TIME);
    }

    /** Whether the configuration puts the simulated home on the MQTT broker; an unknown transport is reported. */
    static boolean overMqtt(VirtualDriverConfig config) {
        String transport = config.transport() == null ? "" : config.transport().trim();
        if (transport.equalsIgnoreCase(MQTT)) {
            return true;
        }
        if (!transport.isEmpty() && !transport.equalsIgnoreCase(MEMORY)) {
            LOG.error("transport = {} in {} is neither memory nor mqtt; the virtual home stays in memory", transport,
                    PID);
        }
        return false;
    }

    /** The home of a configuration; errors are logged in full here too (SCR's own log may not be read). */
    static Home home(String homeFile, String driverId) throws HomeFileException {
        try {
            HomeParser parser = new HomeParser(driverId == null || driverId.isBlank() ? "virtual" : driverId.trim());
            return homeFile == null || homeFile.isBlank() ? parser.parseDefault() : parser.parseFile(homeFile.trim());
        } catch (HomeFileException e) {
            LOG.error("Virtual devices not started. {}", e.getMessage());
            throw e;
        }
    }

    /** @param homeFile a path, empty for the home shipped in the bundle, or null: the home runs over MQTT */
    VirtualDriver(DeviceRegistry registry, String homeFile, String driverId, Duration dockingTime)
            throws HomeFileException {
        if (driverId == null || driverId.isBlank()) {
            LOG.warn("driverId of {} is empty; using \"virtual\"", PID);
            driverId = "virtual";
        }
        this.id = driverId.trim();
        if (homeFile == null) {
            LOG.info("The virtual home runs over MQTT (transport = mqtt): its devices reach the hub through the MQTT"
                    + " driver");
            this.simulator = null;
            return;
        }
        this.simulator = new Simulator(registry, home(homeFile, id), dockingTime);
        simulator.start();
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline) {
        if (simulator == null) {
            return CompletableFuture.completedFuture(CommandResult.failed(device.id(), FailureCode.NO_DEVICE,
                    "The virtual home runs over MQTT; the " + device.name() + " is not one of this driver's."));
        }
        return simulator.execute(device, command, deadline);
    }

    /** For tests in this module. */
    Simulator simulator() {
        return simulator;
    }
}
