package io.glint.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.glint.api.nlu.SentenceEncoder;
import io.glint.api.voice.Utterance;
import io.glint.nlu.internal.Lexicon;
import io.glint.nlu.internal.Query;
import io.glint.nlu.internal.Text;

/**
 * Where the time of understanding one English sentence goes, in a plain JVM with every first-party skill's
 * definition: the encoder alone, the encoder plus the nearest-example search (native, then the Java scan), and the
 * whole understanding (templates, model, slots). Each sentence of the file is timed once per part after three
 * untimed passes; run it with the hub's JVM options to see what the hub sees.
 *
 * <pre>java -Xmx96m -Xmn6m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp hub-runtime/benchmarks/target/benchmarks.jar \
 *     io.glint.benchmarks.Stages ../shared/datasets/nlu/en-hwu64-dev.tsv</pre>
 */
public final class Stages {
    private static final int WARM_PASSES = 3;

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Stages FILE.tsv (the English sentences in its first column are timed)");
            System.exit(2);
        }
        List<SentenceEncoder> encoders = Encoders.load();
        SentenceEncoder english = encoders.stream().filter(e -> e.lang().equals("en")).findFirst().orElseThrow();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                texts.add(line.split("\t", -1)[0]);
            }
        }
        try (Pipeline p = new Pipeline(encoders)) {
            Lexicon lexicon = new Lexicon(p.registry.rooms(), p.registry.all(), 0);
            String[] parts = {"encode", "encode + nearest (native)", "encode + nearest (Java)", "understand"};
            long[][] nanos = new long[parts.length][texts.size()];
            for (int pass = 0; pass <= WARM_PASSES; pass++) {
                for (int i = 0; i < texts.size(); i++) {
                    String s = texts.get(i);
                    Query q = Query.of(s, "en", Text.tokens(s), lexicon);
                    long t0 = System.nanoTime();
                    english.encode(s);
                    long t1 = System.nanoTime();
                    p.embeddings.score(q);
                    long t2 = System.nanoTime();
                    p.nlu.parse(new Utterance(s, "en", "stages", null));
                    long t3 = System.nanoTime();
                    if (pass == WARM_PASSES) {
                        nanos[0][i] = t1 - t0;
                        nanos[1][i] = t2 - t1;
                        nanos[3][i] = t3 - t2;
                    }
                }
            }
            p.embeddings.unsetRowDots(p.rowDots());
            for (int pass = 0; pass <= WARM_PASSES; pass++) {
                for (int i = 0; i < texts.size(); i++) {
                    String s = texts.get(i);
                    Query q = Query.of(s, "en", Text.tokens(s), lexicon);
                    long t0 = System.nanoTime();
                    p.embeddings.score(q);
                    if (pass == WARM_PASSES) {
                        nanos[2][i] = System.nanoTime() - t0;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d sentences of %s, each timed once after %d passes%n", texts.size(),
                    args[0], WARM_PASSES);
            for (int k = 0; k < parts.length; k++) {
                long[] sorted = nanos[k].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-28s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms%n", parts[k],
                        sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6,
                        sorted[sorted.length * 99 / 100] / 1e6);
            }
        }
    }

    private Stages() {
    }
}
