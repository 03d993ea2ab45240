package io.glint.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.glint.api.device.Availability;
import io.glint.api.device.Device;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceRegistry;

/**
 * For driver authors' tests: a {@link DeviceRegistry} that keeps what the driver reported (devices as announced,
 * with their state and availability as updated since), so a test can wait for the driver to have seen something.
 */
public final class RecordingRegistry implements DeviceRegistry {
    /** How long {@link #await} waits: generous, because test machines are shared and slow. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    /** The devices as the driver last reported them, by id. */
    public final Map<String, Device> devices = new ConcurrentHashMap<>();

    @Override
    public void defineRoom(Room room) {
    }

    @Override
    public void announce(Device device) {
        devices.put(device.id(), device);
    }

    @Override
    public void withdraw(String deviceId) {
        devices.remove(deviceId);
    }

    @Override
    public synchronized void updateState(String deviceId, Map<String, ?> values) {
        devices.computeIfPresent(deviceId, (id, d) -> d.toBuilder().state(values).build());
    }

    @Override
    public synchronized void updateAvailability(String deviceId, Availability availability, String reason) {
        devices.computeIfPresent(deviceId, (id, d) -> d.toBuilder().availability(availability, reason).build());
    }

    /** A device's attribute as last reported, or null. */
    public Object state(String deviceId, String attribute) {
        Device d = devices.get(deviceId);
        return d == null ? null : d.state(attribute);
    }

    /** Waits until the condition holds, or fails the test after {@link #PATIENCE} saying what did not happen. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
