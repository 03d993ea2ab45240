package io.glint.bridge.client;

import java.io.IOException;

/** The hub answered with an error code (or could not be reached); the message is the hub's diagnostic. */
public final class GlassesException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public GlassesException(String code, String message) {
        super(code == null ? message : code + " " + message);
        this.code = code;
    }

    public GlassesException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    /** The CoAP response code, e.g. {@code 4.29}, or null when no answer came. */
    public String code() {
        return code;
    }
}
