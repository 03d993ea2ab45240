package io.glint.skill.appliances.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.FailureCode;

/**
 * A small home held in memory, as a skill sees it through {@link Devices}. Some devices can be made deaf or
 * offline; like the hub, it holds unlocking and opening a garage door (CONFIRMATION_REQUIRED, nothing changes).
 */
final class MemoryHome implements Devices {
    final Map<String, Device> devices = new LinkedHashMap<>();
    final List<Room> rooms = new ArrayList<>();
    final Set<String> deaf = new HashSet<>();
    /** Every command that reached {@link #execute}, as "id:attribute=value", held ones included. */
    final List<String> sent = new ArrayList<>();

    MemoryHome room(String id, String name, String... aliases) {
        rooms.add(new Room(id, name, List.of(aliases)));
        return this;
    }

    /** A device: its state is given as attribute, value pairs. */
    MemoryHome device(String id, DeviceType type, String name, String room, List<String> aliases,
            Set<Capability> capabilities, Object... state) {
        Device.Builder b = Device.builder(id).name(name).aliases(aliases).room(room).type(type)
                .capabilities(capabilities).availability(Availability.ONLINE, null).driver("memory");
        for (int i = 0; i < state.length; i += 2) {
            b.state((String) state[i], state[i + 1]);
        }
        devices.put(id, b.build());
        return this;
    }

    MemoryHome light(String id, String name, String zh, String room) {
        return device(id, DeviceType.LIGHT, name, room, List.of(zh), Set.of(Capability.ON_OFF, Capability.BRIGHTNESS),
                Attributes.ON, false, Attributes.BRIGHTNESS, 100);
    }

    MemoryHome offline(String id) {
        devices.put(id, devices.get(id).toBuilder().availability(Availability.OFFLINE, "its hub is unplugged").build());
        return this;
    }

    MemoryHome set(String id, String attribute, Object value) {
        devices.put(id, devices.get(id).toBuilder().state(attribute, value).build());
        return this;
    }

    Object state(String id, String attribute) {
        return devices.get(id).state(attribute);
    }

    @Override
    public List<Device> all() {
        return List.copyOf(devices.values());
    }

    @Override
    public Optional<Device> get(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    @Override
    public List<Room> rooms() {
        return List.copyOf(rooms);
    }

    @Override
    public Optional<Room> room(String id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<Device> inRoom(String roomId) {
        return all().stream().filter(d -> roomId.equals(d.room())).toList();
    }

    @Override
    public List<Device> with(Capability capability, String roomId) {
        return all().stream().filter(d -> d.has(capability) && (roomId == null || roomId.equals(d.room()))).toList();
    }

    @Override
    public CommandResult execute(String deviceId, Command command) {
        Device d = devices.get(deviceId);
        sent.add(deviceId + ":" + command);
        if (d == null) {
            return CommandResult.failed(deviceId, FailureCode.NO_DEVICE, "There is no device " + deviceId + ".");
        }
        if (!d.has(command.capability())) {
            return CommandResult.failed(deviceId, FailureCode.NOT_SUPPORTED, "The " + d.name() + " cannot do that.");
        }
        if (!d.online()) {
            return CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, "The " + d.name() + " is offline.");
        }
        if (sensitive(d, command)) {
            String verb = command.capability() == Capability.LOCK ? "Unlock" : "Open";
            return CommandResult.failed(deviceId, FailureCode.CONFIRMATION_REQUIRED,
                    verb + " the " + d.name() + "? The wearer has to confirm first.");
        }
        if (deaf.contains(deviceId)) {
            return CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                    "The " + d.name() + " did not answer within 2 s.");
        }
        Device.Builder b = d.toBuilder();
        String value = String.valueOf(command.value());
        if (command.attribute().equals(Attributes.VACUUM_STATE)) {
            int colon = value.indexOf(':');
            b.state(Attributes.VACUUM_STATE, colon < 0 ? value : value.substring(0, colon));
            b.state(Attributes.VACUUM_ROOM, colon < 0 ? "" : value.substring(colon + 1));
        } else {
            b.state(command.attribute(), command.value());
        }
        devices.put(deviceId, b.build());
        return CommandResult.ok(deviceId);
    }

    /** As the hub decides it: unlocking, or opening a garage door at all. */
    private static boolean sensitive(Device d, Command command) {
        if (command.capability() == Capability.LOCK && Boolean.FALSE.equals(command.value())) {
            return true;
        }
        return command.capability() == Capability.COVER && d.type() == DeviceType.GARAGE_DOOR
                && command.value() instanceof Number n && n.intValue() > 0;
    }

    @Override
    public List<CommandResult> executeAll(Collection<String> deviceIds, Command command) {
        return deviceIds.stream().map(id -> execute(id, command)).toList();
    }

    @Override
    public long revision() {
        return devices.size() * 1000L + rooms.size();
    }
}
