package io.glint.driver.virtual.internal;

import java.time.Duration;
import java.time.Instant;
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

/**
 * The virtual driver: reads a home file and simulates its devices. Immediate, because nothing asks for a driver
 * service before its devices exist: the devices must appear as soon as the bundle starts. A new configuration
 * replaces the whole home (deactivate withdraws, activate announces).
 */
@Component(service = DeviceDriver.class, immediate = true, configurationPid = VirtualDriver.PID)
@Designate(ocd = VirtualDriverConfig.class)
public final class VirtualDriver implements DeviceDriver {
    static final String PID = "io.glint.driver.virtual";

    private static final Logger LOG = LoggerFactory.getLogger(VirtualDriver.class);
    private static final Duration DOCKING_TIME = Duration.ofSeconds(3);

    private final String id;
    private final Simulator simulator;

    @Activate
    public VirtualDriver(@Reference(name = "registry") DeviceRegistry registry, VirtualDriverConfig config)
            throws HomeFileException {
        this(registry, config.homeFile(), config.driverId(), DOCKING_TIME);
    }

    /** @param homeFile a path, or empty for the home shipped in the bundle */
    VirtualDriver(DeviceRegistry registry, String homeFile, String driverId, Duration dockingTime)
            throws HomeFileException {
        if (driverId == null || driverId.isBlank()) {
            LOG.warn("driverId of {} is empty; using \"virtual\"", PID);
            driverId = "virtual";
        }
        this.id = driverId.trim();
        Home home;
        try {
            HomeParser parser = new HomeParser(id);
            home = homeFile == null || homeFile.isBlank() ? parser.parseDefault() : parser.parseFile(homeFile.trim());
        } catch (HomeFileException e) {
            // SCR's own log may not be where people look; say it here too, in full.
            LOG.error("Virtual devices not started. {}", e.getMessage());
            throw e;
        }
        this.simulator = new Simulator(registry, home, dockingTime);
        simulator.start();
    }

    @Deactivate
    void deactivate() {
        simulator.stop();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline) {
        return simulator.execute(device, command, deadline);
    }

    /** For tests in this module. */
    Simulator simulator() {
        return simulator;
    }
}
