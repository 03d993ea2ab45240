package io.glint.bridge.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The hub's answer to one utterance.
 *
 * @param status      DONE, QUERY_ANSWER, NEEDS_CONFIRMATION, FAILED or NOT_UNDERSTOOD
 * @param code        why it failed (FAILED only), e.g. NO_DEVICE, DEVICE_UNREACHABLE, NOT_ALLOWED
 * @param speech      what the glasses say
 * @param card        what the glasses show, or null
 * @param intent      the intent the hub understood, or null
 * @param slots       the intent's slots, name to resolved value (null when unresolved), or null without an intent
 * @param slotDetails the same slots in full (type, the words heard, value, candidates), or null without an intent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UtteranceReply(String status, String code, String speech, CardMessage card, String intent,
        Map<String, String> slots, Map<String, SlotMessage> slotDetails) {

    /** An answer without the slots in full (as hubs before protocol package 1.1 send it). */
    public UtteranceReply(String status, String code, String speech, CardMessage card, String intent,
            Map<String, String> slots) {
        this(status, code, speech, card, intent, slots, null);
    }
}
