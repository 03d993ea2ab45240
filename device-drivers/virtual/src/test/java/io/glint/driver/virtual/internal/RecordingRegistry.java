package io.glint.driver.virtual.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.glint.api.device.Availability;
import io.glint.api.device.Device;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceRegistry;

/** A registry that keeps what drivers told it, as the real one would, and the order they told it in. */
final class RecordingRegistry implements DeviceRegistry {

    record Update(String deviceId, Map<String, Object> values) {
    }

    final List<Room> rooms = new CopyOnWriteArrayList<>();
    final Map<String, Device> devices = new ConcurrentHashMap<>();
    final List<String> withdrawn = new CopyOnWriteArrayList<>();
    final List<Update> updates = new CopyOnWriteArrayList<>();

    @Override
    public void defineRoom(Room room) {
        rooms.removeIf(r -> r.id().equals(room.id()));
        rooms.add(room);
    }

    @Override
    public void announce(Device device) {
        devices.put(device.id(), device);
    }

    @Override
    public void withdraw(String deviceId) {
        withdrawn.add(deviceId);
        devices.remove(deviceId);
    }

    @Override
    public void updateState(String deviceId, Map<String, ?> values) {
        updates.add(new Update(deviceId, Map.copyOf(values)));
        devices.computeIfPresent(deviceId, (id, d) -> d.toBuilder().state(values).build());
    }

    @Override
    public void updateAvailability(String deviceId, Availability availability, String reason) {
        devices.computeIfPresent(deviceId, (id, d) -> d.toBuilder().availability(availability, reason).build());
    }

    Device device(String id) {
        Device d = devices.get(id);
        if (d == null) {
            throw new AssertionError("No device " + id + " was announced; have " + devices.keySet());
        }
        return d;
    }

    List<Update> updatesOf(String deviceId) {
        return updates.stream().filter(u -> u.deviceId().equals(deviceId)).toList();
    }
}
