package io.glint.djl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.glint.api.nlu.RowDots;

class OrtRowDotsTest {
    private static OrtRowDots open() throws Exception {
        TestEncoders.get(EncoderModel.values()[0]); // ONNX Runtime set up as the bundle sets it up
        return OrtRowDots.open(OrtRowDotsTest.class.getClassLoader());
    }

    private static int[] javaDots(byte[] rows, short[] query) {
        int[] out = new int[rows.length / query.length];
        for (int r = 0; r < out.length; r++) {
            for (int k = 0; k < query.length; k++) {
                out[r] += rows[r * query.length + k] * query[k];
            }
        }
        return out;
    }

    @Test
    void exact_products_for_every_row_including_the_extremes() throws Exception {
        Random random = new Random(7);
        int dimension = 384;
        byte[] rows = new byte[4503 * dimension]; // not a multiple of any kernel's block
        random.nextBytes(rows);
        Arrays.fill(rows, 0, dimension, (byte) -128);
        Arrays.fill(rows, dimension, 2 * dimension, (byte) 127);
        short[] query = new short[dimension];
        for (int k = 0; k < dimension; k++) {
            query[k] = (short) (RowDots.Table.MIN_QUERY + random.nextInt(RowDots.Table.MAX_QUERY
                    - RowDots.Table.MIN_QUERY + 1));
        }
        short[] extreme = new short[dimension];
        Arrays.fill(extreme, (short) RowDots.Table.MIN_QUERY);
        short[] top = new short[dimension];
        Arrays.fill(top, (short) RowDots.Table.MAX_QUERY);
        try (OrtRowDots dots = open(); RowDots.Table table = dots.table(rows, dimension)) {
            assertEquals(4503, table.rows());
            assertArrayEquals(javaDots(rows, query), table.dot(query));
            int[] most = table.dot(extreme);
            assertEquals(-128 * RowDots.Table.MIN_QUERY * dimension, most[0]);
            assertEquals(127 * RowDots.Table.MIN_QUERY * dimension, most[1]);
            assertArrayEquals(javaDots(rows, extreme), most);
            assertArrayEquals(javaDots(rows, top), table.dot(top));
        }
    }

    @Test
    void bad_shapes_are_refused_and_closed_tables_say_so() throws Exception {
        try (OrtRowDots dots = open()) {
            assertThrows(IllegalArgumentException.class, () -> dots.table(new byte[10], 3));
            assertThrows(IllegalArgumentException.class, () -> dots.table(new byte[10], 0));
            RowDots.Table table = dots.table(new byte[] {1, 2, 3, 4, 5, 6}, 3);
            assertArrayEquals(new int[] {1 + 4 + 9, 4 + 10 + 18}, table.dot(new short[] {1, 2, 3}));
            assertArrayEquals(new int[] {-4000 + 2 * 4000 - 3 * 33, -4 * 4000 + 5 * 4000 - 6 * 33},
                    table.dot(new short[] {-4000, 4000, -33}));
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> table.dot(new short[] {1, 2}));
            assertEquals("a query of 2 values for rows of 3", wrong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> table.dot(new short[] {1, 4064, 1}));
            table.close();
            table.close();
            assertThrows(IllegalStateException.class, () -> table.dot(new short[] {1, 2, 3}));
            RowDots.Table open = dots.table(new byte[] {1, 1}, 2);
            dots.close();
            assertThrows(IllegalStateException.class, () -> open.dot(new short[] {1, 1}));
            assertThrows(IllegalStateException.class, () -> dots.table(new byte[] {1, 1}, 2));
            open.close();
        }
    }
}
