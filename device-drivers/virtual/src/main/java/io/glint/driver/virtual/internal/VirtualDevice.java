package io.glint.driver.virtual.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.glint.api.device.Device;

/**
 * One simulated device as the home file describes it: the snapshot to announce (state is the initial state), and
 * how the simulated device behaves on the air.
 *
 * @param responds false simulates a device that never answers
 * @param latency  how long the device takes to answer; for a device that does not respond, how long the driver
 *                 waits before giving up (empty: until the command's deadline)
 */
record VirtualDevice(Device device, boolean responds, Optional<Duration> latency) {

    VirtualDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(latency, "latency");
    }

    String id() {
        return device.id();
    }
}
