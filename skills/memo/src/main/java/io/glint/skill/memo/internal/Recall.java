package io.glint.skill.memo.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.nlu.SentenceEncoder;

/**
 * Finding notes again by meaning: the query and every note as vectors of the on-device encoder for the query's
 * language (cosine similarity, accepted above a threshold per language), with the share of the query's words the
 * note has as a small bonus that breaks near ties. Vectors are kept per note and model, so a new model only
 * means encoding the notes again. Without an encoder for the language, notes are found by their words alone.
 */
final class Recall {
    private static final Logger LOG = LoggerFactory.getLogger(Recall.class);

    /** Least cosine for a note to count as what the wearer asked about, per language (bge-small v1.5). */
    static final Map<String, Double> MIN_COSINE = Map.of("en", 0.64, "zh", 0.50);
    /** Weight of word overlap in the score: enough to order two close notes, never to lift an unrelated one. */
    static final double OVERLAP_WEIGHT = 0.05;
    /** Without a model: least share of the query's words a note must have. */
    static final double MIN_OVERLAP = 0.5;
    /** Notes encoded during one search at most; the rest are encoded in the background. */
    static final int ENCODE_LIMIT = 40;

    /** A note that matches, with how well. */
    record Hit(MemoStore.Note note, double cosine, double overlap, double score) {
    }

    private final MemoStore store;
    private final Map<String, SentenceEncoder> encoders;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Recall(MemoStore store, Map<String, SentenceEncoder> encoders) {
        this.store = store;
        this.encoders = encoders;
    }

    /** The encoder for the language, or null; logs once per language when there is none. */
    SentenceEncoder encoder(String lang) {
        SentenceEncoder encoder = encoders.get(lang);
        if (encoder == null) {
            if (warned.add(lang)) {
                LOG.warn("No sentence encoder for '{}': memos are found by their words only until one is installed",
                        lang);
            }
        } else {
            warned.remove(lang);
        }
        return encoder;
    }

    /** Encodes and keeps the vector of a new note; the note is kept even when the encoder fails. */
    void index(MemoStore.Note note) {
        SentenceEncoder encoder = encoder(note.lang());
        if (encoder == null) {
            return;
        }
        try {
            store.putVector(note.id(), encoder.model(), encoder.encode(note.text()));
        } catch (RuntimeException | SQLException e) {
            LOG.warn("Could not encode note {} with {}: {}", note.id(), encoder.model(), e.getMessage());
        }
    }

    /** Notes that match the query, best first; empty when none is close enough. */
    List<Hit> find(String wearer, String query, String lang) throws SQLException {
        List<MemoStore.Note> notes = store.notes(wearer);
        if (notes.isEmpty()) {
            return List.of();
        }
        String focused = Phrases.query(query);
        Set<String> queryTerms = Words.terms(focused);
        SentenceEncoder encoder = encoder(lang);
        List<Hit> hits = new ArrayList<>();
        if (encoder == null) {
            for (MemoStore.Note n : notes) {
                double overlap = Words.overlap(queryTerms, Words.terms(n.text()));
                if (overlap >= MIN_OVERLAP) {
                    hits.add(new Hit(n, Double.NaN, overlap, overlap));
                }
            }
        } else {
            String model = encoder.model();
            Map<Long, float[]> vectors = store.vectors(wearer, model);
            int encoded = 0;
            float[] q = encoder.encode(query);
            float[] qf = focused.equals(query.strip()) ? null : encoder.encode(focused);
            double min = MIN_COSINE.getOrDefault(lang, 0.64);
            for (MemoStore.Note n : notes) {
                float[] v = vectors.get(n.id());
                if (v == null && encoded < ENCODE_LIMIT) {
                    v = encoder.encode(n.text());
                    store.putVector(n.id(), model, v);
                    encoded++;
                }
                double overlap = Words.overlap(queryTerms, Words.terms(n.text()));
                double cosine = v == null ? Double.NaN : Math.max(dot(q, v), qf == null ? -1 : dot(qf, v));
                boolean close = !Double.isNaN(cosine) ? cosine >= min : overlap >= MIN_OVERLAP;
                if (close) {
                    double score = (Double.isNaN(cosine) ? min : cosine) + OVERLAP_WEIGHT * overlap;
                    hits.add(new Hit(n, cosine, overlap, score));
                }
                LOG.debug("'{}' ~ '{}': cosine {}, overlap {}", query, n.text(), cosine, overlap);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(h -> h.note().created(), Comparator.reverseOrder()));
        return hits;
    }

    /** Encodes notes the current models have not encoded yet (a model was replaced); returns how many. */
    int reindex(int limit) {
        int done = 0;
        for (SentenceEncoder encoder : encoders.values()) {
            try {
                for (MemoStore.Note n : store.notesWithoutVector(encoder.model(), limit)) {
                    store.putVector(n.id(), encoder.model(), encoder.encode(n.text()));
                    done++;
                }
            } catch (RuntimeException | SQLException e) {
                LOG.warn("Could not encode the notes again with {}: {}", encoder.model(), e.getMessage());
            }
        }
        return done;
    }

    static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            return -1;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
