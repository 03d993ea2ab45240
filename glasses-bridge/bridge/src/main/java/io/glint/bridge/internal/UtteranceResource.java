package io.glint.bridge.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Position;
import io.glint.api.voice.Utterance;
import io.glint.bridge.protocol.CardMessage;
import io.glint.bridge.protocol.Codec;
import io.glint.bridge.protocol.Protocol;
import io.glint.bridge.protocol.SlotMessage;
import io.glint.bridge.protocol.UtteranceReply;

/**
 * {@code POST /v1/utterances}: checks the request on the protocol thread (cheap), then runs the Assistant on the
 * bridge's bounded worker pool and answers with a separate response, so a slow skill holds one worker and the hub
 * keeps answering other glasses.
 */
final class UtteranceResource extends CoapResource {
    private static final Logger LOG = LoggerFactory.getLogger(UtteranceResource.class);
    static final int MAX_TEXT = 500;
    static final int MAX_ROOM = 64;
    static final int MAX_GAZE = 128;

    private final GlassesBridge.Gate gate;
    private final Supplier<Assistant> assistant;
    private final Executor workers;
    private final BridgeSettings settings;

    UtteranceResource(GlassesBridge.Gate gate, Supplier<Assistant> assistant, Executor workers,
            BridgeSettings settings) {
        super("utterances");
        this.gate = gate;
        this.assistant = assistant;
        this.workers = workers;
        this.settings = settings;
        getAttributes().setTitle("What the wearer said: {text, lang, room?, gaze?, position?, ts}");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<String> identity = gate.admit(exchange, true);
        if (identity.isEmpty()) {
            return;
        }
        OptionSet options = exchange.getRequestOptions();
        int format = options.hasContentFormat() ? options.getContentFormat() : Protocol.JSON;
        if (!Codec.supported(format)) {
            Replies.error(exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "Content-Format " + format
                    + " is not spoken here: send the utterance as application/json (50) or application/cbor (60)");
            return;
        }
        int replyFormat = format;
        if (options.hasAccept()) {
            if (!Codec.supported(options.getAccept())) {
                Replies.error(exchange, ResponseCode.NOT_ACCEPTABLE, "Accept " + options.getAccept()
                        + " cannot be answered: ask for application/json (50) or application/cbor (60)");
                return;
            }
            replyFormat = options.getAccept();
        }
        byte[] payload = exchange.getRequestPayload();
        if (payload.length > settings.maxPayloadBytes()) {
            Response r = Replies.response(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "The utterance is " + payload.length
                    + " bytes; the hub accepts at most " + settings.maxPayloadBytes() + " (Size1). Send only what "
                    + "the wearer said, at most " + MAX_TEXT + " characters");
            r.getOptions().setSize1(settings.maxPayloadBytes());
            exchange.respond(r);
            return;
        }
        Utterance utterance;
        try {
            utterance = parse(payload, format, identity.get(), System.currentTimeMillis(), settings.maxAge());
        } catch (BadRequest e) {
            Replies.error(exchange, ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        Assistant a = assistant.get();
        if (a == null) {
            exchange.respond(notReady());
            return;
        }
        int reply = replyFormat;
        try {
            workers.execute(() -> answer(exchange, utterance, reply));
        } catch (RejectedExecutionException e) {
            exchange.respond(Replies.unavailable("The hub is busy with other glasses' requests; retry in a second", 1));
            return;
        }
        exchange.accept();
    }

    private void answer(CoapExchange exchange, Utterance utterance, int format) {
        Assistant a = assistant.get();
        if (a == null) {
            respond(exchange, notReady());
            return;
        }
        Response answer;
        try {
            io.glint.api.voice.Response response = a.handle(utterance);
            answer = new Response(ResponseCode.CONTENT);
            answer.setPayload(Codec.write(reply(response), format));
            answer.getOptions().setContentFormat(format);
        } catch (RuntimeException e) {
            LOG.error("The hub failed on an utterance from {}", utterance.wearer(), e);
            answer = Replies.response(ResponseCode.INTERNAL_SERVER_ERROR,
                    "The hub failed on this utterance; nothing was changed. The hub's log says why");
        }
        respond(exchange, answer);
    }

    /** Answers from a worker; when the bridge stopped meanwhile, there is no one left to answer and nothing to say. */
    private static void respond(CoapExchange exchange, Response response) {
        try {
            exchange.respond(response);
        } catch (RejectedExecutionException e) {
            LOG.debug("The bridge stopped before an answer could be sent", e);
        }
    }

    private static Response notReady() {
        return Replies.unavailable("The hub is starting and cannot understand anything yet; retry in a few seconds", 2);
    }

    static UtteranceReply reply(io.glint.api.voice.Response r) {
        CardMessage card = r.card() == null ? null : new CardMessage(r.card().title(), r.card().lines());
        Intent intent = r.intent();
        Map<String, String> slots = null;
        Map<String, SlotMessage> details = null;
        if (intent != null) {
            slots = new LinkedHashMap<>();
            details = new LinkedHashMap<>();
            for (Slot s : intent.slots().values()) {
                slots.put(s.name(), s.value());
                details.put(s.name(), new SlotMessage(s.type(), s.raw(), s.value(), s.candidates()));
            }
        }
        return new UtteranceReply(r.status().name(), r.code() == null ? null : r.code().name(), r.speech(), card,
                intent == null ? null : intent.name(), slots, details);
    }

    /**
     * Thrown with what to tell the glasses (4.00). The only exception {@link #parse} throws, whatever the payload:
     * the fuzz test ({@code UtteranceDecodingFuzzTest}) holds it to that.
     */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    /**
     * Reads and checks one utterance; every problem found is named in one message.
     *
     * @param maxAge how far {@code ts} may be from {@code nowMillis}, either way
     */
    static Utterance parse(byte[] payload, int format, String wearer, long nowMillis, Duration maxAge)
            throws BadRequest {
        String formatName = format == Protocol.CBOR ? "CBOR" : "JSON";
        if (payload.length == 0) {
            throw new BadRequest("The request has no payload: send {\"text\", \"lang\", \"ts\"} as " + formatName);
        }
        JsonNode tree;
        try {
            tree = Codec.tree(payload, format);
        } catch (JsonProcessingException e) {
            throw new BadRequest("The payload is not valid " + formatName + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("The payload is not valid " + formatName + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest("The payload must be a " + formatName + " object {\"text\", \"lang\", \"ts\", "
                    + "\"room\"?, \"gaze\"?, \"position\"?}, not "
                    + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase()));
        }
        List<String> problems = new ArrayList<>();
        String text = string(tree, "text", MAX_TEXT, true, problems);
        if (text != null && text.isBlank()) {
            problems.add("\"text\" is blank: send what the wearer said");
        }
        String lang = string(tree, "lang", 8, true, problems);
        if (lang != null && !Protocol.LANGUAGES.contains(lang)) {
            problems.add("\"lang\" must be one of " + new java.util.TreeSet<>(Protocol.LANGUAGES) + ", got \"" + lang
                    + "\"");
        }
        String room = string(tree, "room", MAX_ROOM, false, problems);
        string(tree, "gaze", MAX_GAZE, false, problems);
        Position position = position(tree.get("position"), problems);
        JsonNode ts = tree.get("ts");
        if (ts == null || ts.isNull()) {
            problems.add("\"ts\" is missing: when the wearer spoke, in milliseconds since the epoch");
        } else if (!ts.isIntegralNumber() || !ts.canConvertToLong()) {
            problems.add("\"ts\" must be an integer (milliseconds since the epoch), got " + ts.getNodeType().name()
                    .toLowerCase());
        } else {
            long said = ts.asLong();
            long max = maxAge.toMillis();
            long off;
            try {
                off = Math.absExact(Math.subtractExact(nowMillis, said));
            } catch (ArithmeticException e) {
                off = Long.MAX_VALUE; // a ts near the ends of the long range must not wrap around into "now"
            }
            if (off > max) {
                boolean past = said < nowMillis;
                String far = off == Long.MAX_VALUE ? "millions of years" : off / 1000 + " s";
                problems.add("\"ts\" is " + far + " in the " + (past ? "past" : "future")
                        + "; the hub acts only on what was said in the last " + max / 1000 + " s. Check the glasses' "
                        + "clock");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequest(String.join("; ", problems));
        }
        return new Utterance(text.strip(), lang, wearer, room == null || room.isBlank() ? null : room.strip(),
                position);
    }

    /** The optional {@code position}: {@code {"lat", "lon", "accuracy"}}, all numbers, all required when present. */
    private static Position position(JsonNode v, List<String> problems) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            problems.add("\"position\" must be an object {\"lat\", \"lon\", \"accuracy\"}, got "
                    + v.getNodeType().name().toLowerCase());
            return null;
        }
        int before = problems.size();
        double lat = number(v, "lat", -90, 90, "degrees north, -90 to 90", problems);
        double lon = number(v, "lon", -180, 180, "degrees east, -180 to 180", problems);
        double accuracy = number(v, "accuracy", 0, Double.MAX_VALUE, "how far off the position may be, in metres, "
                + "0 or more", problems);
        return problems.size() == before ? new Position(lat, lon, accuracy) : null;
    }

    private static double number(JsonNode position, String field, double min, double max, String what,
            List<String> problems) {
        JsonNode v = position.get(field);
        String name = "\"position." + field + "\"";
        if (v == null || v.isNull()) {
            problems.add(name + " is missing (" + what + ")");
            return Double.NaN;
        }
        if (!v.isNumber()) {
            problems.add(name + " must be a number (" + what + "), got " + v.getNodeType().name().toLowerCase());
            return Double.NaN;
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            problems.add(name + " is " + v.asText() + "; it must be " + what);
            return Double.NaN;
        }
        return d;
    }

    private static String string(JsonNode tree, String field, int max, boolean required, List<String> problems) {
        JsonNode v = tree.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add("\"" + field + "\" is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add("\"" + field + "\" must be a string, got " + v.getNodeType().name().toLowerCase());
            return null;
        }
        if (v.asText().length() > max) {
            problems.add("\"" + field + "\" is longer than " + max + " characters");
            return null;
        }
        return v.asText();
    }
}
