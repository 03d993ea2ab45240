package io.glint.djl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.glint.api.nlu.RowDots;

/**
 * {@link RowDots} on ONNX Runtime: a one-node graph ({@code MatMulInteger}, rows × the query's two parts) run on
 * its integer kernels, on one thread. The rows live in a direct buffer that ONNX
 * Runtime reads in place, so a table costs its rows' bytes once, outside the Java heap.
 */
public final class OrtRowDots implements RowDots, AutoCloseable {
    static final String GRAPH = "row-dots.onnx";

    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final ClassLoader classLoader;
    /** Queries hold it shared; closing the session takes it alone, so no query reads freed native memory. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private OrtRowDots(OrtEnvironment environment, OrtSession.SessionOptions options, OrtSession session,
            ClassLoader classLoader) {
        this.environment = environment;
        this.options = options;
        this.session = session;
        this.classLoader = classLoader;
    }

    /** Opens the graph in ONNX Runtime's environment; call after {@link EncoderLoader#prepare()}. */
    public static OrtRowDots open(ClassLoader classLoader) throws IOException, OrtException {
        byte[] graph;
        try (InputStream in = OrtRowDots.class.getResourceAsStream(GRAPH)) {
            if (in == null) {
                throw new IOException(GRAPH + " is missing from the io.glint.djl bundle: rebuild it");
            }
            graph = in.readAllBytes();
        }
        try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options;
            try {
                options = DjlSentenceEncoder.sessionOptions(1);
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException(e.getMessage(), e);
            }
            try {
                return new OrtRowDots(environment, options, environment.createSession(graph, options), classLoader);
            } catch (OrtException | RuntimeException e) {
                options.close();
                throw e;
            }
        }
    }

    @Override
    public Table table(byte[] rows, int dimension) {
        if (dimension <= 0 || rows.length % dimension != 0) {
            throw new IllegalArgumentException(rows.length + " bytes are not rows of " + dimension);
        }
        // stored as unsigned bytes, each row value plus 128: the kernels' fast case; dot() takes the shift back out
        ByteBuffer buffer = ByteBuffer.allocateDirect(rows.length).order(ByteOrder.nativeOrder());
        for (byte b : rows) {
            buffer.put((byte) (b + 128));
        }
        buffer.flip();
        lifecycle.readLock().lock();
        try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
            requireOpen();
            return new OrtTable(OnnxTensor.createTensor(environment, buffer,
                    new long[] {rows.length / dimension, dimension}, OnnxJavaType.UINT8), rows.length / dimension,
                    dimension);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused a table of " + rows.length / dimension + " rows: "
                    + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The native row search is closed: the io.glint.djl bundle stopped");
        }
    }

    /** Closes the session; tables still open answer no more queries (they throw, and their callers scan). */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
                    session.close();
                } catch (OrtException e) {
                    // nothing more to free
                } finally {
                    options.close();
                }
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private final class OrtTable implements Table {
        private final OnnxTensor rows;
        private final int count;
        private final int dimension;
        private final ReadWriteLock tableLifecycle = new ReentrantReadWriteLock();
        private boolean tableClosed;

        OrtTable(OnnxTensor rows, int count, int dimension) {
            this.rows = rows;
            this.count = count;
            this.dimension = dimension;
        }

        @Override
        public int rows() {
            return count;
        }

        /**
         * Each query value v as 64 · high + low, high within ±63 and low within -32..31, the two columns of one
         * call: byte kernels that add pairs of unsigned × signed products in 16 bits (AVX2 without VNNI) cannot
         * saturate on them, and the sum keeps the query's twelve bits.
         */
        @Override
        public int[] dot(short[] query) {
            if (query.length != dimension) {
                throw new IllegalArgumentException("a query of " + query.length + " values for rows of "
                        + dimension);
            }
            ByteBuffer q = ByteBuffer.allocateDirect(2 * dimension).order(ByteOrder.nativeOrder());
            int highs = 0;
            int lows = 0;
            for (short v : query) {
                if (v < MIN_QUERY || v > MAX_QUERY) {
                    throw new IllegalArgumentException("query value " + v + " is outside " + MIN_QUERY + ".."
                            + MAX_QUERY);
                }
                int high = Math.floorDiv(v + 32, 64);
                int low = v - 64 * high;
                q.put((byte) high).put((byte) low);
                highs += high;
                lows += low;
            }
            q.flip();
            tableLifecycle.readLock().lock();
            lifecycle.readLock().lock();
            try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
                if (tableClosed) {
                    throw new IllegalStateException("This table of rows is closed");
                }
                requireOpen();
                try (OnnxTensor queryTensor = OnnxTensor.createTensor(environment, q, new long[] {dimension, 2},
                        OnnxJavaType.INT8);
                        OrtSession.Result result = session.run(Map.of("rows", rows, "query", queryTensor))) {
                    int[] parts = new int[2 * count];
                    ((OnnxTensor) result.get(0)).getIntBuffer().get(parts);
                    int[] out = new int[count];
                    // (row + 128) · part = row · part + 128 · Σ part
                    int shift = 128 * (64 * highs + lows);
                    for (int i = 0; i < count; i++) {
                        out[i] = 64 * parts[2 * i] + parts[2 * i + 1] - shift;
                    }
                    return out;
                }
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed on the row search: " + e.getMessage(), e);
            } finally {
                lifecycle.readLock().unlock();
                tableLifecycle.readLock().unlock();
            }
        }

        @Override
        public void close() {
            tableLifecycle.writeLock().lock();
            try {
                if (!tableClosed) {
                    tableClosed = true;
                    rows.close();
                }
            } finally {
                tableLifecycle.writeLock().unlock();
            }
        }
    }
}
