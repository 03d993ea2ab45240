package io.glint.bridge.pairing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One pair of paired glasses.
 *
 * @param identity the DTLS PSK identity, also the wearer id the hub's conversations are kept under
 * @param key      the pre-shared key as the glasses (and {@code coap-client -k}) pass it: its UTF-8 bytes are the
 *                 secret
 * @param created  when it was paired
 */
public record Pair(String identity, String key, Instant created) {
    public Pair {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
    }

    /** The DTLS secret. */
    public byte[] secret() {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Pair[" + identity + ", key hidden, created " + created + "]";
    }
}
