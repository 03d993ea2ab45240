package io.glint.skill.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.FailureCode;

/**
 * A small home held in memory, as a skill sees it through {@link Devices}: commands outside the skill's grants
 * answer NOT_ALLOWED as the hub's do, some devices can be made deaf, and one attribute of a device can refuse.
 */
final class MemoryHome implements Devices {
    final Map<String, Device> devices = new LinkedHashMap<>();
    final List<Room> rooms = new ArrayList<>();
    /** Devices that answer nothing. */
    final Set<String> deaf = new HashSet<>();
    /** "id:attribute" pairs a device refuses, e.g. "living_room.ac:on". */
    final Set<String> refuses = new HashSet<>();
    final List<String> sent = new ArrayList<>();
    final List<Command> commands = new ArrayList<>();
    private Set<Capability> grants = EnumSet.allOf(Capability.class);

    MemoryHome grants(Set<Capability> granted) {
        grants = EnumSet.copyOf(granted);
        return this;
    }

    MemoryHome room(String id, String name, String zh) {
        rooms.add(new Room(id, name, List.of(zh)));
        return this;
    }

    MemoryHome device(String id, DeviceType type, String name, List<String> aliases, String room,
            Set<Capability> caps, Map<String, Object> state) {
        devices.put(id, Device.builder(id).name(name).aliases(aliases).room(room).type(type).capabilities(caps)
                .state(state).driver("memory").build());
        return this;
    }

    /** A home in the virtual driver's format ({"rooms": [...], "devices": [...]}), e.g. its demo home. */
    static MemoryHome read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(in);
        MemoryHome home = new MemoryHome();
        for (JsonNode r : root.path("rooms")) {
            home.rooms.add(new Room(r.path("id").asText(), r.path("name").asText(), strings(r.path("aliases"))));
        }
        for (JsonNode d : root.path("devices")) {
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            d.path("capabilities").forEach(c -> caps.add(Capability.valueOf(c.asText())));
            Map<String, Object> state = new LinkedHashMap<>();
            d.path("state").fields().forEachRemaining(e -> state.put(e.getKey(),
                    mapper.convertValue(e.getValue(), Object.class)));
            home.device(d.path("id").asText(), DeviceType.valueOf(d.path("type").asText().toUpperCase(Locale.ROOT)),
                    d.path("name").asText(), strings(d.path("aliases")), d.path("room").asText(null), caps, state);
        }
        return home;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }

    MemoryHome light(String id, String name, String zh, String room) {
        return device(id, DeviceType.LIGHT, name, List.of(zh), room, EnumSet.of(Capability.ON_OFF,
                Capability.BRIGHTNESS), Map.of(Attributes.ON, false, Attributes.BRIGHTNESS, 50));
    }

    /** Changes state as a driver reporting would, without counting as a command. */
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
        commands.add(command);
        if (!grants.contains(command.capability())) {
            return CommandResult.failed(deviceId, FailureCode.NOT_ALLOWED, "The skill may not use "
                    + command.capability() + ".");
        }
        if (d == null) {
            return CommandResult.failed(deviceId, FailureCode.NO_DEVICE, "There is no device " + deviceId + ".");
        }
        if (!d.has(command.capability())) {
            return CommandResult.failed(deviceId, FailureCode.NOT_SUPPORTED, "The " + d.name() + " has no "
                    + command.capability() + ".");
        }
        if (deaf.contains(deviceId) || refuses.contains(deviceId + ":" + command.attribute())) {
            return CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                    "The " + d.name() + " did not answer within 2 s.");
        }
        devices.put(deviceId, d.toBuilder().state(command.attribute(), command.value()).build());
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
