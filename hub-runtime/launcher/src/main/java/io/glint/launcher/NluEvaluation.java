package io.glint.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.glint.api.skill.Intent;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Utterance;
import io.glint.launcher.NluScore.Outcome;

/** Has the hub understand every row of the evaluation sets, timing each call once the JIT has warmed up. */
final class NluEvaluation {
    /**
     * The first rows are understood twice, untimed, before anything is measured: a running hub has long compiled
     * its understanding code (the quick compiler alone takes a few hundred varied sentences to reach every path:
     * templates, slot types, both models), and the figure is meant to be that hub's, not a cold start's. Nothing
     * is kept between calls, so warming up on the rows does not help their answers.
     */
    static final int WARM_UP_ROWS = 300;
    static final String WEARER = "nlu-eval";

    /** The outcomes and figures of one file. */
    record FileResult(EvalSet set, List<Outcome> outcomes, NluFigures figures) {
    }

    /**
     * @param installed    the intents in scope ({@link Assistant#intents()} when the run began)
     * @param firstFailure what {@code understand} threw first, or null
     */
    record Result(List<String> installed, List<FileResult> files, List<Outcome> outcomes, NluFigures overall,
            String firstFailure) {
    }

    private NluEvaluation() {
    }

    static Result run(Assistant assistant, List<EvalSet> sets) {
        List<String> installed = List.copyOf(new java.util.TreeSet<>(assistant.intents()));
        NluScore score = new NluScore(assistant.intents());
        List<EvalSet.Row> warmUp = sets.stream().flatMap(s -> s.rows().stream()).limit(WARM_UP_ROWS).toList();
        for (int pass = 0; pass < 2; pass++) {
            for (EvalSet.Row row : warmUp) {
                try {
                    understand(assistant, row);
                } catch (RuntimeException e) {
                    // reported when the row is understood for real
                }
            }
        }
        String firstFailure = null;
        List<FileResult> files = new ArrayList<>();
        List<Outcome> all = new ArrayList<>();
        for (EvalSet set : sets) {
            List<Outcome> outcomes = new ArrayList<>();
            for (EvalSet.Row row : set.rows()) {
                long start = System.nanoTime();
                try {
                    Optional<Intent> understood = understand(assistant, row);
                    outcomes.add(score.outcome(row, understood, System.nanoTime() - start));
                } catch (RuntimeException e) {
                    outcomes.add(score.failure(row, System.nanoTime() - start));
                    if (firstFailure == null) {
                        firstFailure = set.name() + ":" + row.line() + ": " + Hub.message(e);
                    }
                }
            }
            files.add(new FileResult(set, List.copyOf(outcomes), NluFigures.of(outcomes)));
            all.addAll(outcomes);
        }
        return new Result(installed, List.copyOf(files), List.copyOf(all), NluFigures.of(all), firstFailure);
    }

    private static Optional<Intent> understand(Assistant assistant, EvalSet.Row row) {
        Optional<Intent> understood = assistant.understand(new Utterance(row.text(), row.lang(), WEARER, null));
        return understood == null ? Optional.empty() : understood;
    }
}
