package io.glint.driver.mqtt.internal.z2m;

import java.util.Objects;

import io.glint.api.skill.FailureCode;

/**
 * A Glint command this device cannot take; the driver answers it with {@link #code()} and the message, which
 * is a sentence the wearer can hear.
 */
public final class Z2mCommandException extends Exception {
    private static final long serialVersionUID = 1L;
    private final FailureCode code;

    public Z2mCommandException(FailureCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public FailureCode code() {
        return code;
    }
}
