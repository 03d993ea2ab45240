package io.glint.driver.phone.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.glint.api.device.Availability;
import io.glint.api.device.Device;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceRegistry;

/** A registry that keeps what the driver reported. */
final class RecordingRegistry implements DeviceRegistry {
    final Map<String, Device> devices = new ConcurrentHashMap<>();

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

    Object state(String deviceId, String attribute) {
        Device d = devices.get(deviceId);
        return d == null ? null : d.state(attribute);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within 5 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
