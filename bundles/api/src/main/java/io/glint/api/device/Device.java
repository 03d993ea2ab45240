package io.glint.api.device;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable snapshot of one device: identity, where it is, what it can do, its state and whether it can be
 * reached. Drivers announce devices; the registry hands out fresh snapshots as state changes.
 */
public final class Device {
    private final String id;
    private final String name;
    private final List<String> aliases;
    private final String room;
    private final DeviceType type;
    private final Set<Capability> capabilities;
    private final Map<String, Object> state;
    private final Availability availability;
    private final String availabilityReason;
    private final String driver;

    private Device(Builder b) {
        this.id = Room.requireId(b.id);
        this.name = Objects.requireNonNull(b.name, "name");
        this.aliases = List.copyOf(b.aliases);
        this.room = b.room;
        this.type = Objects.requireNonNull(b.type, "type");
        this.capabilities = Collections.unmodifiableSet(b.capabilities.isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(b.capabilities));
        this.state = Collections.unmodifiableMap(new LinkedHashMap<>(b.state));
        this.availability = Objects.requireNonNull(b.availability, "availability");
        this.availabilityReason = b.availabilityReason;
        this.driver = Objects.requireNonNull(b.driver, "driver");
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id).name(name).aliases(aliases).room(room).type(type).driver(driver)
                .availability(availability, availabilityReason);
        b.capabilities.addAll(capabilities);
        b.state.putAll(state);
        return b;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /**
     * The name to say in a language: for {@code zh} the first alias written in Chinese characters (people name
     * their things in both languages), otherwise — or when there is none — {@link #name()}.
     */
    public String nameIn(String lang) {
        return Names.in(lang, name, aliases);
    }

    /** Other names for the device, in any language ("floor lamp", "落地灯"). */
    public List<String> aliases() {
        return aliases;
    }

    /** The room id, or null when the device is not in a room. */
    public String room() {
        return room;
    }

    public DeviceType type() {
        return type;
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public Map<String, Object> state() {
        return state;
    }

    public Object state(String attribute) {
        return state.get(attribute);
    }

    public Availability availability() {
        return availability;
    }

    /** Why the device is offline ("the broker went away"), or null. */
    public String availabilityReason() {
        return availabilityReason;
    }

    public boolean online() {
        return availability != Availability.OFFLINE;
    }

    /** The id of the driver that owns the device. */
    public String driver() {
        return driver;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.id.equals(id) && d.name.equals(name) && d.aliases.equals(aliases)
                && Objects.equals(d.room, room) && d.type == type && d.capabilities.equals(capabilities)
                && d.state.equals(state) && d.availability == availability
                && Objects.equals(d.availabilityReason, availabilityReason) && d.driver.equals(driver);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, availability);
    }

    @Override
    public String toString() {
        return "Device[" + id + " " + type + " in " + room + " " + state + " " + availability + "]";
    }

    public static final class Builder {
        private final String id;
        private String name;
        private List<String> aliases = List.of();
        private String room;
        private DeviceType type = DeviceType.OTHER;
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private final Map<String, Object> state = new LinkedHashMap<>();
        private Availability availability = Availability.UNKNOWN;
        private String availabilityReason;
        private String driver;

        private Builder(String id) {
            this.id = id;
            this.name = id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder aliases(List<String> aliases) {
            this.aliases = aliases;
            return this;
        }

        public Builder room(String room) {
            this.room = room;
            return this;
        }

        public Builder type(DeviceType type) {
            this.type = type;
            return this;
        }

        public Builder capability(Capability... caps) {
            Collections.addAll(capabilities, caps);
            return this;
        }

        public Builder capabilities(Set<Capability> caps) {
            capabilities.clear();
            capabilities.addAll(caps);
            return this;
        }

        public Builder state(String attribute, Object value) {
            if (value == null) {
                state.remove(attribute);
            } else {
                state.put(attribute, value);
            }
            return this;
        }

        public Builder state(Map<String, ?> values) {
            values.forEach(this::state);
            return this;
        }

        public Builder availability(Availability availability, String reason) {
            this.availability = availability;
            this.availabilityReason = reason;
            return this;
        }

        public Builder driver(String driver) {
            this.driver = driver;
            return this;
        }

        public Device build() {
            return new Device(this);
        }
    }
}
