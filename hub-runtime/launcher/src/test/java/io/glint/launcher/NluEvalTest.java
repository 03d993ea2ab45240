package io.glint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.Utterance;
import io.glint.launcher.NluFigures.IntentFigures;
import io.glint.launcher.NluFigures.SlotFigures;
import io.glint.launcher.NluScore.Outcome;
import picocli.CommandLine;

class NluEvalTest {
    private static final Set<String> INSTALLED = Set.of("light.set_brightness", "light.turn_off", "light.turn_on",
            "device.turn_off");
    private static final String TSV = String.join("\n",
            "#text\tintent\tslots\tlang\tsource",
            "dim the lamp\tlight.set_brightness\t[{\"type\": \"device_type\", \"value\": \"lamp\"}]\ten\tt:1",
            "switch the den lights off\tlight.turn_off\t[{\"type\": \"house_place\", \"value\": \"Den\"}]\ten\tt:2",
            "",
            "stop the fan in the den\tdevice.turn_off\t[{\"type\": \"device_type\", \"value\": \"fan\"}, "
                    + "{\"type\": \"house_place\", \"value\": \"den\"}, "
                    + "{\"type\": \"date\", \"value\": \"now\"}]\ten\tt:3",
            "order a cab to the station\ttaxi.book\t\ten\tt:4",
            "tell a joke in the kitchen\tnone\t[{\"type\": \"house_place\", \"value\": \"kitchen\"}]\ten\tt:5",
            "多少钱一张票\tnone\t\tzh\tt:6") + "\n";

    /** What a hub could understand in each row of {@link #TSV}, and how long it took (ms). */
    private static final Map<String, Optional<Intent>> UNDERSTOOD = new HashMap<>();
    static {
        understood("dim the lamp", intent("light.set_brightness", 0.8, slot("device", "device", "lamp")));
        // wrong intent, but the room is right: the annotation says "Den"
        understood("switch the den lights off", intent("light.turn_on", 1, slot("room", "room", " den ")));
        understood("stop the fan in the den", intent("device.turn_off", 0.6, slot("room", "room", "hall")));
        understood("order a cab to the station", intent("dialog.confirm", 1));
        understood("tell a joke in the kitchen", intent("light.turn_on", 0.4, slot("room", "room", "kitchen")));
        UNDERSTOOD.put("多少钱一张票", Optional.empty());
    }

    @TempDir
    Path dir;

    private static void understood(String text, Intent intent) {
        UNDERSTOOD.put(text, Optional.of(intent));
    }

    private static Intent intent(String name, double confidence, Slot... slots) {
        Intent.Builder b = Intent.builder(name).confidence(confidence);
        for (Slot s : slots) {
            b.slot(s);
        }
        return b.build();
    }

    private static Slot slot(String name, String type, String raw) {
        return Slot.of(name, type, raw, raw.strip());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<Outcome> outcomes() throws Exception {
        EvalSet set = EvalSet.read(write("home.tsv", TSV));
        NluScore score = new NluScore(INSTALLED);
        List<Outcome> outcomes = new ArrayList<>();
        long ms = 1;
        for (EvalSet.Row row : set.rows()) {
            outcomes.add(score.outcome(row, UNDERSTOOD.get(row.text()), ms++ * 1_000_000));
        }
        return outcomes;
    }

    @Test
    void rows_are_read_with_their_slots_and_language_skipping_the_header_and_blank_lines() throws Exception {
        EvalSet set = EvalSet.read(write("home.tsv", TSV));

        assertEquals(6, set.rows().size());
        EvalSet.Row fan = set.rows().get(2);
        assertEquals(5, fan.line());
        assertEquals("device.turn_off", fan.intent());
        assertEquals(new EvalSet.GoldSlot("house_place", "den"), fan.slots().get(1));
        assertEquals(3, fan.slots().size());
        assertEquals("zh", set.rows().get(5).lang());
        assertTrue(set.rows().get(3).slots().isEmpty());
        assertEquals(0, set.relabelledRows());
        EvalSet wide = EvalSet.read(write("wide.tsv", "make the lamp glow\tlamp_on\t\ten\tt:1\tlight.turn_on\n"
                + "order a cab to the station\tnone\t\ten\tt:2\n"
                + "book me a ride\tuber\t\ten\tt:3\tOOS\n"
                + "what's the hour\ttime\t\ten\tt:4\tBORDER:info.datetime\n"
                + "fix the lamp\tlamp_repair\t\ten\tt:5\t\n"));
        assertEquals(3, wide.relabelledRows(), "rows with a label in column 6 are counted, to note");
        assertEquals(List.of("light.turn_on", "none", "none", "info.datetime", "lamp_repair"),
                wide.rows().stream().map(EvalSet.Row::intent).toList(), "column 6 wins where it is filled");
    }

    @Test
    void an_intent_no_installed_skill_declares_is_gold_none_and_dialog_answers_predict_none() throws Exception {
        NluScore score = new NluScore(INSTALLED);
        EvalSet.Row taxi = new EvalSet.Row(1, "order a cab to the station", "taxi.book", List.of(), "en");

        assertEquals("none", score.gold(taxi));
        assertEquals("light.turn_on", score.gold(new EvalSet.Row(2, "x", "light.turn_on", List.of(), "en")));
        assertEquals("none", NluScore.predicted(Optional.of(intent("dialog.cancel", 1))));
        assertEquals("none", NluScore.predicted(Optional.empty()));
        assertEquals("light.turn_on", NluScore.predicted(Optional.of(intent("light.turn_on", 1))));
        Outcome outcome = score.outcome(taxi, Optional.of(intent("dialog.confirm", 0.9)), 5);
        assertEquals(0, outcome.score(), "a prediction that counts as none scores 0");
    }

    @Test
    void accuracy_is_over_in_scope_rows_and_false_acceptance_over_none_rows() throws Exception {
        NluFigures f = NluFigures.of(outcomes());

        assertEquals(6, f.rows());
        assertEquals(3, f.inScope());
        assertEquals(2, f.correct());
        assertEquals(2.0 / 3, f.accuracy(), 1e-9);
        assertEquals(3, f.noneRows(), "taxi.book is not installed, so that row is a none row");
        assertEquals(1, f.falseAccepts(), "the joke got an intent; the dialog answer to the taxi row does not count");
        assertEquals(1.0 / 3, f.falseAcceptance(), 1e-9);
    }

    @Test
    void each_intent_gold_or_predicted_gets_precision_recall_and_support() throws Exception {
        NluFigures f = NluFigures.of(outcomes());

        assertEquals(List.of("device.turn_off", "light.set_brightness", "light.turn_off", "light.turn_on"),
                f.intents().stream().map(IntentFigures::intent).toList());
        IntentFigures on = f.intent("light.turn_on");
        assertEquals(0, on.support());
        assertEquals(2, on.predicted());
        assertEquals(0, on.precision());
        assertTrue(Double.isNaN(on.recall()), "no gold row: recall is not measured, not 0");
        assertEquals(0, on.f1());
        IntentFigures off = f.intent("light.turn_off");
        assertEquals(1, off.support());
        assertEquals(0, off.recall());
        IntentFigures dim = f.intent("light.set_brightness");
        assertEquals(1.0, dim.precision());
        assertEquals(1.0, dim.recall());
        assertEquals(1.0, dim.f1());
        assertNull(f.intent("taxi.book"));
        assertNull(f.intent("dialog.confirm"));
    }

    @Test
    void room_and_device_slots_compare_the_words_said_ignoring_case_and_surrounding_spaces() throws Exception {
        NluFigures f = NluFigures.of(outcomes());

        SlotFigures room = f.slot("room");
        assertEquals(2, room.rows());
        assertEquals(2, room.gold());
        assertEquals(2, room.predicted(), "the kitchen annotated and said in a none row is left out");
        assertEquals(1, room.correct(), "\" den \" matches \"Den\", \"hall\" matches nothing");
        assertEquals(0.5, room.f1(), 1e-9);
        SlotFigures device = f.slot("device");
        assertEquals(2, device.gold());
        assertEquals(1, device.predicted());
        assertEquals(1.0, device.precision());
        assertEquals(0.5, device.recall());
        assertEquals(2.0 / 3, device.f1(), 1e-9);
    }

    @Test
    void each_gold_slot_matches_one_predicted_slot_only() {
        Outcome twice = new Outcome("dim the lamp", "light.set_brightness", "light.set_brightness", 1,
                Map.of("room", List.of(), "device", List.of("lamp")),
                Map.of("room", List.of(), "device", List.of("lamp", "lamp")), 1, false);

        SlotFigures device = NluFigures.of(List.of(twice)).slot("device");
        assertEquals(2, device.predicted());
        assertEquals(1, device.correct());
        assertEquals(0.5, device.precision());
        SlotFigures room = NluFigures.of(List.of(twice)).slot("room");
        assertEquals(0, room.rows());
        assertTrue(Double.isNaN(room.f1()), "no room annotated: room F1 is not measured, not 0");
    }

    @Test
    void latency_percentiles_are_nearest_rank_in_milliseconds() throws Exception {
        NluFigures f = NluFigures.of(outcomes());

        assertEquals(3.0, f.p50Ms(), 1e-9);
        assertEquals(6.0, f.p99Ms(), 1e-9);
        assertEquals(0, NluFigures.percentileMs(new long[0], 50));
    }

    @Test
    void the_predictions_file_has_one_line_per_row_with_the_mapped_gold_and_the_score() throws Exception {
        Path out = dir.resolve("predictions.tsv");
        NluReport.writePredictions(out, outcomes());

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(7, lines.size());
        assertEquals(NluReport.PREDICTIONS_HEADER, lines.get(0));
        assertEquals("dim the lamp\tlight.set_brightness\tlight.set_brightness\t0.8000", lines.get(1));
        assertEquals("order a cab to the station\tnone\tnone\t0.0000", lines.get(4));
        assertEquals("多少钱一张票\tnone\tnone\t0.0000", lines.get(6));
    }

    /** Understands from {@link #UNDERSTOOD}; throws for one text; records what it heard. */
    private static final class FakeAssistant implements Assistant {
        final List<Utterance> heard = new ArrayList<>();

        @Override
        public Response handle(Utterance utterance) {
            throw new UnsupportedOperationException("nlu-eval never acts");
        }

        @Override
        public Optional<Intent> understand(Utterance utterance) {
            heard.add(utterance);
            if (utterance.text().startsWith("tell a joke")) {
                throw new IllegalStateException("model exploded");
            }
            return UNDERSTOOD.get(utterance.text());
        }

        @Override
        public Set<String> intents() {
            return INSTALLED;
        }
    }

    @Test
    void the_run_warms_up_then_scores_every_file_and_counts_failures_as_nothing_understood() throws Exception {
        EvalSet first = EvalSet.read(write("a.tsv", TSV));
        EvalSet second = EvalSet.read(write("b.tsv",
                "#text\tintent\tslots\tlang\norder a cab to the station\ttaxi.book\t\t\n"));
        FakeAssistant assistant = new FakeAssistant();

        NluEvaluation.Result result = NluEvaluation.run(assistant, List.of(first, second));

        assertEquals(3 * 7, assistant.heard.size(), "7 rows, all among the 20 warm-up rows: twice untimed, then timed");
        assertEquals("nlu-eval", assistant.heard.get(0).wearer());
        assertEquals("zh", assistant.heard.get(5).lang());
        assertNull(assistant.heard.get(6).lang(), "an empty lang column lets the hub tell");
        assertEquals(2, result.files().size());
        assertEquals(6, result.files().get(0).figures().rows());
        assertEquals(7, result.overall().rows());
        assertEquals(4, result.overall().noneRows());
        assertEquals(1, result.overall().failures());
        assertEquals(0, result.overall().falseAccepts(), "the row that threw understood nothing");
        assertTrue(result.firstFailure().startsWith("a.tsv:7: model exploded"), result.firstFailure());
        assertEquals(List.copyOf(new java.util.TreeSet<>(INSTALLED)), result.installed());
    }

    @Test
    void the_table_and_the_json_carry_the_same_figures() throws Exception {
        EvalSet set = EvalSet.read(write("home.tsv", TSV));
        NluEvaluation.Result result = new NluEvaluation.Result(List.copyOf(INSTALLED),
                List.of(new NluEvaluation.FileResult(set, outcomes(), NluFigures.of(outcomes()))), outcomes(),
                NluFigures.of(outcomes()), null);

        String table = NluReport.plain(result);
        assertTrue(table.contains("== home.tsv"), table);
        assertTrue(table.contains("in-scope accuracy    66.7 %  (2/3)"), table);
        assertTrue(table.contains("false acceptance     33.3 %  (1/3 none rows got an intent)"), table);
        assertTrue(table.matches("(?s).*\\bdevice \\(2\\)\\s+2\\s+1\\s+1\\s+100\\.0\\s+50\\.0\\s+66\\.7\\b.*"), table);
        assertTrue(table.matches("(?s).*\\blight\\.turn_on\\s+0\\s+2\\s+0\\s+0\\.0\\s+-\\s+0\\.0\\b.*"), table);

        JsonNode json = new ObjectMapper().readTree(Json.write(NluReport.json(result)));
        JsonNode file = json.get("files").get(0);
        assertEquals(0.6667, file.get("accuracy").asDouble(), 1e-9);
        assertEquals(0.3333, json.get("overall").get("false_acceptance").asDouble(), 1e-9);
        assertEquals(2, file.get("slots").get("room").get("predicted").asInt());
        assertEquals("light.turn_on", file.get("intents").get(3).get("intent").asText());
        assertEquals(2, file.get("intents").get(3).get("predicted").asInt());
        assertTrue(file.get("intents").get(3).get("recall").isNull(), "light.turn_on is never gold");
        assertEquals(0.0, file.get("intents").get(3).get("precision").asDouble(-1), 1e-9);
        assertEquals(6.0, file.get("latency_ms").get("p99").asDouble(), 1e-9);
        assertEquals(4, json.get("intents_in_scope").size());
    }

    @Test
    void a_short_row_is_named_by_file_and_line_with_the_columns_expected() throws Exception {
        Path file = write("short.tsv", "#text\tintent\tslots\tlang\tsource\n"
                + "dim the lamp\tlight.set_brightness\t\ten\n" + "order a cab to the station\ttaxi.book\t[]\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalSet.read(file));
        assertTrue(e.getMessage().startsWith(file + ":3: 3 columns, expected at least 4 tab-separated columns: "
                + "text, intent, slots, lang"), e.getMessage());
    }

    @Test
    void a_missing_an_empty_or_a_header_only_file_and_bad_slots_are_refused_clearly() throws Exception {
        Path missing = dir.resolve("nowhere.tsv");
        assertEquals(missing + ": no such file",
                assertThrows(IllegalArgumentException.class, () -> EvalSet.read(missing)).getMessage());
        for (String content : List.of("", "#text\tintent\tslots\tlang\tsource\n\n")) {
            Path empty = write("empty.tsv", content);
            String message = assertThrows(IllegalArgumentException.class, () -> EvalSet.read(empty)).getMessage();
            assertTrue(message.startsWith(empty + ": no rows to evaluate"), message);
        }
        Path badSlots = write("slots.tsv", "dim the lamp\tlight.set_brightness\t{\"type\": \"device\"}\ten\n");
        String message = assertThrows(IllegalArgumentException.class, () -> EvalSet.read(badSlots)).getMessage();
        assertTrue(message.startsWith(badSlots + ":1: the slots column is not a JSON array"), message);
    }

    @Test
    void the_command_refuses_bad_input_with_exit_code_2_before_booting() throws Exception {
        Files.createDirectories(dir.resolve("home/bundle"));
        Path good = write("home.tsv", TSV);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));

        int code = cl.execute("nlu-eval", "--home", dir.resolve("home").toString(), good.toString(),
                dir.resolve("nowhere.tsv").toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains(dir.resolve("nowhere.tsv") + ": no such file"), err.toString());
        assertEquals(2, cl.execute("nlu-eval"), "at least one FILE is required");
        assertTrue(Main.commandLine().getSubcommands().containsKey("nlu-eval"));
    }
}
