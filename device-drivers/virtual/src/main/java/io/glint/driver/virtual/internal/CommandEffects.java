package io.glint.driver.virtual.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.Device;
import io.glint.api.device.Room;
import io.glint.api.skill.FailureCode;

/**
 * How simulated devices react to commands, as real ones do: a light dimmed to 0 is off, a colour turns it on, a
 * vacuum told a room cleans that room. Two steps, because a driver knows whether a command makes sense before it
 * sends anything, but the effect depends on the device's state when the command arrives.
 */
final class CommandEffects {

    /** The outcome of {@link #check}: the command, in canonical form, or why it cannot be sent. */
    sealed interface Check permits Accepted, Refused {
    }

    record Accepted(String attribute, Object value) implements Check {
    }

    record Refused(FailureCode code, String reason) implements Check {
    }

    private static final String CLEANING = "cleaning";
    private static final String RETURNING = "returning";
    private static final int FULL_BRIGHTNESS = 100;

    private final List<Room> rooms;

    CommandEffects(List<Room> rooms) {
        this.rooms = List.copyOf(rooms);
    }

    /** Whether the device can take the command at all; answered without asking the device. */
    Check check(Device device, Command command) {
        String the = "The " + device.name();
        if (!device.has(command.capability())) {
            return new Refused(FailureCode.NOT_SUPPORTED, the + " cannot " + ability(command.capability()) + ".");
        }
        String attribute = command.attribute();
        if (attribute.equals(Attributes.TEMPERATURE)) {
            return new Refused(FailureCode.NOT_SUPPORTED, the + " measures the temperature and cannot change it;"
                    + " set the target temperature instead.");
        }
        if (attribute.equals(Attributes.VACUUM_ROOM)) {
            return new Refused(FailureCode.NOT_SUPPORTED, the + " picks its room when it starts cleaning;"
                    + " start it with a room instead.");
        }
        if (attribute.equals(Attributes.VACUUM_STATE)) {
            return vacuum(the, command.value());
        }
        try {
            return new Accepted(attribute, AttributeValues.normalize(attribute, command.value()));
        } catch (IllegalArgumentException e) {
            return new Refused(FailureCode.INVALID_VALUE, the + " cannot take that: " + e.getMessage() + ".");
        }
    }

    /** The attributes that change when an accepted command reaches a device in the given state. */
    static Map<String, Object> changes(Set<Capability> capabilities, Map<String, Object> current, Accepted command) {
        Map<String, Object> changes = new LinkedHashMap<>();
        String attribute = command.attribute();
        Object value = command.value();
        boolean hasOnOff = capabilities.contains(Capability.ON_OFF);
        switch (attribute) {
            case Attributes.BRIGHTNESS -> {
                changes.put(attribute, value);
                if (hasOnOff) {
                    changes.put(Attributes.ON, (Integer) value > 0);
                }
            }
            case Attributes.ON -> {
                changes.put(attribute, value);
                // Switching on a light dimmed to nothing would leave it dark; real bulbs come back at full.
                if (Boolean.TRUE.equals(value) && Integer.valueOf(0).equals(current.get(Attributes.BRIGHTNESS))) {
                    changes.put(Attributes.BRIGHTNESS, FULL_BRIGHTNESS);
                }
            }
            case Attributes.COLOR, Attributes.COLOR_TEMPERATURE -> {
                changes.put(attribute, value);
                putOn(changes, hasOnOff);
            }
            case Attributes.BREWING, Attributes.PLAYING -> {
                changes.put(attribute, value);
                if (!((String) value).isEmpty()) {
                    putOn(changes, hasOnOff);
                }
            }
            case Attributes.VACUUM_STATE -> vacuumChanges((String) value, changes);
            default -> changes.put(attribute, value);
        }
        return changes;
    }

    private static void putOn(Map<String, Object> changes, boolean hasOnOff) {
        if (hasOnOff) {
            changes.put(Attributes.ON, true);
        }
    }

    /** "cleaning:kitchen" is a command; the device then reports "cleaning" and the room separately. */
    private static void vacuumChanges(String value, Map<String, Object> changes) {
        int colon = value.indexOf(':');
        changes.put(Attributes.VACUUM_STATE, colon < 0 ? value : value.substring(0, colon));
        changes.put(Attributes.VACUUM_ROOM, colon < 0 ? "" : value.substring(colon + 1));
    }

    private Check vacuum(String the, Object value) {
        String wanted = value instanceof String s ? s : String.valueOf(value);
        if (wanted.equals(CLEANING) || wanted.equals(RETURNING)) {
            return new Accepted(Attributes.VACUUM_STATE, wanted);
        }
        if (wanted.startsWith(CLEANING + ":")) {
            String room = wanted.substring(CLEANING.length() + 1);
            Room known = room(room);
            if (known == null) {
                return new Refused(FailureCode.INVALID_VALUE, the + " does not know the room \"" + room
                        + "\"; the rooms are " + rooms.stream().map(Room::id).toList() + ".");
            }
            return new Accepted(Attributes.VACUUM_STATE, CLEANING + ":" + known.id());
        }
        return new Refused(FailureCode.INVALID_VALUE, the + " cannot take vacuum_state \"" + wanted
                + "\"; send cleaning, cleaning:<room> or returning.");
    }

    /** A room by id, name or alias: skills may pass what the wearer said rather than the id. */
    private Room room(String said) {
        String wanted = said.trim().toLowerCase(Locale.ROOT);
        for (Room r : rooms) {
            if (r.id().equals(wanted) || r.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || r.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted))) {
                return r;
            }
        }
        return null;
    }

    /** Completes "The kettle plug cannot …". */
    private static String ability(Capability capability) {
        return switch (capability) {
            case ON_OFF -> "be switched on or off";
            case BRIGHTNESS -> "be dimmed or brightened";
            case COLOR -> "change colour";
            case THERMOSTAT -> "set a temperature";
            case COVER -> "open or close";
            case LOCK -> "lock or unlock";
            case VACUUM -> "vacuum";
            case COFFEE_MAKER -> "make coffee";
            case MEDIA -> "play anything";
            default -> "do that";
        };
    }
}
