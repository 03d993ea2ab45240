package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Capability;
import io.glint.nlu.InvalidSkillSpecException;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.SkillSpecs;

class SkillSpecsTest {

    private static SkillSpec read(String json) {
        return SkillSpecs.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "garden.json");
    }

    private static String error(String json) {
        return assertThrows(InvalidSkillSpecException.class, () -> read(json)).getMessage();
    }

    @Test
    void a_minimal_definition_is_read() {
        SkillSpec spec = read("""
                {"grants": ["on_off"], "intents": [{"name": "acme.garden.water", "slots": {"minutes": "number"},
                 "en": {"templates": ["water the garden for {minutes} minutes"], "examples": ["give the plants a drink"]}}]}
                """);
        assertEquals(1, spec.intents().size());
        assertTrue(spec.grants().contains(Capability.ON_OFF));
        assertEquals("number", spec.intents().get(0).slots().get("minutes"));
    }

    @Test
    void errors_name_the_file_the_intent_and_what_to_do() {
        assertTrue(error("{\"intents\": [").contains("garden.json is not valid JSON"));
        assertTrue(error("{}").contains("\"intents\" must be a non-empty array"));
        assertTrue(error("{\"intents\": [{\"name\": \"Water\"}]}").contains("intent name \"Water\" is not valid"));
        String undeclared = error("{\"intents\": [{\"name\": \"acme.water\", \"en\": {\"templates\": [\"water {zone}\"]}}]}");
        assertTrue(undeclared.contains("intent acme.water") && undeclared.contains("{zone} is not declared"),
                undeclared);
        assertTrue(error("{\"grants\": [\"TELEPORT\"], \"intents\": []}").contains("unknown capability \"TELEPORT\""));
        assertTrue(error("{\"intents\": [{\"name\": \"acme.water\", \"slots\": {\"z\": \"zone\"}, "
                + "\"en\": {\"templates\": [\"water\"]}}]}").contains("unknown type \"zone\""));
        assertTrue(error("{\"intents\": [{\"name\": \"acme.water\", \"fr\": {\"templates\": [\"arrose\"]}}]}")
                .contains("unknown field \"fr\""));
        assertTrue(error("{\"intents\": [{\"name\": \"acme.water\", \"en\": {\"templates\": [\"a\"]}},"
                + "{\"name\": \"acme.water\", \"en\": {\"templates\": [\"b\"]}}]}").contains("declared twice"));
    }
}
