package io.glint.skill.lights.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.FailureCode;

/** A small home held in memory, as a skill sees it through {@link Devices}; some devices can be made deaf. */
final class MemoryHome implements Devices {
    final Map<String, Device> devices = new LinkedHashMap<>();
    final List<Room> rooms = new ArrayList<>();
    final Set<String> deaf = new java.util.HashSet<>();
    final List<String> sent = new ArrayList<>();

    MemoryHome room(String id, String name, String zh) {
        rooms.add(new Room(id, name, List.of(zh)));
        return this;
    }

    MemoryHome light(String id, String name, String zh, String room, Capability... caps) {
        Device d = Device.builder(id).name(name).aliases(List.of(zh)).room(room).type(DeviceType.LIGHT)
                .capability(Capability.ON_OFF).capability(caps).state(Attributes.ON, false).driver("memory").build();
        devices.put(id, d);
        return this;
    }

    MemoryHome plug(String id, String name, String room) {
        devices.put(id, Device.builder(id).name(name).room(room).type(DeviceType.PLUG).capability(Capability.ON_OFF)
                .state(Attributes.ON, false).driver("memory").build());
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
        if (deaf.contains(deviceId)) {
            return CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                    "The " + d.name() + " did not answer within 2 s.");
        }
        Device.Builder b = d.toBuilder().state(command.attribute(), command.value());
        if (command.attribute().equals(Attributes.BRIGHTNESS)) {
            b.state(Attributes.ON, ((Integer) command.value()) > 0);
        }
        devices.put(deviceId, b.build());
        return CommandResult.ok(deviceId);
    }

    @Override
    public List<CommandResult> executeAll(Collection<String> deviceIds, Command command) {
        return deviceIds.stream().map(id -> execute(id, command)).toList();
    }

    @Override
    public long revision() {
        return devices.size() + rooms.size();
    }
}
