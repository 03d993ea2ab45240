package io.glint.launcher;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glint.api.device.DeviceChange;
import io.glint.api.skill.Card;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Response;

/** The --json forms of a demo turn and of a parse result: one object per line, fields in a fixed order. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** {"text","intent","slots","status","code","speech","card","changes","ms"} */
    static ObjectNode turn(Turn turn) {
        Response r = turn.response();
        ObjectNode o = NODES.objectNode();
        o.put("text", turn.text());
        o.put("intent", r.intent() == null ? null : r.intent().name());
        o.set("slots", slots(r.intent()));
        o.put("status", r.status().name());
        o.put("code", r.code() == null ? null : r.code().name());
        o.put("speech", r.speech());
        o.set("card", card(r.card()));
        ArrayNode changes = o.putArray("changes");
        for (DeviceChange c : turn.changes()) {
            ObjectNode change = changes.addObject();
            change.put("device", c.deviceId());
            change.put("attribute", c.attribute());
            change.set("value", value(c.newValue()));
        }
        o.put("ms", turn.millis());
        return o;
    }

    /** {"text","intent","slots","confidence"}; intent and confidence are null when nothing was understood. */
    static ObjectNode parse(String text, Optional<Intent> understood) {
        ObjectNode o = NODES.objectNode();
        o.put("text", text);
        o.put("intent", understood.map(Intent::name).orElse(null));
        o.set("slots", slots(understood.orElse(null)));
        if (understood.isPresent()) {
            o.put("confidence", understood.get().confidence());
        } else {
            o.putNull("confidence");
        }
        return o;
    }

    static ObjectNode slots(Intent intent) {
        ObjectNode slots = NODES.objectNode();
        if (intent != null) {
            for (Slot s : intent.slots().values()) {
                ObjectNode slot = slots.putObject(s.name());
                slot.put("raw", s.raw());
                slot.put("value", s.value());
                ArrayNode candidates = slot.putArray("candidates");
                s.candidates().forEach(candidates::add);
            }
        }
        return slots;
    }

    static JsonNode card(Card card) {
        if (card == null) {
            return NODES.nullNode();
        }
        ObjectNode o = NODES.objectNode();
        o.put("title", card.title());
        ArrayNode lines = o.putArray("lines");
        card.lines().forEach(lines::add);
        return o;
    }

    /** A device value as JSON: booleans, numbers and strings as themselves, enums by name, anything else as text. */
    static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(String.valueOf(d));
        }
        if (v instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (v instanceof Collection<?> items) {
            ArrayNode a = NODES.arrayNode();
            items.forEach(item -> a.add(value(item)));
            return a;
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, item) -> o.set(String.valueOf(k), value(item)));
            return o;
        }
        return NODES.textNode(v.toString());
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }
}
