package io.glint.api.voice;

/** The outcome of one utterance, as the glasses and the demo show it. */
public enum ResponseStatus {
    /** The action was carried out. */
    DONE,
    /** A question was answered. */
    QUERY_ANSWER,
    /**
     * The hub waits for the wearer's answer before anything happens: a yes or no for a sensitive action, or a
     * choice ("Which lamp: …?"). Only the same glasses can answer, within a short time.
     */
    NEEDS_CONFIRMATION,
    /** Nothing, or not everything, was done; the code says why. */
    FAILED,
    /** No installed skill understands the utterance. */
    NOT_UNDERSTOOD
}
