package io.glint.api.skill;

/** What a skill's answer means to the wearer. */
public enum Status {
    /** The action was carried out. */
    DONE,
    /** A question was answered; nothing changed. */
    QUERY_ANSWER,
    /** The hub waits for the wearer to confirm before anything happens. */
    NEEDS_CONFIRMATION,
    /** Nothing (or not everything) was done; {@link SkillResult#code()} says why. */
    FAILED
}
