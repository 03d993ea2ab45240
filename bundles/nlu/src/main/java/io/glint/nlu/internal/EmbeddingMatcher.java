package io.glint.nlu.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.nlu.RowDots;
import io.glint.api.nlu.SentenceEncoder;
import io.glint.api.skill.Slot;
import io.glint.nlu.IntentSpec;
import io.glint.nlu.LanguageSpec;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.TemplateSpec;

/**
 * Understanding by meaning, behind the templates: the installed skills' examples (and sentences their templates
 * stand for) are embedded with an on-device model; an utterance takes the intent of its nearest examples, but
 * only when it is close enough (threshold), clearly closer to that intent than to any other (margin), and closer
 * to it than to the hub's own out-of-scope sentences. Then the polarity check, the family member the request
 * opens with ({@link Operation}), and the slot filler.
 */
public final class EmbeddingMatcher implements IntentMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingMatcher.class);
    static final String NONE = "none";

    /** Acceptance rule for one language. */
    /**
     * The acceptance rule: the nearest intent's score at least {@code minScore}, ahead of the runner-up intent by
     * {@code minMargin}, and ahead of the out-of-scope sentences' score by more than {@code minNoneMargin} (scores as
     * {@link NearestScan} computes them).
     */
    public record Thresholds(double minScore, double minMargin, double minNoneMargin) {
        public Thresholds(double minScore, double minMargin) {
            this(minScore, minMargin, 0);
        }
    }

    private record Example(String intent, String text, float[] vector) {
    }

    /**
     * The examples of one language as one matrix (row i is the vector of example i, of intent {@code intents[of[i]]}):
     * scoring an utterance is one pass over contiguous memory, not a walk over thousands of small objects.
     */
    private record Index(long generation, Map<String, Map<String, String>> slotTypes, int size, int dimension,
            byte[] matrix, float[] scales, int[] of, String[] intentNames, String[] texts, Set<String> intents,
            Map<String, List<String>> excludes) {
        static Index of(long generation, Map<String, Map<String, String>> slotTypes,
                Map<String, List<String>> excludes, List<Example> examples,
                Set<String> intents) {
            int dimension = examples.isEmpty() ? 0 : examples.get(0).vector().length;
            byte[] matrix = new byte[examples.size() * dimension];
            float[] scales = new float[examples.size()];
            int[] of = new int[examples.size()];
            String[] texts = new String[examples.size()];
            Map<String, Integer> ids = new LinkedHashMap<>();
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                scales[i] = quantize(e.vector(), matrix, i * dimension);
                of[i] = ids.computeIfAbsent(e.intent(), k -> ids.size());
                texts[i] = e.text();
            }
            return new Index(generation, slotTypes, examples.size(), dimension, matrix, scales, of,
                    ids.keySet().toArray(String[]::new), texts, intents, Map.copyOf(excludes));
        }

        /**
         * Row {@code i} as a vector again (to reuse when re-indexing). Rows are kept as bytes with a scale per row:
         * a quarter of the memory of floats, and cosines that differ by less than 0.005.
         */
        float[] row(int i) {
            float[] v = new float[dimension];
            for (int k = 0; k < dimension; k++) {
                v[k] = matrix[i * dimension + k] * scales[i];
            }
            return v;
        }

        /** Writes v as bytes at {@code from} in m; returns the scale that turns them back into the vector. */
        static float quantize(float[] v, byte[] m, int from) {
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = max == 0 ? 1 : max / 127f;
            for (int k = 0; k < v.length; k++) {
                m[from + k] = (byte) Math.round(v[k] / scale);
            }
            return scale;
        }
    }

    private final Map<String, SentenceEncoder> encoders = new ConcurrentHashMap<>();
    /** The native copy of a language's index, searched instead of scanning it in Java while the service lasts. */
    private record Native(Index index, RowDots.Table table) {
    }

    private final Map<String, Native> natives = new ConcurrentHashMap<>();
    private volatile RowDots rowDots;
    /**
     * The index per language. A skill arriving or leaving re-indexes with the vectors of the index it replaces and
     * encodes only what is new, instead of every skill's sentences again (seconds on a gateway).
     */
    private final Map<String, Index> byLanguage = new ConcurrentHashMap<>();
    private final Map<String, Thresholds> thresholds;
    private final Map<String, List<String>> negatives;
    /** Sentences per catalogue intent and language: out of scope while no installed skill declares the intent. */
    private final Map<String, Map<String, List<String>>> unclaimed;
    private final ExecutorService indexer;
    private final boolean synchronous;
    private final AtomicLong generation = new AtomicLong();
    /** Per language, the generation of the newest index asked for: an older one may still serve meanwhile. */
    private final Map<String, Long> requested = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where vectors are kept across restarts (one file per model), or null to keep them in memory only. */
    private volatile java.nio.file.Path cacheDir;
    private volatile Catalog catalog = Catalog.empty();
    /** When the catalogue last changed ({@link System#nanoTime()}). */
    private volatile long lastChange = System.nanoTime() - SETTLE_NANOS;
    /** How long the catalogue must stay still before an indexing starts (background indexing only). */
    private static final long SETTLE_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(
            Long.getLong("glint.nlu.settle.ms", 120));

    /**
     * @param synchronous index on the caller's thread (tests, the evaluation tool); otherwise on a background
     *                    thread, so a skill arriving never waits for the model
     */
    public EmbeddingMatcher(Map<String, Thresholds> thresholds, boolean synchronous) {
        this.thresholds = Map.copyOf(thresholds);
        this.negatives = loadNegatives();
        this.unclaimed = loadCatalogue();
        this.synchronous = synchronous;
        this.indexer = synchronous ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glint-nlu-indexer");
            t.setDaemon(true);
            return t;
        });
    }

    public void addEncoder(SentenceEncoder encoder) {
        encoders.put(encoder.lang(), encoder);
        reindex(encoder.lang());
    }

    /**
     * Keeps computed vectors in files under {@code dir}, so a restart does not encode every example again (a
     * model takes milliseconds per sentence; a home's skills have thousands).
     */
    public void persistIn(java.nio.file.Path dir) {
        this.cacheDir = dir;
    }

    /** A vector as the index keeps it: a byte per value and the scale that turns them back into floats. */
    private record Stored(byte[] values, float scale) {
        static Stored of(float[] v) {
            byte[] values = new byte[v.length];
            return new Stored(values, Index.quantize(v, values, 0));
        }

        float[] vector() {
            float[] v = new float[values.length];
            for (int k = 0; k < values.length; k++) {
                v[k] = values[k] * scale;
            }
            return v;
        }
    }

    /** First word of a vector file: "GLV" and the format's version (1: a byte per value and a scale per vector). */
    private static final int FILE_MAGIC = 0x474C5601;

    /** The vectors kept in the encoder's file, or none. */
    private Map<String, Stored> load(SentenceEncoder encoder) {
        Map<String, Stored> loaded = new HashMap<>();
        java.nio.file.Path file = cacheFile(encoder);
        if (file != null && java.nio.file.Files.isReadable(file)) {
            // Read at once, then decode from memory, each vector's bytes in one copy (at start-up this code runs
            // before the compiler has seen it). Through java.io: NIO would read via a temporary direct buffer the
            // size of the file, which it then keeps per thread outside the heap.
            try (java.io.FileInputStream stream = new java.io.FileInputStream(file.toFile())) {
                java.io.DataInputStream in = new java.io.DataInputStream(
                        new java.io.ByteArrayInputStream(stream.readAllBytes()));
                if (in.readInt() != FILE_MAGIC) {
                    LOG.info("The vector cache {} is from an older version; the examples will be encoded again",
                            file);
                    return loaded;
                }
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    String text = in.readUTF();
                    float scale = in.readFloat();
                    byte[] values = new byte[in.readUnsignedShort()];
                    in.readFully(values);
                    if (values.length == encoder.dimension()) {
                        loaded.put(text, new Stored(values, scale));
                    }
                }
            } catch (IOException | RuntimeException ex) {
                LOG.warn("Ignoring the vector cache {} ({}); the examples will be encoded again", file,
                        ex.getMessage());
                loaded.clear();
            }
        }
        return loaded;
    }

    /**
     * The vectors one indexing needs: taken from the index it replaces, then from the encoder's file, and only then
     * encoded. Nothing is held between indexings but the index itself (every vector once, in its matrix).
     */
    private final class Vectors {
        private final SentenceEncoder encoder;
        private final Index previous;
        private final Map<String, Integer> previousRows = new HashMap<>();
        private final Map<String, float[]> known = new HashMap<>();
        private final Map<String, float[]> encoded = new HashMap<>();
        private Map<String, Stored> file;

        Vectors(SentenceEncoder encoder, Index previous) {
            this.encoder = encoder;
            this.previous = previous != null && previous.dimension() == encoder.dimension() ? previous : null;
            if (this.previous != null) {
                for (int i = 0; i < this.previous.size(); i++) {
                    previousRows.putIfAbsent(this.previous.texts()[i], i);
                }
            }
        }

        float[] of(String text) {
            float[] v = known.get(text);
            if (v == null) {
                Integer row = previousRows.get(text);
                if (row != null) {
                    v = previous.row(row);
                } else {
                    if (file == null) {
                        file = load(encoder);
                    }
                    Stored stored = file.get(text);
                    if (stored != null) {
                        v = stored.vector();
                    } else {
                        v = encoder.encode(text);
                        encoded.put(text, v);
                    }
                }
                known.put(text, v);
            }
            return v;
        }

        /** Keeps what was encoded, with what the file held, for the next start. */
        void saveIfEncoded() {
            if (!encoded.isEmpty()) {
                Map<String, Stored> all = file != null ? file : load(encoder);
                encoded.forEach((text, v) -> all.put(text, Stored.of(v)));
                save(encoder, all);
            }
        }
    }

    private java.nio.file.Path cacheFile(SentenceEncoder encoder) {
        java.nio.file.Path dir = cacheDir;
        return dir == null ? null : dir.resolve("vectors-" + encoder.model().replaceAll("[^A-Za-z0-9._-]", "_")
                + ".bin");
    }

    private void save(SentenceEncoder encoder, Map<String, Stored> cached) {
        java.nio.file.Path file = cacheFile(encoder);
        if (file == null) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                    java.nio.file.Files.newOutputStream(tmp)))) {
                out.writeInt(FILE_MAGIC);
                out.writeInt(cached.size());
                for (Map.Entry<String, Stored> e : cached.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeFloat(e.getValue().scale());
                    out.writeShort(e.getValue().values().length);
                    out.write(e.getValue().values());
                }
            }
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not keep the vectors in {}: {}", file, e.getMessage());
        }
    }

    public void removeEncoder(SentenceEncoder encoder) {
        if (encoders.remove(encoder.lang(), encoder)) {
            byLanguage.remove(encoder.lang());
            attach(encoder.lang(), null);
        }
    }

    /** Searches the indexes natively from now on: each gets a native copy of its rows. */
    public void setRowDots(RowDots dots) {
        rowDots = dots;
        byLanguage.forEach(this::attach);
        LOG.info("Nearest examples are searched in native code ({})", dots.getClass().getSimpleName());
    }

    /** Back to the Java scan: the native copies are freed. */
    public void unsetRowDots(RowDots dots) {
        synchronized (natives) {
            if (rowDots != dots) {
                return;
            }
            rowDots = null;
        }
        byLanguage.keySet().forEach(lang -> attach(lang, null));
    }

    /**
     * Gives {@code index}, the language's current one, a native copy of its rows when the service is there (and
     * none otherwise), freeing the copy of the index it replaces.
     */
    private void attach(String lang, Index index) {
        synchronized (natives) {
            if (index != null && byLanguage.get(lang) != index) {
                return; // a newer index came meanwhile, and attaches itself
            }
            RowDots dots = rowDots;
            Native next = null;
            if (index != null && dots != null && index.size() > 0) {
                try {
                    next = new Native(index, dots.table(index.matrix(), index.dimension()));
                } catch (RuntimeException e) {
                    LOG.warn("The {} examples for {} are searched in Java: {}", index.size(), lang, e.getMessage());
                }
            }
            Native old = next == null ? natives.remove(lang) : natives.put(lang, next);
            if (old != null) {
                old.table().close(); // waits for queries still reading it
            }
        }
    }

    public void close() {
        if (indexer != null) {
            indexer.shutdownNow();
        }
        synchronized (natives) {
            natives.values().forEach(n -> n.table().close());
            natives.clear();
        }
    }

    @Override
    public void update(Catalog next) {
        lastChange = System.nanoTime();
        catalog = next;
        encoders.keySet().forEach(this::reindex);
    }

    private void reindex(String lang) {
        long gen = generation.incrementAndGet();
        requested.merge(lang, gen, Math::max);
        Runnable work = () -> {
            // Skills arrive in bursts (a hub starting, a folder of jars dropped in): wait until the catalogue has
            // been still for a moment, so one indexing takes the whole burst instead of one per skill.
            for (long quiet; !synchronous && (quiet = lastChange + SETTLE_NANOS - System.nanoTime()) > 0; ) {
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.sleep(quiet);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // closing
                }
            }
            SentenceEncoder encoder = encoders.get(lang);
            if (encoder == null || gen < requested.getOrDefault(lang, 0L)) {
                return; // a newer indexing of the language is queued, with every skill that came meanwhile
            }
            long start = System.nanoTime();
            Vectors vectors = new Vectors(encoder, byLanguage.get(lang));
            Index index;
            try {
                index = build(lang, catalog, gen, vectors);
            } catch (RuntimeException e) {
                // the encoder went away (bundle stopped, hub shutting down): its removal clears the language
                LOG.warn("Could not embed the examples for {} with {}: {}", lang, encoder.model(), e.getMessage());
                return;
            }
            Index current = byLanguage.get(lang);
            if (current == null || current.generation() < gen) {
                byLanguage.put(lang, index);
                attach(lang, index);
            }
            vectors.saveIfEncoded();
            LOG.info("Embedded {} examples of {} intents for {} with {} in {} ms", index.size(),
                    index.intents().size(), lang, encoder.model(), (System.nanoTime() - start) / 1_000_000);
        };
        if (synchronous) {
            work.run();
        } else {
            indexer.execute(work);
        }
    }

    private Index build(String lang, Catalog cat, long gen, Vectors vectors) {
        List<Example> examples = new ArrayList<>();
        Map<String, Map<String, String>> slotTypes = new HashMap<>();
        Map<String, List<String>> excludes = new HashMap<>();
        Set<String> intents = new HashSet<>();
        for (SkillSpec skill : cat.specs()) {
            for (IntentSpec intent : skill.intents()) {
                LanguageSpec spec = intent.languages().get(lang);
                if (spec == null || intent.name().startsWith("dialog.")) {
                    continue; // the hub's answers ("yes") only make sense as exact words
                }
                intents.add(intent.name());
                slotTypes.put(intent.name(), intent.slots());
                if (!spec.excludes().isEmpty()) {
                    excludes.computeIfAbsent(intent.name(), k -> new ArrayList<>()).addAll(spec.excludes());
                }
                Set<String> sentences = new java.util.LinkedHashSet<>(spec.examples());
                for (TemplateSpec t : spec.templates()) {
                    sentences.addAll(TemplateSamples.of(Template.compile(t.text(), intent.slots()), intent.slots(),
                            lang, spec.samples()));
                }
                for (String s : sentences) {
                    examples.add(new Example(intent.name(), normalize(s), vectors.of(normalize(s))));
                }
            }
        }
        for (String s : outOfScope(lang, intents)) {
            examples.add(new Example(NONE, normalize(s), vectors.of(normalize(s))));
        }
        return Index.of(gen, slotTypes, excludes, examples, intents);
    }

    /**
     * What the model sees. In a Chinese sentence, runs of Latin words are names ("在 Spotify 上放 Coldplay"): the
     * Chinese model splits them into pieces that say nothing about the request and pull the sentence away from
     * its meaning, so they are left out (the slot filler still sees the whole utterance).
     */
    static String normalize(String s) {
        String text = Text.normalize(s).strip();
        if (!Text.hasHan(text)) {
            return text;
        }
        return LATIN_RUN.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static final java.util.regex.Pattern LATIN_RUN =
            java.util.regex.Pattern.compile("[a-z][a-z0-9.:'&-]*(\\s+[a-z0-9][a-z0-9.:'&-]*)*");

    @Override
    public Optional<Candidate> match(Query q) {
        Scored s = score(q);
        if (s == null || !s.accepted(thresholds.getOrDefault(q.lang(), new Thresholds(1.1, 0)))) {
            return Optional.empty();
        }
        Index index = byLanguage.get(q.lang());
        String intent = s.intent();
        Map<String, Slot> slots = SlotFiller.fill(index.slotTypes().getOrDefault(intent, Map.of()), q);
        return Optional.of(new Candidate(intent, slots, s.best(), "embedding"));
    }

    /**
     * The nearest intent (after the polarity check), its score, the runner-up's, and the out-of-scope sentences'.
     */
    public record Scored(String intent, double best, double second, double none) {
        /** The acceptance rule. */
        public boolean accepted(Thresholds t) {
            return !intent.equals(NONE) && best >= t.minScore() && best - second >= t.minMargin()
                    && best - none > t.minNoneMargin();
        }
    }

    /** Scores without applying the acceptance rule: for calibration and evaluation. */
    public Scored score(Query q) {
        return score(q, false);
    }

    /**
     * As {@link #score(Query)}, optionally leaving out the index's own copy of the sentence: "leave one out",
     * to see how an example the skill author wrote would fare if it had not been written.
     */
    public Scored score(Query q, boolean leaveOut) {
        SentenceEncoder encoder = encoders.get(q.lang());
        Index index = byLanguage.get(q.lang());
        if (encoder == null || index == null || index.size() == 0) {
            return null;
        }
        String text = normalize(q.text());
        float[] v = encoder.encode(text);
        // per intent, how close its nearest examples are (the vectors are unit length)
        double[] nearest = null;
        Native n = natives.get(q.lang());
        if (n != null && n.index() == index) {
            try {
                nearest = NearestScan.nearest(v, n.table(), index.scales(), index.of(), index.texts(),
                        leaveOut ? text : null, index.intentNames().length);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the native copy was freed meanwhile (its bundle stopping): scan in Java
            }
        }
        if (nearest == null) {
            nearest = NearestScan.nearest(v, index.matrix(), index.scales(), index.of(), index.texts(),
                    leaveOut ? text : null, index.dimension(), index.intentNames().length, index.size());
        }
        String[] names = index.intentNames();
        Set<String> candidates = new HashSet<>();
        double none = -1.0;
        String bestIntent = NONE;
        double best = -1;
        double second = -1;
        for (int k = 0; k < nearest.length; k++) {
            // an intent counts when it has rows and the utterance says none of the words its skill excludes
            List<String> not = index.excludes().get(names[k]);
            if (nearest[k] <= -2 || (not != null && q.mentionsAny(not))) {
                continue;
            }
            candidates.add(names[k]);
            if (names[k].equals(NONE)) {
                none = nearest[k];
            } else if (nearest[k] > best) {
                second = best;
                best = nearest[k];
                bestIntent = names[k];
            } else if (nearest[k] > second) {
                second = nearest[k];
            }
        }
        String settled = bestIntent.equals(NONE) ? NONE
                : Operation.settle(Polarity.settle(bestIntent, q.tokens(), candidates), q.tokens(), candidates);
        return new Scored(settled, best, second, none);
    }

    /** The example sentences (not template samples) per intent, and the out-of-scope sentences, of a language. */
    public Map<String, List<String>> examples(String lang) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (SkillSpec skill : catalog.specs()) {
            for (IntentSpec intent : skill.intents()) {
                LanguageSpec spec = intent.languages().get(lang);
                if (spec != null && !intent.name().startsWith("dialog.")) {
                    out.computeIfAbsent(intent.name(), k -> new ArrayList<>()).addAll(spec.examples());
                }
            }
        }
        out.put(NONE, outOfScope(lang, out.keySet()));
        return out;
    }

    /** The hub's out-of-scope sentences, and those of the catalogue intents no installed skill declares. */
    private List<String> outOfScope(String lang, Set<String> installed) {
        List<String> out = new ArrayList<>(negatives.getOrDefault(lang, List.of()));
        unclaimed.forEach((intent, byLang) -> {
            if (!installed.contains(intent)) {
                out.addAll(byLang.getOrDefault(lang, List.of()));
            }
        });
        return out;
    }

    /**
     * The languages with an encoder and an index of every installed skill's examples (a language whose index is
     * being rebuilt for a skill that just came or went still understands with the previous one, but is not listed).
     */
    public Set<String> readyLanguages() {
        Set<String> ready = new java.util.TreeSet<>();
        byLanguage.forEach((lang, index) -> {
            if (encoders.containsKey(lang) && index.generation() >= requested.getOrDefault(lang, 0L)) {
                ready.add(lang);
            }
        });
        return ready;
    }

    /** Whether an encoder and an index exist for the language (the model may still be loading). */
    public boolean ready(String lang) {
        return encoders.containsKey(lang) && byLanguage.containsKey(lang);
    }


    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_COMMENTS);

    private static Map<String, Map<String, List<String>>> loadCatalogue() {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        resource("/glint/catalogue.json").fields().forEachRemaining(e -> out.put(e.getKey(), byLanguage(e.getValue())));
        return out;
    }

    private static Map<String, List<String>> loadNegatives() {
        return byLanguage(resource("/glint/out-of-scope.json"));
    }

    /** {"en": [sentences], "zh": [...]} */
    private static Map<String, List<String>> byLanguage(JsonNode node) {
        Map<String, List<String>> out = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> list = new ArrayList<>();
            e.getValue().forEach(n -> list.add(n.asText()));
            out.put(e.getKey(), List.copyOf(list));
        });
        return Map.copyOf(out);
    }

    private static JsonNode resource(String path) {
        try (InputStream in = EmbeddingMatcher.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing from the bundle");
            }
            return MAPPER.readTree(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The NLU's sentences " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
