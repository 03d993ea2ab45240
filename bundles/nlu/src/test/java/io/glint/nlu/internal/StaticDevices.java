package io.glint.nlu.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;

/** A fixed home for understanding tests: understanding reads names, it never commands. */
record StaticDevices(List<Room> rooms, List<Device> all) implements Devices {
    @Override
    public Optional<Device> get(String id) {
        return all.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Room> room(String id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<Device> inRoom(String roomId) {
        return all.stream().filter(d -> roomId.equals(d.room())).toList();
    }

    @Override
    public List<Device> with(Capability capability, String roomId) {
        return all.stream().filter(d -> d.has(capability) && (roomId == null || roomId.equals(d.room()))).toList();
    }

    @Override
    public CommandResult execute(String deviceId, Command command) {
        throw new UnsupportedOperationException("understanding must not command devices");
    }

    @Override
    public List<CommandResult> executeAll(Collection<String> deviceIds, Command command) {
        throw new UnsupportedOperationException("understanding must not command devices");
    }

    @Override
    public long revision() {
        return 1;
    }
}
