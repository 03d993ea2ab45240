package io.glint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.device.DeviceChange;
import io.glint.api.skill.Intent;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

class ConversationTest {

    /** Turns the kitchen light on for "turn on …", understands nothing else; reports changes like a driver. */
    static final class FakeAssistant implements Assistant {
        @Override
        public java.util.Set<String> modelLanguages() {
            return java.util.Set.of();
        }

        @Override
        public java.util.Set<String> intents() {
            return java.util.Set.of();
        }

        final List<Utterance> heard = new ArrayList<>();
        final ChangeRecorder listener;
        boolean throwing;

        FakeAssistant(ChangeRecorder listener) {
            this.listener = listener;
        }

        @Override
        public Response handle(Utterance utterance) {
            heard.add(utterance);
            if (throwing) {
                throw new IllegalStateException("dispatcher exploded");
            }
            if (utterance.text().startsWith("turn on")) {
                listener.deviceChanged(new DeviceChange("kitchen.ceiling", "on", false, true));
                return new Response(ResponseStatus.DONE, null, "Turned on the kitchen light.", null,
                        Intent.builder("lights.turn_on").text(utterance.text()).build(), "io.glint.skill.lights");
            }
            return new Response(ResponseStatus.NOT_UNDERSTOOD, null, "Sorry, I did not get that.", null, null, null);
        }

        @Override
        public Optional<Intent> understand(Utterance utterance) {
            return Optional.empty();
        }
    }

    private final ChangeRecorder recorder = new ChangeRecorder();
    private final FakeAssistant assistant = new FakeAssistant(recorder);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private int run(TurnPrinter printer, String input) throws Exception {
        return new Conversation(assistant, recorder, printer).run(new BufferedReader(new StringReader(input)));
    }

    private List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void json_mode_prints_one_object_per_utterance_and_skips_blank_lines_and_comments() throws Exception {
        int turns = run(new JsonTurnPrinter(out), "# a scripted demo\n\n   \nturn on the kitchen light\n"
                + "  # indented comment\nsing me a song\n");

        assertEquals(2, turns);
        List<String> lines = lines();
        assertEquals(2, lines.size(), "exactly one line per utterance: " + lines);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("turn on the kitchen light", first.get("text").asText());
        assertEquals("DONE", first.get("status").asText());
        assertEquals("kitchen.ceiling", first.get("changes").get(0).get("device").asText());
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertEquals("NOT_UNDERSTOOD", second.get("status").asText());
        assertTrue(second.get("changes").isEmpty(), "changes belong to the turn that caused them");
    }

    @Test
    void utterances_come_from_the_console_wearer_with_surrounding_spaces_removed() throws Exception {
        run(new JsonTurnPrinter(out), "  turn on the kitchen light\t\n");

        Utterance heard = assistant.heard.get(0);
        assertEquals("turn on the kitchen light", heard.text());
        assertEquals("console", heard.wearer());
        assertNull(heard.lang());
        assertNull(heard.room());
    }

    @Test
    void changes_reported_outside_a_turn_are_not_attributed_to_it() throws Exception {
        recorder.deviceChanged(new DeviceChange("hall.lamp", "on", true, false));

        Turn turn = new Conversation(assistant, recorder, t -> { }).say("turn on the kitchen light");
        recorder.deviceChanged(new DeviceChange("hall.lamp", "on", false, true));

        assertEquals(List.of(new DeviceChange("kitchen.ceiling", "on", false, true)), turn.changes());
    }

    @Test
    void an_assistant_that_throws_still_gets_one_failed_line_and_the_demo_goes_on() throws Exception {
        assistant.throwing = true;
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            run(new JsonTurnPrinter(out), "turn on the kitchen light\nturn on the kitchen light\n");
        } finally {
            System.setErr(stderr);
        }

        List<String> lines = lines();
        assertEquals(2, lines.size());
        JsonNode json = new ObjectMapper().readTree(lines.get(0));
        assertEquals("FAILED", json.get("status").asText());
        assertTrue(json.get("speech").asText().contains("dispatcher exploded"), json.toString());
    }

    @Test
    void plain_mode_prints_the_answer_and_one_line_per_change() throws Exception {
        run(new PlainTurnPrinter(out, false), "turn on the kitchen light\n");

        assertEquals(List.of("glint> Turned on the kitchen light.", "  kitchen.ceiling: on false -> true"), lines());
    }

    @Test
    void the_prompt_appears_only_at_an_interactive_console() throws Exception {
        run(new PlainTurnPrinter(out, false), "sing me a song\n");
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains(PlainTurnPrinter.PROMPT));

        bytes.reset();
        run(new PlainTurnPrinter(out, true), "sing me a song\n");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(PlainTurnPrinter.PROMPT + "glint> Sorry"), text);
        assertEquals(2, text.split(PlainTurnPrinter.PROMPT, -1).length - 1, "one prompt per line read, plus the first");
    }

    @Test
    void comment_detection() {
        assertTrue(Conversation.isComment(""));
        assertTrue(Conversation.isComment("# turn on the light"));
        assertFalse(Conversation.isComment("turn on the light # not a comment"));
    }
}
