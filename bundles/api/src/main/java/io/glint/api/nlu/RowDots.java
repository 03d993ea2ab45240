package io.glint.api.nlu;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Dot products of a query with many stored rows of bytes, in native code: the search for the examples nearest to
 * an utterance, which the hub otherwise runs in Java. The bundle that runs the encoders registers one when its
 * runtime has integer matrix kernels; understanding works without it, only with more processor time per sentence.
 */
@ConsumerType
public interface RowDots {

    /**
     * Copies {@code rows.length / dimension} rows of {@code dimension} signed bytes (row-major) into native memory
     * and answers dot products with them until the table is closed.
     *
     * @throws IllegalArgumentException if {@code dimension} is not positive or does not divide {@code rows.length}
     */
    Table table(byte[] rows, int dimension);

    /** Rows held natively. Thread-safe: several queries may run at once. */
    @ConsumerType
    interface Table extends AutoCloseable {

        /** How many rows the table holds. */
        int rows();

        /** The least and greatest query value {@link #dot} takes. */
        int MIN_QUERY = -4064;
        int MAX_QUERY = 4063;

        /**
         * {@code query · row} for every row, in row order: exact integer sums. Query values lie within
         * {@link #MIN_QUERY} and {@link #MAX_QUERY} (twelve bits and a sign: integer kernels that pair byte
         * products in 16 bits stay exact with them, and a sum over 512 values stays within an int).
         *
         * @throws IllegalArgumentException if the query's length is not the table's dimension, or a value is out
         *                                  of range
         * @throws IllegalStateException    once the table (or the service behind it) is closed; the caller
         *                                  computes the products itself
         */
        int[] dot(short[] query);

        /** Frees the native copy once queries in progress are done. Closing twice does nothing. */
        @Override
        void close();
    }
}
