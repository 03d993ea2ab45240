package io.glint.api.voice;

import java.util.Objects;
import java.util.Optional;

import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;

/**
 * The hub's answer to one utterance.
 *
 * @param status what happened
 * @param code   why it failed, when status is FAILED (null otherwise)
 * @param speech what the glasses say
 * @param card   what the glasses show, or null
 * @param intent what the hub understood, or null when it understood nothing
 * @param skill  the skill that answered, as {@code bundle-symbolic-name/component-name}, or null
 */
public record Response(ResponseStatus status, FailureCode code, String speech, Card card, Intent intent,
        String skill) {
    public Response {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(speech, "speech");
    }

    public Optional<Card> optionalCard() {
        return Optional.ofNullable(card);
    }
}
