package io.glint.driver.mqtt.internal.homie;

import java.util.Objects;

import io.glint.api.skill.FailureCode;

/** A Glint command this Homie device cannot take; answered with {@link #code()} and the spoken message. */
public final class HomieCommandException extends Exception {
    private static final long serialVersionUID = 1L;
    private final FailureCode code;

    public HomieCommandException(FailureCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public FailureCode code() {
        return code;
    }
}
