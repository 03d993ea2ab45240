package io.glint.bridge.protocol;

/** Constants of the glasses protocol, version 1. */
public final class Protocol {
    /** The IANA port for CoAP over DTLS. */
    public static final int DEFAULT_PORT = 5684;
    public static final String VERSION = "v1";
    /** {@code POST}: one utterance in, the hub's answer out. */
    public static final String UTTERANCES = "/v1/utterances";
    /** {@code GET} with Observe: the notification to show now. */
    public static final String NOTIFICATIONS = "/v1/notifications";
    /** {@code POST /v1/notifications/{id}/ack}. */
    public static final String ACK = "ack";

    /** CoAP Content-Format application/json. */
    public static final int JSON = 50;
    /** CoAP Content-Format application/cbor. */
    public static final int CBOR = 60;

    /** The languages the hub understands. */
    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "zh");

    private Protocol() {
    }

    public static String ackPath(String notificationId) {
        return NOTIFICATIONS + "/" + notificationId + "/" + ACK;
    }
}
