package io.glint.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.glint.api.voice.Utterance;
import io.glint.bridge.protocol.Protocol;

/**
 * Whatever bytes arrive as an utterance, in JSON or CBOR, decoding either gives a valid utterance or throws
 * {@link UtteranceResource.BadRequest} (answered 4.00 with its message): no other exception may escape.
 *
 * <p>In a normal build (regression mode) this runs the seeds in {@code UtteranceDecodingFuzzTestInputs/} and every
 * input a fuzzing session found and saved there. {@code JAZZER_FUZZ=1 mvn test -Dtest=UtteranceDecodingFuzzTest}
 * fuzzes it for {@code maxDuration} (see glasses-bridge/README.md).
 */
class UtteranceDecodingFuzzTest {
    private static final long NOW = 1_763_700_000_000L;
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({ "\"text\"", "\"lang\"", "\"ts\"", "\"room\"", "\"gaze\"", "\"en\"", "\"zh\"",
        "\"position\"", "\"lat\"", "\"lon\"", "\"accuracy\"", "1763700000000", "dtext", "dlang", "bts", "ben",
        "bzh", "hposition", "clat", "clon", "haccuracy" })
    void decoding_never_throws_anything_but_bad_request(FuzzedDataProvider data) {
        int format = data.consumeBoolean() ? Protocol.CBOR : Protocol.JSON;
        byte[] payload = data.consumeRemainingAsBytes();
        Utterance u;
        try {
            u = UtteranceResource.parse(payload, format, "fuzz-glasses", NOW, MAX_AGE);
        } catch (UtteranceResource.BadRequest e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank(), "a refusal says what was wrong");
            return;
        }
        // accepted: then it is what the protocol allows
        assertFalse(u.text().isBlank());
        assertTrue(u.text().length() <= UtteranceResource.MAX_TEXT, u.text());
        assertTrue(Protocol.LANGUAGES.contains(u.lang()), u.lang());
        assertTrue(u.room() == null || !u.room().isBlank() && u.room().length() <= UtteranceResource.MAX_ROOM);
        assertEquals("fuzz-glasses", u.wearer(), "the wearer is the DTLS identity, never the payload");
        if (u.position() != null) {
            assertTrue(Math.abs(u.position().latitude()) <= 90 && Math.abs(u.position().longitude()) <= 180
                    && u.position().accuracyMetres() >= 0, u.position().toString());
        }
    }
}
