package io.glint.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glint.launcher.NluEvaluation.FileResult;
import io.glint.launcher.NluEvaluation.Result;
import io.glint.launcher.NluFigures.IntentFigures;
import io.glint.launcher.NluFigures.SlotFigures;
import io.glint.launcher.NluScore.Outcome;

/** The nlu-eval figures as a table, as one JSON document, and the per-row predictions file. */
final class NluReport {
    static final String PREDICTIONS_HEADER = "#text\tgold\tpredicted\tscore";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NL = System.lineSeparator();

    private NluReport() {
    }

    static String plain(Result result) {
        StringBuilder sb = new StringBuilder();
        sb.append("Intents in scope (declared by the installed skills): ").append(result.installed().size())
                .append(NL);
        for (FileResult file : result.files()) {
            sb.append(NL).append("== ").append(file.set().name()).append(NL);
            table(sb, file.figures());
        }
        if (result.files().size() > 1) {
            sb.append(NL).append("== overall (").append(result.files().size()).append(" files)").append(NL);
            table(sb, result.overall());
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, NluFigures f) {
        sb.append(format("rows %d, in scope %d, none %d%s%n", f.rows(), f.inScope(), f.noneRows(),
                f.failures() == 0 ? "" : ", understand failed on " + f.failures()));
        sb.append(format("in-scope accuracy  %8s  (%d/%d)%n", percent(f.accuracy()), f.correct(), f.inScope()));
        sb.append(format("false acceptance   %8s  (%d/%d none rows got an intent)%n",
                percent(f.falseAcceptance()), f.falseAccepts(), f.noneRows()));
        sb.append(format("latency            p50 %.3f ms, p99 %.3f ms%n", f.p50Ms(), f.p99Ms()));
        int width = Math.max(22, f.intents().stream().mapToInt(i -> i.intent().length()).max().orElse(0));
        String row = "%-" + width + "s %7s %9s %7s %9s %6s %5s%n";
        sb.append(format(row, "intent", "support", "predicted", "correct", "precision", "recall", "F1"));
        for (IntentFigures i : f.intents()) {
            sb.append(format(row, i.intent(), i.support(), i.predicted(), i.correct(), pct(i.precision()),
                    pct(i.recall()), pct(i.f1())));
        }
        sb.append(format(row, "slot (rows)", "gold", "predicted", "correct", "precision", "recall", "F1"));
        for (SlotFigures s : f.slots()) {
            sb.append(format(row, s.kind() + " (" + s.rows() + ")", s.gold(), s.predicted(), s.correct(),
                    pct(s.precision()), pct(s.recall()), pct(s.f1())));
        }
    }

    /**
     * {"intents_in_scope", "files": [figures + "file"], "overall": figures}; ratios 0–1, null where there was
     * nothing to measure (no none rows, an intent never predicted…), times in ms.
     */
    static ObjectNode json(Result result) {
        ObjectNode o = NODES.objectNode();
        ArrayNode installed = o.putArray("intents_in_scope");
        result.installed().forEach(installed::add);
        ArrayNode files = o.putArray("files");
        for (FileResult file : result.files()) {
            ObjectNode f = files.addObject();
            f.put("file", file.set().file().toString());
            figures(f, file.figures());
        }
        figures(o.putObject("overall"), result.overall());
        return o;
    }

    private static void figures(ObjectNode o, NluFigures f) {
        o.put("rows", f.rows());
        o.put("in_scope", f.inScope());
        o.put("none_rows", f.noneRows());
        o.put("correct", f.correct());
        ratio(o, "accuracy", f.accuracy());
        o.put("false_accepts", f.falseAccepts());
        ratio(o, "false_acceptance", f.falseAcceptance());
        o.put("failures", f.failures());
        ArrayNode intents = o.putArray("intents");
        for (IntentFigures i : f.intents()) {
            ObjectNode n = intents.addObject();
            n.put("intent", i.intent());
            n.put("support", i.support());
            n.put("predicted", i.predicted());
            n.put("correct", i.correct());
            ratio(n, "precision", i.precision());
            ratio(n, "recall", i.recall());
            ratio(n, "f1", i.f1());
        }
        ObjectNode slots = o.putObject("slots");
        for (SlotFigures s : f.slots()) {
            ObjectNode n = slots.putObject(s.kind());
            n.put("rows", s.rows());
            n.put("gold", s.gold());
            n.put("predicted", s.predicted());
            n.put("correct", s.correct());
            ratio(n, "precision", s.precision());
            ratio(n, "recall", s.recall());
            ratio(n, "f1", s.f1());
        }
        ObjectNode latency = o.putObject("latency_ms");
        latency.put("p50", Math.round(f.p50Ms() * 1000) / 1000.0);
        latency.put("p99", Math.round(f.p99Ms() * 1000) / 1000.0);
    }

    /** One line per row: text, gold (after the none-mapping), predicted, score (confidence, 0 for none). */
    static void writePredictions(Path out, List<Outcome> outcomes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(PREDICTIONS_HEADER);
            w.newLine();
            for (Outcome o : outcomes) {
                w.write(String.join("\t", o.text(), o.gold(), o.predicted(), format("%.4f", o.score())));
                w.newLine();
            }
        }
    }

    /** A table cell: percent with one decimal, or - when not measured. */
    private static String pct(double ratio) {
        return Double.isNaN(ratio) ? "-" : format("%.1f", 100 * ratio);
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : pct(ratio) + " %";
    }

    private static void ratio(ObjectNode o, String key, double ratio) {
        if (Double.isNaN(ratio)) {
            o.putNull(key);
        } else {
            o.put(key, Math.round(ratio * 10_000) / 10_000.0);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
