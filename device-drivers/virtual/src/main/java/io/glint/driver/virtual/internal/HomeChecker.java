package io.glint.driver.virtual.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.driver.virtual.internal.HomeJson.DeviceJson;
import io.glint.driver.virtual.internal.HomeJson.RoomJson;

/**
 * Checks what a home file means and builds the API objects. Collects every problem before failing, so whoever
 * edits the file fixes them in one go instead of one per restart.
 */
final class HomeChecker {

    static final long MAX_LATENCY_MS = 60_000;

    private final String driverId;

    HomeChecker(String driverId) {
        this.driverId = Objects.requireNonNull(driverId, "driverId");
    }

    Home check(String source, HomeJson json) throws HomeFileException {
        List<String> problems = new ArrayList<>();
        Map<String, Room> rooms = rooms(orEmpty(json.rooms()), problems);
        List<VirtualDevice> devices = devices(orEmpty(json.devices()), rooms, problems);
        if (!problems.isEmpty()) {
            throw new HomeFileException(source, problems);
        }
        return new Home(source, List.copyOf(rooms.values()), devices);
    }

    private Map<String, Room> rooms(List<RoomJson> entries, List<String> problems) {
        Map<String, Room> rooms = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            RoomJson r = entries.get(i);
            String label = label("room", "rooms", i, r == null ? null : r.id());
            if (r == null) {
                problems.add(label + ": is null; remove it or describe the room");
                continue;
            }
            int before = problems.size();
            checkId(label, r.id(), "living_room", "rooms", seen.putIfAbsent(r.id(), i), problems);
            checkName(label, r.name(), "living room", problems);
            checkAliases(label, r.aliases(), problems);
            if (problems.size() == before) {
                rooms.put(r.id(), new Room(r.id(), r.name(), orEmpty(r.aliases())));
            }
        }
        return rooms;
    }

    private List<VirtualDevice> devices(List<DeviceJson> entries, Map<String, Room> rooms, List<String> problems) {
        List<VirtualDevice> devices = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> topics = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DeviceJson d = entries.get(i);
            String label = label("device", "devices", i, d == null ? null : d.id());
            if (d == null) {
                problems.add(label + ": is null; remove it or describe the device");
                continue;
            }
            int before = problems.size();
            checkId(label, d.id(), "kitchen.light", "devices", seen.putIfAbsent(d.id(), i), problems);
            checkName(label, d.name(), "kitchen light", problems);
            checkAliases(label, d.aliases(), problems);
            checkRoom(label, d.room(), rooms, problems);
            DeviceType type = type(label, d.type(), problems);
            Set<Capability> capabilities = capabilities(label, d.capabilities(), problems);
            Map<String, Object> state = state(label, d.state(), capabilities, problems);
            Optional<Duration> latency = latency(label, d.latencyMs(), problems);
            String topic = MqttTopics.check(label, d.topic(), type, capabilities, topics, problems);
            if (problems.size() == before) {
                Device device = Device.builder(d.id()).name(d.name()).aliases(orEmpty(d.aliases())).room(d.room())
                        .type(type).capabilities(capabilities).state(state)
                        .availability(Availability.ONLINE, null).driver(driverId).build();
                devices.add(new VirtualDevice(device, d.responds() == null || d.responds(), latency, topic));
            }
        }
        return devices;
    }

    /** @param firstUse where the same id was used before, or null */
    private static void checkId(String label, String id, String example, String array, Integer firstUse,
            List<String> problems) {
        if (id == null) {
            problems.add(label + ": \"id\" is missing; give it a unique id such as \"" + example + "\"");
        } else if (firstUse != null) {
            problems.add(label + ": the id is already used by " + array + "[" + firstUse
                    + "]; ids must be unique, rename one of them");
        } else {
            String invalid = invalidId(id);
            if (invalid != null) {
                problems.add(label + ": " + invalid);
            }
        }
    }

    /** The API's own id rule (Room enforces it), so the two can never disagree. */
    private static String invalidId(String id) {
        try {
            new Room(id, id, List.of());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void checkName(String label, String name, String example, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add(label + ": \"name\" is missing; give the name people say, such as \"" + example + "\"");
        }
    }

    private static void checkAliases(String label, List<String> aliases, List<String> problems) {
        if (aliases != null && aliases.stream().anyMatch(a -> a == null || a.isBlank())) {
            problems.add(label + ": \"aliases\" has an empty entry; remove it");
        }
    }

    private static void checkRoom(String label, String room, Map<String, Room> rooms, List<String> problems) {
        // No room is allowed: a device can belong to the whole home (a phone, a car).
        if (room != null && !rooms.containsKey(room)) {
            problems.add(label + ": room \"" + room + "\" is not defined; the rooms are "
                    + String.join(", ", rooms.keySet()) + " (add it to \"rooms\" or fix the spelling)");
        }
    }

    private static DeviceType type(String label, String type, List<String> problems) {
        String valid = Arrays.stream(DeviceType.values()).map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (type == null) {
            problems.add(label + ": \"type\" is missing; use one of " + valid);
            return null;
        }
        try {
            return DeviceType.valueOf(constantName(type));
        } catch (IllegalArgumentException e) {
            problems.add(label + ": type \"" + type + "\" is not a device type; use one of " + valid);
            return null;
        }
    }

    private static Set<Capability> capabilities(String label, List<String> names, List<String> problems) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : orEmpty(names)) {
            try {
                capabilities.add(Capability.valueOf(constantName(Objects.requireNonNull(name))));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(label + ": capability \"" + name + "\" is not known; the capabilities are "
                        + Arrays.toString(Capability.values()));
            }
        }
        return capabilities;
    }

    private static Map<String, Object> state(String label, Map<String, Object> state, Set<Capability> capabilities,
            List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (state == null) {
            return values;
        }
        state.forEach((attribute, value) -> {
            Capability owner = Capability.owning(attribute);
            if (owner == null) {
                problems.add(label + ": state \"" + attribute + "\" is not an attribute; the attributes are "
                        + Arrays.stream(Capability.values()).flatMap(c -> c.attributes().stream()).toList());
            } else if (!capabilities.contains(owner)) {
                problems.add(label + ": state \"" + attribute + "\" belongs to capability " + owner
                        + ", which the device does not have; add " + owner
                        + " to \"capabilities\" or remove the attribute");
            } else {
                try {
                    values.put(attribute, AttributeValues.normalize(attribute, value));
                } catch (IllegalArgumentException e) {
                    problems.add(label + ": state \"" + attribute + "\": " + e.getMessage());
                }
            }
        });
        return values;
    }

    private static Optional<Duration> latency(String label, Long latencyMs, List<String> problems) {
        if (latencyMs == null) {
            return Optional.empty();
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            problems.add(label + ": \"latencyMs\" must be from 0 to " + MAX_LATENCY_MS + ", not " + latencyMs);
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(latencyMs));
    }

    /** "on_off", "On-Off" and "ON_OFF" all name Capability.ON_OFF. */
    private static String constantName(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    private static String label(String kind, String array, int index, String id) {
        String at = array + "[" + index + "]";
        return id == null ? kind + " " + at : kind + " \"" + id + "\" (" + at + ")";
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
