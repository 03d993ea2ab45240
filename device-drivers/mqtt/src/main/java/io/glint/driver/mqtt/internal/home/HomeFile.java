package io.glint.driver.mqtt.internal.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.driver.mqtt.internal.z2m.Json;

/**
 * How the people of a home call their MQTT devices, which neither zigbee2mqtt nor Homie can say: rooms with the
 * other names people use for them (in any language), and for each device — found by its MQTT topic,
 * {@code zigbee2mqtt/<friendly name>} or {@code homie/5/<device id>} — the Glint id, name, aliases, room and type
 * it gets instead of the ones derived from the friendly name. What the device can do still comes from discovery.
 *
 * <p>The format is the virtual driver's home file ({@code {"rooms": [...], "devices": [...]}}), so one file can
 * describe a home for both: devices without a {@code topic} are not MQTT devices and are skipped here, and the
 * fields only a simulation needs ({@code capabilities}, {@code state}, {@code responds}, {@code latencyMs}) are
 * ignored.
 */
public final class HomeFile {
    public static final HomeFile NONE = new HomeFile("(none)", List.of(), Map.of());
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final Set<String> ROOM_FIELDS = Set.of("id", "name", "aliases");
    private static final Set<String> DEVICE_FIELDS = Set.of("id", "name", "aliases", "room", "type", "topic",
            "capabilities", "state", "responds", "latencyMs");

    /** One named MQTT device. {@code room} and {@code type} may be null (then discovery's are kept). */
    public record Entry(String topic, String id, String name, List<String> aliases, String room, DeviceType type) {
    }

    private final String source;
    private final List<Room> rooms;
    private final Map<String, Room> roomsById = new HashMap<>();
    private final Map<String, Entry> byTopic;

    private HomeFile(String source, List<Room> rooms, Map<String, Entry> byTopic) {
        this.source = source;
        this.rooms = List.copyOf(rooms);
        rooms.forEach(r -> roomsById.put(r.id(), r));
        this.byTopic = Map.copyOf(byTopic);
    }

    /** The file at {@code path}; {@link #NONE} when the path is empty. */
    public static HomeFile read(String path) throws HomeFileException {
        if (path == null || path.isBlank()) {
            return NONE;
        }
        Path file;
        try {
            file = Path.of(path.trim());
        } catch (InvalidPathException e) {
            throw new HomeFileException(path, "is not a valid path (" + e.getReason() + ")", e);
        }
        String source = file.toAbsolutePath().toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new HomeFileException(source, List.of("is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB; is it the right file?"));
            }
            return parse(source, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new HomeFileException(source, "does not exist; check the homeFile setting, or leave it empty",
                    e);
        } catch (IOException e) {
            throw new HomeFileException(source, "cannot be read (" + e + ")", e);
        }
    }

    /** @param source how to name the file in error messages */
    public static HomeFile parse(String source, byte[] json) throws HomeFileException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new HomeFileException(source, "is not valid JSON: " + e.getOriginalMessage() + at, e);
        } catch (IOException e) {
            throw new HomeFileException(source, "cannot be read (" + e + ")", e);
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new HomeFileException(source, List.of("a home file is a JSON object: {\"rooms\": [...],"
                    + " \"devices\": [...]}"));
        }
        unknownFields("the file", root, Set.of("rooms", "devices"), problems);
        Map<String, Room> rooms = rooms(root.path("rooms"), problems);
        Map<String, Entry> devices = devices(root.path("devices"), rooms, problems);
        if (!problems.isEmpty()) {
            throw new HomeFileException(source, problems);
        }
        return new HomeFile(source, List.copyOf(rooms.values()), devices);
    }

    private static Map<String, Room> rooms(JsonNode array, List<String> problems) {
        Map<String, Room> rooms = new LinkedHashMap<>();
        if (array.isMissingNode()) {
            return rooms;
        }
        if (!array.isArray()) {
            problems.add("\"rooms\" must be an array");
            return rooms;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            String label = "rooms[" + i + "]";
            if (!r.isObject()) {
                problems.add(label + " is not an object");
                continue;
            }
            unknownFields(label, r, ROOM_FIELDS, problems);
            String id = text(r, "id");
            String name = text(r, "name");
            List<String> aliases = aliases(label, r, problems);
            if (id == null || name == null || name.isBlank()) {
                problems.add(label + " needs an \"id\" and a \"name\"");
                continue;
            }
            try {
                Room room = new Room(id, name, aliases);
                if (rooms.putIfAbsent(id, room) != null) {
                    problems.add(label + ": the id \"" + id + "\" is used twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add(label + ": " + e.getMessage());
            }
        }
        return rooms;
    }

    private static Map<String, Entry> devices(JsonNode array, Map<String, Room> rooms, List<String> problems) {
        Map<String, Entry> byTopic = new LinkedHashMap<>();
        Map<String, String> ids = new HashMap<>();
        if (array.isMissingNode()) {
            return byTopic;
        }
        if (!array.isArray()) {
            problems.add("\"devices\" must be an array");
            return byTopic;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode d = array.get(i);
            String label = "devices[" + i + "]";
            if (!d.isObject()) {
                problems.add(label + " is not an object");
                continue;
            }
            unknownFields(label, d, DEVICE_FIELDS, problems);
            String topic = text(d, "topic");
            if (topic == null) {
                continue; // not an MQTT device
            }
            String id = text(d, "id");
            label = "devices[" + i + "] (" + (id == null ? topic : id) + ")";
            String name = text(d, "name");
            String room = text(d, "room");
            List<String> aliases = aliases(label, d, problems);
            if (topic.isBlank() || topic.startsWith("/") || topic.endsWith("/") || topic.contains("+")
                    || topic.contains("#")) {
                problems.add(label + ": \"topic\" must be the device's MQTT topic, such as zigbee2mqtt/kitchen/light"
                        + " or homie/5/coffee-machine, not \"" + topic + "\"");
                continue;
            }
            if (id == null || name == null || name.isBlank()) {
                problems.add(label + " needs an \"id\" and a \"name\"");
                continue;
            }
            try {
                new Room(id, name, List.of()); // the API's id rule
            } catch (IllegalArgumentException e) {
                problems.add(label + ": " + e.getMessage());
                continue;
            }
            if (room != null && !rooms.containsKey(room)) {
                problems.add(label + ": room \"" + room + "\" is not in \"rooms\" (" + String.join(", ",
                        rooms.keySet()) + ")");
                continue;
            }
            DeviceType type = null;
            String typeName = text(d, "type");
            if (typeName != null) {
                try {
                    type = DeviceType.valueOf(typeName.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    problems.add(label + ": type \"" + typeName + "\" is not one of " + Arrays.stream(DeviceType
                            .values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
                    continue;
                }
            }
            String earlier = ids.putIfAbsent(id, topic);
            if (earlier != null) {
                problems.add(label + ": the id \"" + id + "\" is already used for " + earlier);
                continue;
            }
            if (byTopic.putIfAbsent(topic, new Entry(topic, id, name, aliases, room, type)) != null) {
                problems.add(label + ": two devices have the topic " + topic);
            }
        }
        return byTopic;
    }

    private static void unknownFields(String label, JsonNode node, Set<String> known, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!known.contains(field)) {
                problems.add(label + ": unknown field \"" + field + "\"; the fields are " + known.stream().sorted()
                        .toList());
            }
        }
    }

    private static List<String> aliases(String label, JsonNode node, List<String> problems) {
        JsonNode a = node.path("aliases");
        if (a.isMissingNode() || a.isNull()) {
            return List.of();
        }
        if (a.isTextual()) {
            return List.of(a.asText());
        }
        List<String> aliases = new ArrayList<>();
        if (a.isArray()) {
            for (JsonNode alias : a) {
                if (alias.isTextual() && !alias.asText().isBlank()) {
                    aliases.add(alias.asText());
                } else {
                    problems.add(label + ": \"aliases\" holds something that is not a name: " + alias);
                }
            }
        } else {
            problems.add(label + ": \"aliases\" must be a list of names");
        }
        return aliases;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    public String source() {
        return source;
    }

    public List<Room> rooms() {
        return rooms;
    }

    /** Every topic the file names a device for. */
    public Set<String> topics() {
        return byTopic.keySet();
    }

    /** The device named for this MQTT topic, or null. */
    public Entry device(String topic) {
        return byTopic.get(topic);
    }

    /** The file's room of that id (with its aliases) when it has one, else the room given. */
    public Room room(Room derived) {
        return derived == null ? null : roomsById.getOrDefault(derived.id(), derived);
    }

    /** The file's room with that id, or null. */
    public Room room(String id) {
        return id == null ? null : roomsById.get(id);
    }

    /** The discovered device under the name the file gives it; what it can do and its state are discovery's. */
    public Device named(Device discovered, Entry entry) {
        return Device.builder(entry.id()).name(entry.name()).aliases(entry.aliases())
                .room(entry.room() != null ? entry.room() : discovered.room())
                .type(entry.type() != null ? entry.type() : discovered.type())
                .capabilities(discovered.capabilities()).state(discovered.state())
                .availability(discovered.availability(), discovered.availabilityReason())
                .driver(discovered.driver()).build();
    }

    @Override
    public String toString() {
        return "home file " + source;
    }
}
