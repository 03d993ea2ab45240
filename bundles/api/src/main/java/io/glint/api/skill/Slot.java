package io.glint.api.skill;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One filled slot of an intent: the words the wearer said ({@link #raw()}), the normalised value
 * ({@link #value()}: a registry id for rooms and devices, a number for levels and temperatures, a CSS colour
 * name or {@code #rrggbb} for colours) and, for rooms and devices, every registry id the words matched.
 */
public final class Slot {
    private final String name;
    private final String type;
    private final String raw;
    private final String value;
    private final List<String> candidates;

    public Slot(String name, String type, String raw, String value, List<String> candidates) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.value = value;
        this.candidates = List.copyOf(candidates);
    }

    public static Slot of(String name, String type, String raw, String value) {
        return new Slot(name, type, raw, value, value == null ? List.of() : List.of(value));
    }

    public String name() {
        return name;
    }

    /** The slot type: room, device, number, percent, color, temperature, or a skill-defined one. */
    public String type() {
        return type;
    }

    /** The spoken form, as it appeared in the utterance. */
    public String raw() {
        return raw;
    }

    /** The normalised value; null when the words matched several registry entries (see {@link #candidates()}). */
    public String value() {
        return value;
    }

    public Optional<String> resolved() {
        return Optional.ofNullable(value);
    }

    /** Registry ids matching the spoken form (rooms, devices); one entry when resolved, several when ambiguous. */
    public List<String> candidates() {
        return candidates;
    }

    public int asInt() {
        if (value == null) {
            throw new IllegalStateException("Slot " + name + " (\"" + raw + "\") has no value");
        }
        return (int) Math.round(Double.parseDouble(value));
    }

    public double asDouble() {
        if (value == null) {
            throw new IllegalStateException("Slot " + name + " (\"" + raw + "\") has no value");
        }
        return Double.parseDouble(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slot s && s.name.equals(name) && s.type.equals(type) && s.raw.equals(raw)
                && Objects.equals(s.value, value) && s.candidates.equals(candidates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, raw, value, candidates);
    }

    @Override
    public String toString() {
        return name + "=" + (value != null ? value : candidates) + " (\"" + raw + "\")";
    }
}
