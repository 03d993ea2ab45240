package io.glint.driver.mqtt.internal.homie;

/** A Homie message that does not say anything Glint can use; logged and dropped. */
public final class HomiePayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public HomiePayloadException(String message) {
        super(message);
    }
}
