package io.glint.bridge.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

/** The protocol's two encodings, JSON (Content-Format 50) and CBOR (60), with the same field names. */
public final class Codec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper CBOR = CBORMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Codec() {
    }

    /** True for the formats the protocol speaks. */
    public static boolean supported(int contentFormat) {
        return contentFormat == Protocol.JSON || contentFormat == Protocol.CBOR;
    }

    public static ObjectMapper mapper(int contentFormat) {
        return switch (contentFormat) {
            case Protocol.JSON -> JSON;
            case Protocol.CBOR -> CBOR;
            default -> throw new IllegalArgumentException("Content-Format " + contentFormat
                    + " is not spoken here: use " + Protocol.JSON + " (application/json) or " + Protocol.CBOR
                    + " (application/cbor)");
        };
    }

    public static byte[] write(Object message, int contentFormat) {
        try {
            return mapper(contentFormat).writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Parses a payload into a tree; the caller checks fields and types and says what is wrong. */
    public static JsonNode tree(byte[] payload, int contentFormat) throws IOException {
        return mapper(contentFormat).readTree(payload);
    }

    public static <T> T read(byte[] payload, int contentFormat, Class<T> type) throws IOException {
        return mapper(contentFormat).readValue(payload, type);
    }

    /** For logs and diagnostics: the payload as JSON text, whatever its format. */
    public static String toJson(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return String.valueOf(message);
        }
    }
}
