package io.glint.launcher;

/** The hub did not become ready for voice in time; the message says what is missing and what failed. */
final class HubNotReadyException extends Exception {
    private static final long serialVersionUID = 1L;

    HubNotReadyException(String message) {
        super(message);
    }
}
