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
 * @param topic    where the device lives when the home runs over MQTT ({@code zigbee2mqtt/<friendly name>} or
 *                 {@code homie/5/<id>}), or null
 */
record VirtualDevice(Device device, boolean responds, Optional<Duration> latency, String topic) {

    VirtualDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(latency, "latency");
    }

    VirtualDevice(Device device, boolean responds, Optional<Duration> latency) {
        this(device, responds, latency, null);
    }

    String id() {
        return device.id();
    }
}
