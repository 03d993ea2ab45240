package io.glint.api.notify;

import java.util.Objects;

import io.glint.api.skill.Card;

/**
 * Something the hub tells the wearer without being asked.
 *
 * @param id        unique id the glasses acknowledge; null when raising lets the hub choose one
 * @param priority  how much it may interrupt
 * @param speech    what the glasses say
 * @param card      what the glasses show, or null
 * @param dedupeKey notifications with the same key are one notification: raising it again while the earlier one
 *                  is unacknowledged replaces it instead of adding another (e.g. {@code door-unlocked:front.door});
 *                  null when every raise is news
 */
public record Notification(String id, Priority priority, String speech, Card card, String dedupeKey) {
    public static final int MAX_SPEECH_LENGTH = 500;
    public static final int MAX_ID_LENGTH = 64;

    public Notification {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(speech, "speech");
        if (speech.isBlank()) {
            throw new IllegalArgumentException("A notification needs something to say");
        }
        if (speech.length() > MAX_SPEECH_LENGTH) {
            throw new IllegalArgumentException("Notification speech longer than " + MAX_SPEECH_LENGTH
                    + " characters; put the details in the card");
        }
        if (id != null && !id.matches("[A-Za-z0-9._-]{1," + MAX_ID_LENGTH + "}")) {
            throw new IllegalArgumentException("Notification id \"" + id + "\" must be 1 to " + MAX_ID_LENGTH
                    + " letters, digits, '.', '_' or '-' (it is part of the acknowledgement path)");
        }
    }

    /** A notification the hub gives an id when it is raised. */
    public static Notification of(Priority priority, String speech) {
        return new Notification(null, priority, speech, null, null);
    }

    public Notification withId(String newId) {
        return new Notification(newId, priority, speech, card, dedupeKey);
    }

    public Notification withCard(Card newCard) {
        return new Notification(id, priority, speech, newCard, dedupeKey);
    }

    public Notification withDedupeKey(String key) {
        return new Notification(id, priority, speech, card, key);
    }
}
