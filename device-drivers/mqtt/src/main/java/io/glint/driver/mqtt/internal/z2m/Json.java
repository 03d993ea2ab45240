package io.glint.driver.mqtt.internal.z2m;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** The one Jackson mapper of the zigbee2mqtt code, with limits tight enough for payloads from the network. */
public final class Json {
    /** zigbee2mqtt nests exposes a few levels deep (composite inside light); nothing legitimate goes near this. */
    static final int MAX_NESTING = 32;
    static final int MAX_STRING = 64 * 1024;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(64)
                    .build())
            .build());

    /**
     * {@link #MAPPER}'s tree reader, made once: {@code MAPPER.readTree} looks the tree type up again on every call,
     * which was a twentieth of the driver's work per state message.
     */
    public static final ObjectReader TREE = MAPPER.readerFor(JsonNode.class);

    /** Jackson's message without the source dump it appends (which would echo the hostile payload). */
    public static String reason(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    private Json() {
    }
}
