package io.glint.api.device;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a skill finds and commands devices. Each skill bundle gets its own instance, limited to the capabilities
 * its definition was granted: commanding anything else answers {@code NOT_ALLOWED}. Commands reach the device
 * now or fail now, never later.
 */
@ProviderType
public interface Devices {

    List<Device> all();

    Optional<Device> get(String id);

    List<Room> rooms();

    Optional<Room> room(String id);

    /** Devices in a room (by room id). */
    List<Device> inRoom(String roomId);

    /** Devices with a capability, optionally restricted to a room (null for the whole home). */
    List<Device> with(Capability capability, String roomId);

    /**
     * Sends a command and waits until the device confirms, the driver fails, or the deadline (a few seconds)
     * passes. Never throws for a device problem: the result says what went wrong.
     */
    CommandResult execute(String deviceId, Command command);

    /** Sends the same command to several devices at once; one result per id, in the same order. */
    List<CommandResult> executeAll(Collection<String> deviceIds, Command command);

    /**
     * Changes whenever a device or room is added, removed or renamed, or a phone's {@link Attributes#CONTACTS}
     * change (names the wearer may say); not on other state changes.
     */
    long revision();
}
