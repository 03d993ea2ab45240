package io.glint.core.internal;

import java.time.Instant;
import java.util.List;

import io.glint.api.skill.Intent;

/**
 * What the hub remembers of one wearer's conversation: what they last talked about (for "it", "and the hallway
 * too", the default room) and what the hub is waiting for them to answer. Guarded by its own monitor: one
 * utterance of a wearer at a time.
 */
final class Conversation {

    /** Sensitive commands held until the wearer says yes. */
    record PendingConfirmation(List<DispatchContext.Held> held, Intent intent, String owner, Instant expires) {
    }

    /** A question "Which lamp: …?" and the intent the answer completes. */
    record PendingChoice(Intent intent, String slot, List<String> candidates, Instant expires) {
    }

    List<String> lastDevices = List.of();
    String lastRoom;
    /** Whether the current utterance's room came from the glasses (not from what was last talked about). */
    boolean roomFromGlasses;
    Intent lastIntent;
    Instant lastAt = Instant.EPOCH;
    PendingConfirmation confirmation;
    PendingChoice choice;

    boolean recent(Instant now, java.time.Duration window) {
        return lastAt.plus(window).isAfter(now);
    }

    void dropPending() {
        confirmation = null;
        choice = null;
    }
}
