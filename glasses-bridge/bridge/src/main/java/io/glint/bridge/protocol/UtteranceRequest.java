package io.glint.bridge.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the glasses send: {@code POST /v1/utterances}. Who is speaking is never part of it: it is the PSK identity
 * of the DTLS session.
 *
 * @param text     the recognised words (required)
 * @param lang     {@code en} or {@code zh} (required)
 * @param room     the room the glasses believe the wearer is in, or null
 * @param gaze     what the wearer is looking at (a device id or name the glasses recognised), or null; accepted
 *                 and reserved, the hub does not use it yet
 * @param ts       when the wearer spoke, milliseconds since the epoch (required)
 * @param position where the wearer is, or null (added in protocol package 1.2)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UtteranceRequest(String text, String lang, String room, String gaze, Long ts,
        PositionMessage position) {

    /** A request without the wearer's position. */
    public UtteranceRequest(String text, String lang, String room, String gaze, Long ts) {
        this(text, lang, room, gaze, ts, null);
    }
}
