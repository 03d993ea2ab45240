package io.glint.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.glint.api.voice.Assistant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "nlu-eval", mixinStandardHelpOptions = true,
        description = { "Scores what the hub understands against labelled utterances, without acting on them.",
                "Each FILE is tab-separated with a #text intent slots lang source header: the utterance, its "
                        + "intent (or none), its slots as a JSON array of {\"type\",\"value\"} (or empty), its "
                        + "language (en, zh, or empty) and where it comes from.",
                "A row whose intent no installed skill declares counts as none; a prediction of the hub's own "
                        + "dialog.* intents, or nothing understood, counts as none.",
                "Prints, per file and overall: in-scope accuracy, false acceptance on none rows, precision, "
                        + "recall and F1 per intent, slot F1 for rooms and devices, and p50/p99 latency of "
                        + "understand (after understanding the first " + NluEvaluation.WARM_UP_ROWS
                        + " rows twice, untimed).",
                "Slot F1 covers the in-scope rows whose annotation has a room or device slot. Annotated types "
                        + "room and house_place (HWU64) count as room, device and device_type (HWU64) as device; "
                        + "the hub's room and device slots are compared by the words said (case-insensitive, "
                        + "trimmed) with the annotation's value." })
final class NluEvalCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Evaluation files (.tsv).")
    List<Path> files;

    @Option(names = "--predictions", paramLabel = "OUT.tsv",
            description = "Also write text, gold (after the none-mapping), predicted and score (the intent's "
                    + "confidence, 0 for none) for every row, tab-separated.")
    Path predictions;

    @Option(names = "--json", description = "Print one JSON document with the same figures (ratios 0-1, ms).")
    boolean json;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<EvalSet> sets = readAll();
        if (predictions != null && (Files.isDirectory(predictions) || !Files.isDirectory(
                predictions.toAbsolutePath().getParent()))) {
            throw new ParameterException(spec.commandLine(), "--predictions " + predictions
                    + ": not a file in an existing folder");
        }
        PrintStream answers = Output.claimStdout();
        Output.configureLogging(false, main.logLevel, "warn");
        Home home = main.home();
        NluEvaluation.Result result;
        long start = System.nanoTime();
        try (Hub hub = Hub.boot(home, false)) {
            Assistant assistant = Main.awaitReady(hub);
            start = System.nanoTime();
            result = NluEvaluation.run(assistant, sets);
        }
        System.err.printf("nlu-eval: %d rows from %d file%s understood in %d ms%n", result.overall().rows(),
                sets.size(), sets.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1_000_000);
        if (result.firstFailure() != null) {
            System.err.println("nlu-eval: understand failed on " + result.overall().failures() + " rows, first "
                    + result.firstFailure());
        }
        if (predictions != null) {
            NluReport.writePredictions(predictions, result.outcomes());
        }
        answers.print(json ? Json.write(NluReport.json(result)) + System.lineSeparator() : NluReport.plain(result));
        answers.flush();
        return 0;
    }

    /** Every file, before the hub boots: bad input fails in a moment, not after the boot. */
    private List<EvalSet> readAll() {
        List<EvalSet> sets = new ArrayList<>();
        for (Path file : files) {
            try {
                EvalSet set = EvalSet.read(file);
                if (set.relabelledRows() > 0) {
                    System.err.println("nlu-eval: " + file + ": " + set.relabelledRows() + " rows are relabelled in "
                            + "column 6 (column 2 holds their source's own label) and are scored by it: OOS as none, "
                            + "BORDER:x as x");
                }
                sets.add(set);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return sets;
    }
}
