package io.glint.api.skill;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.glint.api.voice.Position;

/**
 * What the wearer meant: an intent name from the catalogue (or a skill's own prefixed name), its slots, the
 * language and the original text, and who said it.
 */
public final class Intent {
    private final String name;
    private final Map<String, Slot> slots;
    private final String lang;
    private final String text;
    private final String wearer;
    private final String room;
    private final Position position;
    private final double confidence;

    private Intent(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.slots = Collections.unmodifiableMap(new LinkedHashMap<>(b.slots));
        this.lang = Objects.requireNonNull(b.lang, "lang");
        this.text = Objects.requireNonNull(b.text, "text");
        this.wearer = b.wearer;
        this.room = b.room;
        this.position = b.position;
        this.confidence = b.confidence;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding everything this intent holds, to change one part. */
    public Builder toBuilder() {
        Builder b = new Builder(name).lang(lang).text(text).wearer(wearer).room(room).position(position)
                .confidence(confidence);
        b.slots.putAll(slots);
        return b;
    }

    public String name() {
        return name;
    }

    public Map<String, Slot> slots() {
        return slots;
    }

    public Optional<Slot> slot(String slotName) {
        return Optional.ofNullable(slots.get(slotName));
    }

    public boolean has(String slotName) {
        return slots.containsKey(slotName);
    }

    /** {@code en} or {@code zh}. */
    public String lang() {
        return lang;
    }

    /** The utterance as the wearer said it. */
    public String text() {
        return text;
    }

    /** The id of the paired glasses that spoke; null for the local console. */
    public String wearer() {
        return wearer;
    }

    /** The room the wearer is in, when the glasses know it (a registry id), else null. */
    public String room() {
        return room;
    }

    /** Where the wearer was when they said it, when the glasses sent a position. */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** 1.0 for a template match; the model's score otherwise. */
    public double confidence() {
        return confidence;
    }

    @Override
    public String toString() {
        return name + slots.values() + " [" + lang + "] \"" + text + "\"";
    }

    public static final class Builder {
        private final String name;
        private final Map<String, Slot> slots = new LinkedHashMap<>();
        private String lang = "en";
        private String text = "";
        private String wearer;
        private String room;
        private Position position;
        private double confidence = 1.0;

        private Builder(String name) {
            this.name = name;
        }

        public Builder slot(Slot slot) {
            slots.put(slot.name(), slot);
            return this;
        }

        public Builder slot(String name, String type, String value) {
            return slot(Slot.of(name, type, value, value));
        }

        public Builder removeSlot(String slotName) {
            slots.remove(slotName);
            return this;
        }

        public Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder wearer(String wearer) {
            this.wearer = wearer;
            return this;
        }

        public Builder room(String room) {
            this.room = room;
            return this;
        }

        /** Where the wearer is, or null when not known. */
        public Builder position(Position position) {
            this.position = position;
            return this;
        }

        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public Intent build() {
            return new Intent(this);
        }
    }
}
