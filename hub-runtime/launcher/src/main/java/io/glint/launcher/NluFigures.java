package io.glint.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.glint.launcher.NluScore.Outcome;

/**
 * The figures of a set of outcomes: in-scope accuracy, false acceptance on none rows, per-intent
 * precision/recall/F1, room and device slot F1, and {@code understand} latency.
 *
 * @param inScope      rows whose gold intent (after the none-mapping) is not none
 * @param correct      in-scope rows whose prediction is the gold intent
 * @param falseAccepts none rows for which something was predicted
 * @param failures     rows where {@code understand} threw (scored as nothing understood)
 */
record NluFigures(int rows, int inScope, int correct, int noneRows, int falseAccepts, int failures,
        List<IntentFigures> intents, List<SlotFigures> slots, double p50Ms, double p99Ms) {

    /** Correct intent / in-scope rows; NaN (not measured) without in-scope rows. */
    double accuracy() {
        return ratio(correct, inScope);
    }

    /** Predicted something / none rows; NaN without none rows. */
    double falseAcceptance() {
        return ratio(falseAccepts, noneRows);
    }

    /** One intent: {@code support} gold rows, {@code predicted} rows predicted as it, {@code correct} both. */
    record IntentFigures(String intent, int support, int predicted, int correct) {
        double precision() {
            return ratio(correct, predicted);
        }

        double recall() {
            return ratio(correct, support);
        }

        double f1() {
            return NluFigures.f1(precision(), recall());
        }
    }

    /**
     * Room or device slots over the in-scope rows whose gold annotation has a room or device slot: {@code rows}
     * such rows with a gold slot of this kind, {@code gold} and {@code predicted} slots of this kind, and
     * {@code correct} predicted slots whose words equal a gold slot's (each gold slot matched once).
     */
    record SlotFigures(String kind, int rows, int gold, int predicted, int correct) {
        double precision() {
            return ratio(correct, predicted);
        }

        double recall() {
            return ratio(correct, gold);
        }

        double f1() {
            return NluFigures.f1(precision(), recall());
        }
    }

    static NluFigures of(List<Outcome> outcomes) {
        int inScope = 0;
        int correct = 0;
        int falseAccepts = 0;
        int failures = 0;
        for (Outcome o : outcomes) {
            boolean none = NluScore.NONE.equals(o.gold());
            inScope += none ? 0 : 1;
            correct += !none && o.gold().equals(o.predicted()) ? 1 : 0;
            falseAccepts += none && !NluScore.NONE.equals(o.predicted()) ? 1 : 0;
            failures += o.failed() ? 1 : 0;
        }
        long[] nanos = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
        return new NluFigures(outcomes.size(), inScope, correct, outcomes.size() - inScope, falseAccepts, failures,
                intents(outcomes), List.of(slots("room", outcomes), slots("device", outcomes)),
                percentileMs(nanos, 50), percentileMs(nanos, 99));
    }

    /** Every intent that is gold or predicted somewhere, none excluded, by name. */
    private static List<IntentFigures> intents(List<Outcome> outcomes) {
        TreeSet<String> names = new TreeSet<>();
        outcomes.forEach(o -> {
            names.add(o.gold());
            names.add(o.predicted());
        });
        names.remove(NluScore.NONE);
        List<IntentFigures> figures = new ArrayList<>();
        for (String name : names) {
            int support = 0;
            int predicted = 0;
            int correct = 0;
            for (Outcome o : outcomes) {
                support += name.equals(o.gold()) ? 1 : 0;
                predicted += name.equals(o.predicted()) ? 1 : 0;
                correct += name.equals(o.gold()) && name.equals(o.predicted()) ? 1 : 0;
            }
            figures.add(new IntentFigures(name, support, predicted, correct));
        }
        return List.copyOf(figures);
    }

    private static SlotFigures slots(String kind, List<Outcome> outcomes) {
        int rows = 0;
        int gold = 0;
        int predicted = 0;
        int correct = 0;
        for (Outcome o : outcomes) {
            boolean annotated = o.goldSlots().values().stream().anyMatch(l -> !l.isEmpty());
            if (NluScore.NONE.equals(o.gold()) || !annotated) {
                continue;
            }
            List<String> expected = new ArrayList<>(o.goldSlots().getOrDefault(kind, List.of()));
            List<String> said = o.predictedSlots().getOrDefault(kind, List.of());
            rows += expected.isEmpty() ? 0 : 1;
            gold += expected.size();
            predicted += said.size();
            for (String words : said) {
                correct += expected.remove(words) ? 1 : 0;
            }
        }
        return new SlotFigures(kind, rows, gold, predicted, correct);
    }

    /** Nearest rank: the smallest time with at least p % of the calls at or below it. */
    static double percentileMs(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** NaN when there is nothing to divide by: "not measured" must not read as a measured 0. */
    static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** NaN when neither is measured; an unmeasured one counts as 0 when the other is measured. */
    static double f1(double precision, double recall) {
        if (Double.isNaN(precision) && Double.isNaN(recall)) {
            return Double.NaN;
        }
        double p = Double.isNaN(precision) ? 0 : precision;
        double r = Double.isNaN(recall) ? 0 : recall;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** For tests and messages: the figures of one intent, if it appears. */
    IntentFigures intent(String name) {
        return intents.stream().filter(i -> i.intent().equals(name)).findFirst().orElse(null);
    }

    SlotFigures slot(String kind) {
        return slots.stream().filter(s -> s.kind().equals(kind)).findFirst().orElse(null);
    }
}
