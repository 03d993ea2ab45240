package io.glint.api.voice;

import java.util.Objects;
import java.util.Optional;

/**
 * What the wearer said, as text from the glasses' speech recogniser.
 *
 * @param text     the words
 * @param lang     {@code en}, {@code zh}, or null to let the hub tell from the script
 * @param wearer   id of the paired glasses that spoke (null for the local console)
 * @param room     the room the wearer is in, when the glasses know it (room id or a spoken room name), or null
 * @param position where the wearer is, when the glasses know it, or null
 */
public record Utterance(String text, String lang, String wearer, String room, Position position) {
    public Utterance {
        Objects.requireNonNull(text, "text");
    }

    /** An utterance without the wearer's position. */
    public Utterance(String text, String lang, String wearer, String room) {
        this(text, lang, wearer, room, null);
    }

    public static Utterance of(String text) {
        return new Utterance(text, null, null, null);
    }

    public Optional<Position> optionalPosition() {
        return Optional.ofNullable(position);
    }
}
