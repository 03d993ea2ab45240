package io.glint.api.driver;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;

/**
 * A protocol bundle's service: it announces its devices to the {@link DeviceRegistry} and executes commands
 * for them. A command either reaches the device before the deadline or fails: a driver must never queue an
 * actuation for later delivery (a door must not unlock ten minutes after it was asked).
 */
@ConsumerType
public interface DeviceDriver {

    /** Stable id of this driver instance; devices it announces carry it in {@link Device#driver()}. */
    String id();

    /**
     * Starts executing a command. Complete the stage with {@link CommandResult#ok} once the device took it, or
     * with a failure that says why. The registry fails the command with DEVICE_UNREACHABLE if the stage has not
     * completed by the deadline; after the deadline the driver must not deliver it any more.
     */
    CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline);
}
