package io.glint.api.device;

import java.util.Objects;

import io.glint.api.skill.FailureCode;

/** Whether one command reached one device, and if not, why, in words the wearer can hear. */
public final class CommandResult {
    private final String deviceId;
    private final FailureCode code;
    private final String reason;

    private CommandResult(String deviceId, FailureCode code, String reason) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.code = code;
        this.reason = reason;
    }

    public static CommandResult ok(String deviceId) {
        return new CommandResult(deviceId, null, null);
    }

    public static CommandResult failed(String deviceId, FailureCode code, String reason) {
        return new CommandResult(deviceId, Objects.requireNonNull(code, "code"), Objects.requireNonNull(reason,
                "reason"));
    }

    public String deviceId() {
        return deviceId;
    }

    public boolean ok() {
        return code == null;
    }

    /** Null when {@link #ok()}. */
    public FailureCode code() {
        return code;
    }

    /** A sentence that says what went wrong ("The porch light did not answer within 2 s"), null when ok. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandResult r && r.deviceId.equals(deviceId) && r.code == code
                && Objects.equals(r.reason, reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, code, reason);
    }

    @Override
    public String toString() {
        return deviceId + (ok() ? ": ok" : ": " + code + " " + reason);
    }
}
