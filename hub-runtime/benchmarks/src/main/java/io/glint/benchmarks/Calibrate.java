package io.glint.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.glint.api.nlu.SentenceEncoder;
import io.glint.api.skill.Intent;
import io.glint.api.voice.Utterance;
import io.glint.nlu.internal.EmbeddingMatcher;
import io.glint.nlu.internal.Lexicon;
import io.glint.nlu.internal.NluService;
import io.glint.nlu.internal.Query;
import io.glint.nlu.internal.Text;

/**
 * Chooses the embedding matcher's acceptance rule (least score, least margin) on a development set: the rule
 * with the best in-scope accuracy whose false acceptance on out-of-scope rows stays within a bound. Uses the
 * hub's own pipeline (templates first, then the model) with the first-party skills installed; rows whose intent
 * no installed skill declares count as out of scope.
 *
 * <pre>java -cp hub-runtime/benchmarks/target/benchmarks.jar io.glint.benchmarks.Calibrate DEV.tsv [maxFalseAcceptance]</pre>
 */
public final class Calibrate {
    record Row(String text, String gold, String lang, String template, EmbeddingMatcher.Scored scored) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Calibrate DEV.tsv|--own-examples-LANG [maxFalseAcceptance, default 0.04]");
            System.exit(2);
        }
        double maxFa = args.length > 1 ? Double.parseDouble(args[1]) : 0.04;
        List<SentenceEncoder> encoders = Encoders.load();
        // the model pipeline accepts nothing by meaning (no thresholds given): its answers are the templates'
        try (Pipeline model = new Pipeline(encoders)) {
            Set<String> installed = model.nlu.intents();
            List<Row> rows = new ArrayList<>();
            if (args[0].startsWith("--own-examples-")) {
                // No development set in this language: the skills' own example sentences (and the hub's
                // out-of-scope ones), each scored with its own copy left out of the index.
                String lang = args[0].substring("--own-examples-".length());
                Lexicon lexicon = new Lexicon(model.registry.rooms(), model.registry.all(), 0);
                model.embeddings.examples(lang).forEach((intent, sentences) -> {
                    for (String s : sentences) {
                        Optional<Intent> t = model.nlu.parse(new Utterance(s, lang, "calibrate", null));
                        String template = t.map(Intent::name).filter(n -> !n.startsWith("dialog.")).orElse(null);
                        rows.add(new Row(s, intent, lang, template,
                                model.embeddings.score(Query.of(s, lang, Text.tokens(s), lexicon), true)));
                    }
                });
            }
            for (String line : args[0].startsWith("--") ? List.<String>of()
                    : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String gold = installed.contains(f[1]) ? f[1] : "none";
                String lang = f.length > 3 && !f[3].isBlank() ? f[3] : Text.language(f[0]);
                Optional<Intent> t = model.nlu.parse(new Utterance(f[0], lang, "calibrate", null));
                String template = t.map(Intent::name).filter(n -> !n.startsWith("dialog.")).orElse(null);
                Lexicon lexicon = new Lexicon(model.registry.rooms(), model.registry.all(), 0);
                EmbeddingMatcher.Scored s = model.embeddings.score(Query.of(f[0], lang, Text.tokens(f[0]), lexicon));
                rows.add(new Row(f[0], gold, lang, template, s));
            }
            double bestAcc = -1;
            double[] best = null;
            for (double minScore = 0.30; minScore <= 0.99; minScore += 0.005) {
                for (double margin = 0; margin <= 0.10; margin += 0.005) {
                    for (double noneMargin = 0; noneMargin <= 0.15; noneMargin += 0.01) {
                        double[] m = measure(rows, new EmbeddingMatcher.Thresholds(minScore, margin, noneMargin));
                        if (m[1] <= maxFa && m[0] > bestAcc) {
                            bestAcc = m[0];
                            best = new double[] {minScore, margin, noneMargin, m[0], m[1]};
                        }
                    }
                }
            }
            if (best == null) {
                System.out.println("no rule keeps false acceptance within " + maxFa);
                return;
            }
            double[] templatesOnly = measure(rows, new EmbeddingMatcher.Thresholds(2, 1));
            EmbeddingMatcher.Thresholds chosen = new EmbeddingMatcher.Thresholds(best[0], best[1], best[2]);
            String lang = rows.isEmpty() ? "en" : rows.get(0).lang();
            EmbeddingMatcher.Thresholds shipped = shippedRule(lang);
            int rejected = 0;
            int wrong = 0;
            int wrongByTemplate = 0;
            java.util.Map<String, Integer> acceptedNone = new java.util.TreeMap<>();
            for (Row r : rows) {
                String p = predict(r, chosen);
                String atShipped = predict(r, shipped);
                if (System.getProperty("glint.calibrate.dump") != null && !atShipped.equals(r.gold())) {
                    EmbeddingMatcher.Scored sc = r.scored();
                    System.out.printf(Locale.ROOT, "MISS\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f%n", r.text(), r.gold(), atShipped,
                            sc == null ? "-" : sc.intent(), r.template() == null ? "model" : "template",
                            sc == null ? 0 : sc.best(), sc == null ? 0 : sc.second(), sc == null ? 0 : sc.none());
                }
                if (!r.gold().equals("none") && !p.equals(r.gold())) {
                    if (p.equals("none")) {
                        rejected++;
                    } else if (r.template() != null) {
                        wrongByTemplate++;
                        if (System.getProperty("glint.calibrate.verbose") != null) {
                            System.out.println("template " + p + " for gold " + r.gold());
                        }
                    } else {
                        wrong++;
                    }
                } else if (r.gold().equals("none") && !p.equals("none")) {
                    acceptedNone.merge(p + (r.template() != null ? " (template)" : " (model)"), 1, Integer::sum);
                }
            }
            System.out.printf(Locale.ROOT, "in-scope misses: %d declined, %d wrong intent by the model, %d by a "
                    + "template; out-of-scope accepted as: %s%n", rejected, wrong, wrongByTemplate, acceptedNone);
            System.out.printf(Locale.ROOT, "rows %d, in scope %d%n", rows.size(),
                    rows.stream().filter(r -> !r.gold().equals("none")).count());
            System.out.printf(Locale.ROOT, "templates only:      in-scope accuracy %.3f, false acceptance %.3f%n",
                    templatesOnly[0], templatesOnly[1]);
            System.out.printf(Locale.ROOT, "best rule: minScore %.3f minMargin %.4f minNoneMargin %.2f -> in-scope "
                    + "accuracy %.3f, false acceptance %.3f%n", best[0], best[1], best[2], best[3], best[4]);
            double[] s = measure(rows, shipped);
            System.out.printf(Locale.ROOT, "shipped rule (%s): minScore %.3f minMargin %.4f minNoneMargin %.2f -> "
                    + "in-scope accuracy %.3f, false acceptance %.3f%n", lang, shipped.minScore(), shipped.minMargin(),
                    shipped.minNoneMargin(), s[0], s[1]);
        }
    }

    /** The rule the hub ships for a language: the defaults of the NLU's configuration. */
    static EmbeddingMatcher.Thresholds shippedRule(String lang) throws ReflectiveOperationException {
        Class<?> config = NluService.Config.class;
        return new EmbeddingMatcher.Thresholds(
                (Double) config.getMethod(lang + "MinScore").getDefaultValue(),
                (Double) config.getMethod(lang + "MinMargin").getDefaultValue(),
                (Double) config.getMethod(lang + "MinNoneMargin").getDefaultValue());
    }

    /** {in-scope accuracy, false acceptance} of the pipeline under a rule. */
    static double[] measure(List<Row> rows, EmbeddingMatcher.Thresholds t) {
        int in = 0;
        int correct = 0;
        int out = 0;
        int accepted = 0;
        for (Row r : rows) {
            String predicted = predict(r, t);
            if (r.gold().equals("none")) {
                out++;
                if (!predicted.equals("none")) {
                    accepted++;
                }
            } else {
                in++;
                if (predicted.equals(r.gold())) {
                    correct++;
                }
            }
        }
        return new double[] {in == 0 ? 0 : correct / (double) in, out == 0 ? 0 : accepted / (double) out};
    }

    static String predict(Row r, EmbeddingMatcher.Thresholds t) {
        return r.template() != null ? r.template()
                : r.scored() != null && r.scored().accepted(t) ? r.scored().intent() : "none";
    }

    private Calibrate() {
    }
}
