package io.glint.api.driver;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.glint.api.device.Availability;
import io.glint.api.device.Device;
import io.glint.api.device.Room;

/** Where drivers report what they see. Thread-safe; calls return quickly. */
@ProviderType
public interface DeviceRegistry {

    /** Adds a room or replaces the one with the same id. */
    void defineRoom(Room room);

    /** Adds a device or replaces the one with the same id (state is taken from the new snapshot). */
    void announce(Device device);

    /** The device is gone for good (unpaired, removed from the bridge). */
    void withdraw(String deviceId);

    /** Reports new values of some attributes; unknown devices are ignored (and logged). */
    void updateState(String deviceId, Map<String, ?> values);

    /** Reports that a device went offline or came back, with a reason the wearer can hear. */
    void updateAvailability(String deviceId, Availability availability, String reason);
}
