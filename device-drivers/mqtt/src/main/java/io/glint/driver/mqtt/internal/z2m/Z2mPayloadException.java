package io.glint.driver.mqtt.internal.z2m;

/** A message from zigbee2mqtt that cannot be used at all; the message says which topic and why. */
public final class Z2mPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public Z2mPayloadException(String message) {
        super(message);
    }

    public Z2mPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
