package io.glint.api.voice;

/** The outcome of one utterance, as the glasses and the demo show it. */
public enum ResponseStatus {
    DONE, QUERY_ANSWER, NEEDS_CONFIRMATION, FAILED, NOT_UNDERSTOOD
}
