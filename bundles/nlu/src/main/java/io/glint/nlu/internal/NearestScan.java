package io.glint.nlu.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

import io.glint.api.nlu.RowDots;

/**
 * Per intent, how close a query is to its examples: half the cosine of its nearest example and half the mean of its
 * {@value #NEIGHBOURS} nearest ({@link Neighbours}). One stray example of another intent that happens to sit close
 * to a request then counts for less than several of the right intent's that sit almost as close: with each skill
 * example scored with itself left out, this understood about five points more of them than the nearest example
 * alone, in English and in Chinese, and no fewer development-set sentences (docs/benchmarks.md).
 *
 * <p>One pass over an index's rows (bytes with a scale per row, {@link EmbeddingMatcher}). Several thousand rows
 * take the better part of a millisecond on one core of a gateway, so a large index is halved with fork/join: the
 * other half goes to the common pool while the caller scans its own, and when no pool thread is free the caller
 * takes the forked half back and scans it itself, so a busy machine costs nothing beyond the single-threaded time.
 */
final class NearestScan extends RecursiveTask<NearestScan.Neighbours> {
    /** How many of an intent's nearest examples its score takes the mean of. */
    static final int NEIGHBOURS = 5;
    /** Rows below which splitting costs more than it saves (a hand-off is some tens of microseconds). */
    static final int SPLIT_ROWS = 1024;
    private static final long serialVersionUID = 1L;
    /** Only where there is another core (and the common pool has a thread) to take a half. */
    private static final boolean SPLIT = Runtime.getRuntime().availableProcessors() > 1
            && ForkJoinPool.getCommonPoolParallelism() > 0
            && !Boolean.getBoolean("glint.nlu.scan.single");

    private final transient int[] query;
    private final transient byte[] matrix;
    private final transient float[] scales;
    private final transient int[] of;
    private final transient String[] texts;
    private final transient String leaveOut;
    private final int dimension;
    private final int intents;
    private final double queryScale;
    private final int from;
    private final int to;

    private NearestScan(int[] query, double queryScale, byte[] matrix, float[] scales, int[] of, String[] texts,
            String leaveOut, int dimension, int intents, int from, int to) {
        this.query = query;
        this.queryScale = queryScale;
        this.matrix = matrix;
        this.scales = scales;
        this.of = of;
        this.texts = texts;
        this.leaveOut = leaveOut;
        this.dimension = dimension;
        this.intents = intents;
        this.from = from;
        this.to = to;
    }

    /**
     * @param vector   the query, unit length
     * @param rows     how many rows of {@code matrix} hold examples
     * @param leaveOut a sentence whose own rows are skipped ("leave one out"), or null
     * @return per intent index, its score ({@link Neighbours#scores()}), -2 for an intent without rows
     */
    static double[] nearest(float[] vector, byte[] matrix, float[] scales, int[] of, String[] texts, String leaveOut,
            int dimension, int intents, int rows) {
        // the query as integers of 14 bits: a product with a row's bytes is integer arithmetic, which the quick
        // compiler makes about twice as fast as floats, and a sum over 512 values stays within an int
        double queryScale = queryScale(vector, 16383);
        int[] query = new int[vector.length];
        for (int k = 0; k < vector.length; k++) {
            query[k] = (int) Math.round(vector[k] / queryScale);
        }
        NearestScan scan = new NearestScan(query, queryScale, matrix, scales, of, texts, leaveOut, dimension,
                intents, 0, rows);
        // invoke() computes on the caller's thread; only the halves it forks may go to the pool
        return scan.invoke().scores();
    }

    /**
     * As {@link #nearest(float[], byte[], float[], int[], String[], String, int, int, int)}, with the dot products
     * computed natively by {@code table} (which holds the same rows).
     *
     * @throws IllegalStateException if the table is closed
     */
    static double[] nearest(float[] vector, RowDots.Table table, float[] scales, int[] of, String[] texts,
            String leaveOut, int intents) {
        double queryScale = queryScale(vector, RowDots.Table.MAX_QUERY);
        short[] query = new short[vector.length];
        for (int k = 0; k < vector.length; k++) {
            query[k] = (short) Math.round(vector[k] / queryScale);
        }
        int[] dots = table.dot(query);
        Neighbours nearest = new Neighbours(intents);
        for (int i = 0; i < dots.length; i++) {
            keep(nearest, i, dots[i] * queryScale, scales, of, texts, leaveOut);
        }
        return nearest.scores();
    }

    /** The scale that makes the query's largest value {@code top}: each value over it is then within ±top. */
    private static double queryScale(float[] vector, int top) {
        float max = 0;
        for (float x : vector) {
            max = Math.max(max, Math.abs(x));
        }
        return max == 0 ? 1 : max / (double) top;
    }

    /** Offers row's cosine (its dot product times the query's scale, times the row's) to its intent. */
    private static void keep(Neighbours nearest, int row, double scaledDot, float[] scales, int[] of,
            String[] texts, String leaveOut) {
        if (leaveOut != null && texts[row].equals(leaveOut)) {
            return;
        }
        nearest.offer(of[row], scaledDot * scales[row]);
    }

    /** Per intent, the cosines of its {@value #NEIGHBOURS} nearest examples so far, nearest first. */
    static final class Neighbours {
        private final double[] top;
        private final int[] count;

        Neighbours(int intents) {
            top = new double[intents * NEIGHBOURS];
            count = new int[intents];
        }

        void offer(int intent, double cos) {
            int base = intent * NEIGHBOURS;
            int n = count[intent];
            if (n == NEIGHBOURS && cos <= top[base + NEIGHBOURS - 1]) {
                return; // the common case: farther than the intent's five nearest
            }
            int at = Math.min(n, NEIGHBOURS - 1);
            while (at > 0 && top[base + at - 1] < cos) {
                top[base + at] = top[base + at - 1];
                at--;
            }
            top[base + at] = cos;
            if (n < NEIGHBOURS) {
                count[intent] = n + 1;
            }
        }

        void merge(Neighbours other) {
            for (int intent = 0; intent < count.length; intent++) {
                for (int k = 0; k < other.count[intent]; k++) {
                    offer(intent, other.top[intent * NEIGHBOURS + k]);
                }
            }
        }

        /** Per intent its score (half its nearest cosine, half the mean of its nearest), -2 for one without rows. */
        double[] scores() {
            double[] scores = new double[count.length];
            for (int intent = 0; intent < count.length; intent++) {
                int n = count[intent];
                if (n == 0) {
                    scores[intent] = -2;
                    continue;
                }
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += top[intent * NEIGHBOURS + k];
                }
                scores[intent] = (top[intent * NEIGHBOURS] + sum / n) / 2;
            }
            return scores;
        }
    }

    @Override
    protected Neighbours compute() {
        if (to - from >= 2 * SPLIT_ROWS && SPLIT) {
            int middle = (from + to) >>> 1;
            NearestScan right = part(middle, to);
            right.fork();
            Neighbours left = part(from, middle).compute();
            left.merge(right.join());
            return left;
        }
        Neighbours nearest = new Neighbours(intents);
        int[] sums = new int[4];
        int i = from;
        for (; i + 3 < to; i += 4) {
            dot4(query, matrix, i * dimension, dimension, sums);
            for (int r = 0; r < 4; r++) {
                keep(nearest, i + r, sums[r]);
            }
        }
        for (; i < to; i++) {
            keep(nearest, i, dot(query, matrix, i * dimension, dimension));
        }
        return nearest;
    }

    private void keep(Neighbours nearest, int row, int dot) {
        keep(nearest, row, dot * queryScale, scales, of, texts, leaveOut);
    }

    private NearestScan part(int start, int end) {
        return new NearestScan(query, queryScale, matrix, scales, of, texts, leaveOut, dimension, intents, start,
                end);
    }

    /**
     * a · row, the row's bytes starting at {@code from} in {@code m} (times the query's and the row's scales, the
     * cosine). The sum stays below 2^31: at most 512 products of at most 16383 · 128.
     */
    static int dot(int[] a, byte[] m, int from, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * m[from + i];
        }
        return s;
    }

    /**
     * a · four consecutive rows from {@code from}, into {@code sums}: each value of {@code a} is read once for the
     * four, which the quick compiler (it keeps every array read) turns into about a third less time than four
     * {@link #dot} calls.
     */
    static void dot4(int[] a, byte[] m, int from, int n, int[] sums) {
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int f1 = from + n;
        int f2 = f1 + n;
        int f3 = f2 + n;
        for (int i = 0; i < n; i++) {
            int q = a[i];
            s0 += q * m[from + i];
            s1 += q * m[f1 + i];
            s2 += q * m[f2 + i];
            s3 += q * m[f3 + i];
        }
        sums[0] = s0;
        sums[1] = s1;
        sums[2] = s2;
        sums[3] = s3;
    }
}
