package io.glint.api.skill;

import java.util.Objects;
import java.util.Optional;

/**
 * A skill's answer, as a value: what happened, what the wearer hears, and optionally a card for the display.
 * Errors are results too: return {@link #failed(FailureCode, String)} rather than throwing.
 */
public final class SkillResult {
    private final Status status;
    private final FailureCode code;
    private final String speech;
    private final Card card;

    private SkillResult(Status status, FailureCode code, String speech, Card card) {
        this.status = Objects.requireNonNull(status, "status");
        this.speech = Objects.requireNonNull(speech, "speech");
        if (speech.isBlank()) {
            throw new IllegalArgumentException("A result needs speech: the wearer must hear something");
        }
        if ((status == Status.FAILED) != (code != null)) {
            throw new IllegalArgumentException("A failure code goes with FAILED and only with FAILED");
        }
        this.code = code;
        this.card = card;
    }

    public static SkillResult done(String speech) {
        return new SkillResult(Status.DONE, null, speech, null);
    }

    public static SkillResult answer(String speech) {
        return new SkillResult(Status.QUERY_ANSWER, null, speech, null);
    }

    public static SkillResult needsConfirmation(String question) {
        return new SkillResult(Status.NEEDS_CONFIRMATION, null, question, null);
    }

    public static SkillResult failed(FailureCode code, String speech) {
        return new SkillResult(Status.FAILED, Objects.requireNonNull(code, "code"), speech, null);
    }

    /** The same result with a card for the glasses display. */
    public SkillResult withCard(Card card) {
        return new SkillResult(status, code, speech, card);
    }

    public Status status() {
        return status;
    }

    /** Set when {@link #status()} is {@link Status#FAILED}, otherwise null. */
    public FailureCode code() {
        return code;
    }

    public String speech() {
        return speech;
    }

    public Optional<Card> card() {
        return Optional.ofNullable(card);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkillResult r && r.status == status && r.code == code && r.speech.equals(speech)
                && Objects.equals(r.card, card);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, code, speech, card);
    }

    @Override
    public String toString() {
        return status + (code == null ? "" : "(" + code + ")") + ": " + speech + (card == null ? "" : " " + card);
    }
}
