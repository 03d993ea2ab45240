package io.glint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.device.DeviceChange;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;

class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode read(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void a_done_turn_carries_intent_slots_card_and_changes_in_a_fixed_field_order() throws Exception {
        Intent intent = Intent.builder("lights.turn_on").text("turn on the kitchen light")
                .slot(new Slot("device", "device", "kitchen light", "kitchen.ceiling", List.of("kitchen.ceiling")))
                .build();
        Response response = new Response(ResponseStatus.DONE, null, "Turned on the kitchen light.",
                Card.of("Kitchen", "Ceiling light: on"), intent, "io.glint.skill.lights");
        Turn turn = new Turn("turn on the kitchen light", response,
                List.of(new DeviceChange("kitchen.ceiling", "on", false, true)), 3.4);

        String line = Json.write(Json.turn(turn));
        JsonNode json = read(line);

        assertEquals(List.of("text", "intent", "slots", "status", "code", "speech", "card", "changes", "ms"),
                keys(json));
        assertEquals("turn on the kitchen light", json.get("text").asText());
        assertEquals("lights.turn_on", json.get("intent").asText());
        JsonNode slot = json.get("slots").get("device");
        assertEquals(List.of("raw", "value", "candidates"), keys(slot));
        assertEquals("kitchen light", slot.get("raw").asText());
        assertEquals("kitchen.ceiling", slot.get("value").asText());
        assertEquals("kitchen.ceiling", slot.get("candidates").get(0).asText());
        assertEquals("DONE", json.get("status").asText());
        assertTrue(json.get("code").isNull());
        assertEquals("Turned on the kitchen light.", json.get("speech").asText());
        assertEquals("Kitchen", json.get("card").get("title").asText());
        assertEquals("Ceiling light: on", json.get("card").get("lines").get(0).asText());
        JsonNode change = json.get("changes").get(0);
        assertEquals(List.of("device", "attribute", "value"), keys(change));
        assertEquals("kitchen.ceiling", change.get("device").asText());
        assertEquals("on", change.get("attribute").asText());
        assertTrue(change.get("value").isBoolean() && change.get("value").asBoolean());
        assertEquals(3.4, json.get("ms").asDouble());
        assertTrue(!line.contains("\n"), "one object per line");
    }

    @Test
    void a_turn_nothing_understood_has_null_intent_empty_slots_and_no_card() throws Exception {
        Response response = new Response(ResponseStatus.NOT_UNDERSTOOD, null, "Sorry, I did not get that.", null,
                null, null);

        JsonNode json = read(Json.write(Json.turn(new Turn("blorp", response, List.of(), 0.2))));

        assertTrue(json.get("intent").isNull());
        assertTrue(json.get("slots").isObject() && json.get("slots").isEmpty());
        assertTrue(json.get("card").isNull());
        assertTrue(json.get("changes").isArray() && json.get("changes").isEmpty());
        assertEquals("NOT_UNDERSTOOD", json.get("status").asText());
    }

    @Test
    void a_failed_turn_names_its_failure_code() throws Exception {
        Response response = new Response(ResponseStatus.FAILED, FailureCode.NO_DEVICE,
                "There is no garage light.", null, Intent.builder("lights.turn_on").build(), "io.glint.skill.lights");

        JsonNode json = read(Json.write(Json.turn(new Turn("turn on the garage light", response, List.of(), 1))));

        assertEquals("FAILED", json.get("status").asText());
        assertEquals("NO_DEVICE", json.get("code").asText());
    }

    @Test
    void an_ambiguous_slot_has_a_null_value_and_every_candidate() throws Exception {
        Intent intent = Intent.builder("lights.turn_off")
                .slot(new Slot("device", "device", "lamp", null, List.of("bedroom.lamp", "living.lamp"))).build();

        JsonNode slot = read(Json.write(Json.parse("turn off the lamp", Optional.of(intent)))).get("slots")
                .get("device");

        assertTrue(slot.get("value").isNull());
        assertEquals(2, slot.get("candidates").size());
        assertEquals("living.lamp", slot.get("candidates").get(1).asText());
    }

    @Test
    void device_values_keep_their_json_type() {
        assertTrue(Json.value(42).isIntegralNumber());
        assertEquals(21.5, Json.value(21.5).asDouble());
        assertEquals("NaN", Json.value(Double.NaN).asText(), "NaN is not valid JSON, so it is written as text");
        assertEquals("DONE", Json.value(ResponseStatus.DONE).asText(), "enums by name");
        assertTrue(Json.value(true).isBoolean());
        assertTrue(Json.value(null).isNull());
        assertEquals("#ff0000", Json.value("#ff0000").asText());
        assertTrue(Json.value(List.of(1, 2)).isArray());
    }

    @Test
    void parse_result_has_text_intent_slots_and_confidence() throws Exception {
        Intent intent = Intent.builder("lights.turn_on").confidence(0.87).slot("room", "room", "kitchen").build();

        JsonNode json = read(Json.write(Json.parse("kitchen lights on", Optional.of(intent))));

        assertEquals(List.of("text", "intent", "slots", "confidence"), keys(json));
        assertEquals("lights.turn_on", json.get("intent").asText());
        assertEquals("kitchen", json.get("slots").get("room").get("value").asText());
        assertEquals(0.87, json.get("confidence").asDouble());
    }

    @Test
    void parse_result_when_nothing_is_understood_has_nulls_and_empty_slots() throws Exception {
        JsonNode json = read(Json.write(Json.parse("sing me a song", Optional.empty())));

        assertTrue(json.get("intent").isNull());
        assertTrue(json.get("confidence").isNull());
        assertTrue(json.get("slots").isEmpty());
    }
}
