package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.glint.api.device.Attributes;
import io.glint.api.device.Device;
import io.glint.api.device.Room;

/**
 * The registry's names as token keys: which rooms and devices a phrase can mean. Built once per registry
 * revision, so a parse costs hash lookups, not a scan of the home.
 */
public final class Lexicon {
    private final Map<String, Set<String>> rooms = new HashMap<>();
    private final Map<String, Set<String>> devices = new HashMap<>();
    /** A name said for a contact → the contacts' names as the phone lists them. */
    private final Map<String, Set<String>> contacts = new HashMap<>();
    private final Map<String, Device> byId = new HashMap<>();
    private final long revision;

    public Lexicon(List<Room> roomList, List<Device> deviceList, long revision) {
        this.revision = revision;
        for (Room r : roomList) {
            add(rooms, r.id().replace('_', ' '), r.id());
            add(rooms, r.name(), r.id());
            r.aliases().forEach(a -> add(rooms, a, r.id()));
        }
        for (Device d : deviceList) {
            byId.put(d.id(), d);
            add(devices, d.name(), d.id());
            d.aliases().forEach(a -> add(devices, a, d.id()));
            if (d.state(Attributes.CONTACTS) instanceof List<?> list) {
                list.forEach(this::addContact);
            }
        }
    }

    /**
     * A contact is found by its name, its aliases, an English name's first word ("Sarah" for "Sarah Miller") or a
     * Chinese name's given name ("建国" for "王建国"), and English possessives ("Sarah's", said "sarahs").
     */
    private void addContact(Object entry) {
        if (!(entry instanceof Map<?, ?> contact) || !(contact.get("name") instanceof String name) || name.isBlank()) {
            return;
        }
        List<String> said = new ArrayList<>();
        said.add(name);
        if (contact.get("aliases") instanceof List<?> aliases) {
            aliases.forEach(a -> {
                if (a instanceof String alias) {
                    said.add(alias);
                }
            });
        }
        String[] words = name.strip().split("\\s+");
        if (words.length > 1) {
            said.add(words[0]);
        } else if (name.codePoints().allMatch(Character::isIdeographic) && name.codePointCount(0, name.length()) == 3) {
            said.add(name.substring(name.offsetByCodePoints(0, 1)));
        }
        for (String phrase : said) {
            add(contacts, phrase, name);
            String key = Text.key(phrase);
            if (!key.isEmpty() && key.chars().allMatch(c -> c < 128) && !key.endsWith("s")) {
                contacts.computeIfAbsent(key + "s", k -> new LinkedHashSet<>()).add(name);
            }
        }
    }

    public static Lexicon empty() {
        return new Lexicon(List.of(), List.of(), -1);
    }

    private static void add(Map<String, Set<String>> index, String phrase, String id) {
        String key = Text.key(phrase);
        if (!key.isEmpty()) {
            index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }
    }

    public long revision() {
        return revision;
    }

    public Set<String> rooms(String key) {
        return rooms.getOrDefault(key, Set.of());
    }

    public Set<String> devices(String key) {
        return devices.getOrDefault(key, Set.of());
    }

    /** The contacts (their names as the phone lists them) a phrase can mean. */
    public Set<String> contacts(String key) {
        return contacts.getOrDefault(key, Set.of());
    }

    public Device device(String id) {
        return byId.get(id);
    }

    /** A room id for what the glasses sent: an id already, or a name. */
    public String roomId(String roomOrName) {
        if (roomOrName == null || roomOrName.isBlank()) {
            return null;
        }
        for (Set<String> ids : rooms.values()) {
            if (ids.contains(roomOrName)) {
                return roomOrName;
            }
        }
        Set<String> ids = rooms(Text.key(roomOrName));
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** Keeps the ids whose device is in one of the rooms. */
    public List<String> inRooms(Set<String> deviceIds, Set<String> roomIds) {
        List<String> out = new ArrayList<>();
        for (String id : deviceIds) {
            Device d = byId.get(id);
            if (d != null && roomIds.contains(d.room())) {
                out.add(id);
            }
        }
        return out;
    }

    Set<String> roomIds() {
        Set<String> all = new HashSet<>();
        rooms.values().forEach(all::addAll);
        return all;
    }
}
