package io.glint.api.skill;

/** Why something failed. Codes are stable; the speech next to them is what the wearer hears. */
public enum FailureCode {
    /** No device matches what the wearer named. */
    NO_DEVICE,
    /** The name matches more than one device and the hub cannot tell which. */
    AMBIGUOUS_DEVICE,
    /** The device (or its driver or broker) did not answer in time, or is offline. */
    DEVICE_UNREACHABLE,
    /** The device cannot do what was asked (a plug has no brightness). */
    NOT_SUPPORTED,
    /** The skill's grants do not cover this capability, or a sensitive action was not confirmed. */
    NOT_ALLOWED,
    /**
     * A sensitive action (unlocking, opening the garage door) was held by the hub: it asks the wearer to confirm
     * and carries the action out itself on "yes". The skill's answer is replaced by the hub's question.
     */
    CONFIRMATION_REQUIRED,
    /** A value is out of range or malformed (brightness 140 %). */
    INVALID_VALUE,
    /** Some devices did what was asked, others did not. */
    PARTIAL,
    /** No installed skill declares the intent. */
    NO_SKILL,
    /** The skill did not answer within its time budget. */
    SKILL_TIMEOUT,
    /** The skill threw or returned nothing. */
    SKILL_ERROR
}
