package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NearestScanTest {
    private static final int DIMENSION = 384;

    /** Rows of random unit vectors stored as the index stores them: bytes and a scale per row. */
    private record Rows(byte[] matrix, float[] scales, int[] of, String[] texts) {
        static Rows random(Random random, int rows, int intents) {
            byte[] matrix = new byte[rows * DIMENSION];
            float[] scales = new float[rows];
            int[] of = new int[rows];
            String[] texts = new String[rows];
            for (int i = 0; i < rows; i++) {
                float[] v = unit(random);
                float max = 0;
                for (float x : v) {
                    max = Math.max(max, Math.abs(x));
                }
                scales[i] = max / 127f;
                for (int k = 0; k < DIMENSION; k++) {
                    matrix[i * DIMENSION + k] = (byte) Math.round(v[k] / scales[i]);
                }
                of[i] = random.nextInt(intents);
                texts[i] = "sentence " + (i % 97);
            }
            return new Rows(matrix, scales, of, texts);
        }
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double sum = 0;
        for (int k = 0; k < DIMENSION; k++) {
            v[k] = (float) random.nextGaussian();
            sum += v[k] * v[k];
        }
        for (int k = 0; k < DIMENSION; k++) {
            v[k] /= (float) Math.sqrt(sum);
        }
        return v;
    }

    /**
     * The same answer the slow way: every row back to floats, a double dot product, one thread, each intent's
     * cosines sorted, then half the nearest plus half the mean of the five nearest.
     */
    private static double[] reference(float[] query, Rows rows, String leaveOut, int intents) {
        java.util.List<java.util.List<Double>> cosines = new java.util.ArrayList<>();
        for (int k = 0; k < intents; k++) {
            cosines.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < rows.scales().length; i++) {
            if (rows.texts()[i].equals(leaveOut)) {
                continue;
            }
            double dot = 0;
            for (int k = 0; k < DIMENSION; k++) {
                dot += query[k] * (double) rows.matrix()[i * DIMENSION + k] * rows.scales()[i];
            }
            cosines.get(rows.of()[i]).add(dot);
        }
        double[] scores = new double[intents];
        for (int k = 0; k < intents; k++) {
            java.util.List<Double> c = cosines.get(k);
            c.sort(java.util.Comparator.reverseOrder());
            java.util.List<Double> top = c.subList(0, Math.min(5, c.size()));
            scores[k] = c.isEmpty() ? -2
                    : (top.get(0) + top.stream().mapToDouble(Double::doubleValue).average().orElseThrow()) / 2;
        }
        return scores;
    }

    @Test
    void a_large_index_scanned_in_halves_gives_every_intent_the_score_of_its_nearest_examples() {
        Random random = new Random(42);
        int intents = 45;
        Rows rows = Rows.random(random, 6 * NearestScan.SPLIT_ROWS + 17, intents);
        for (int q = 0; q < 20; q++) {
            float[] query = unit(random);
            String leaveOut = q % 2 == 0 ? null : "sentence " + q;
            double[] expected = reference(query, rows, leaveOut, intents);
            double[] actual = NearestScan.nearest(query, rows.matrix(), rows.scales(), rows.of(), rows.texts(),
                    leaveOut, DIMENSION, intents, rows.scales().length);
            for (int k = 0; k < intents; k++) {
                assertEquals(expected[k], actual[k], 1e-4, "intent " + k + " of query " + q);
            }
        }
    }

    @Test
    void an_intent_without_rows_and_a_left_out_sentence_count_for_nothing() {
        Random random = new Random(7);
        Rows rows = Rows.random(random, 300, 3);
        // rows belong to intents 0-2: the fourth has none
        double[] nearest = NearestScan.nearest(unit(random), rows.matrix(), rows.scales(), rows.of(), rows.texts(),
                null, DIMENSION, 4, rows.scales().length);
        assertEquals(-2, nearest[3]);
        float[] row0 = new float[DIMENSION];
        for (int k = 0; k < DIMENSION; k++) {
            row0[k] = rows.matrix()[k] * rows.scales()[0];
        }
        double withIt = NearestScan.nearest(row0, rows.matrix(), rows.scales(), rows.of(), rows.texts(), null,
                DIMENSION, 4, rows.scales().length)[rows.of()[0]];
        double without = NearestScan.nearest(row0, rows.matrix(), rows.scales(), rows.of(), rows.texts(),
                rows.texts()[0], DIMENSION, 4, rows.scales().length)[rows.of()[0]];
        assertEquals(reference(row0, rows, null, 4)[rows.of()[0]], withIt, 1e-4);
        assertTrue(withIt > 0.55, "a row is its own nearest example (cosine 1, half the score): " + withIt);
        assertTrue(without < 0.4, "with its sentence left out, random neighbours are far: " + without);
    }

    @Test
    void an_intent_scores_half_its_nearest_example_and_half_the_mean_of_its_five_nearest() {
        NearestScan.Neighbours n = new NearestScan.Neighbours(3);
        double[] offered = {0.2, 0.9, 0.5, 0.1, 0.7, 0.3, 0.8, 0.6};
        for (double c : offered) {
            n.offer(0, c);
        }
        n.offer(1, 0.4);
        // nearest five of intent 0: 0.9 0.8 0.7 0.6 0.5, mean 0.7
        assertEquals((0.9 + 0.7) / 2, n.scores()[0], 1e-12);
        assertEquals(0.4, n.scores()[1], 1e-12, "one example: its cosine");
        assertEquals(-2, n.scores()[2], "no example");
        NearestScan.Neighbours other = new NearestScan.Neighbours(3);
        other.offer(0, 0.95);
        other.offer(2, 0.3);
        n.merge(other);
        // nearest five of intent 0 now: 0.95 0.9 0.8 0.7 0.6, mean 0.79
        assertEquals((0.95 + 0.79) / 2, n.scores()[0], 1e-12);
        assertEquals(0.3, n.scores()[2], 1e-12);
    }

    @Test
    void the_largest_possible_sums_of_a_512_value_model_do_not_overflow() {
        int dimension = 512;
        int rows = 9;
        byte[] matrix = new byte[rows * dimension];
        java.util.Arrays.fill(matrix, (byte) -128);
        float[] scales = new float[rows];
        java.util.Arrays.fill(scales, (float) (1 / (128 * Math.sqrt(dimension))));
        float[] query = new float[dimension];
        java.util.Arrays.fill(query, (float) (-1 / Math.sqrt(dimension)));
        String[] texts = new String[rows];
        java.util.Arrays.fill(texts, "same");
        double[] nearest = NearestScan.nearest(query, matrix, scales, new int[rows], texts, null, dimension, 1, rows);
        assertEquals(1.0, nearest[0], 1e-3, "every row is the query itself");
    }
}
