package io.glint.djl.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.glint.api.nlu.SentenceEncoder;

/**
 * One bge model on ONNX Runtime through DJL. Thread-safe: a DJL predictor serves one call at a time, so each call
 * borrows one from a pool that grows to the highest concurrency seen (a predictor is light; the ONNX session
 * behind all of them is one). Closing waits for calls in progress, then frees the native session; a call after
 * that fails instead of touching freed native memory.
 */
public final class DjlSentenceEncoder implements SentenceEncoder, AutoCloseable {
    static final String ENGINE = "OnnxRuntime";
    /** ORT's global thread pools (unused: each session has its own) get one thread each. */
    static final String THREADS_PER_CALL = "1";
    /** System property: how many threads ONNX Runtime may use for one encoding (default {@value #DEFAULT_THREADS}). */
    static final String THREADS_PROPERTY = "glint.encoder.threads";
    static final int DEFAULT_THREADS = 1;
    private static final int MAX_TOKENS = 512;

    private final EncoderModel model;
    private final ClassLoader classLoader;
    private final HuggingFaceTokenizer tokenizer;
    private final SessionOptions sessionOptions;
    private final Model djlModel;
    private final ClsEmbeddingTranslator translator;
    private final Deque<Predictor<String, float[]>> idle = new ConcurrentLinkedDeque<>();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private DjlSentenceEncoder(EncoderModel model, ClassLoader classLoader, HuggingFaceTokenizer tokenizer,
            SessionOptions sessionOptions, Model djlModel) {
        this.model = model;
        this.classLoader = classLoader;
        this.tokenizer = tokenizer;
        this.sessionOptions = sessionOptions;
        this.djlModel = djlModel;
        this.translator = new ClsEmbeddingTranslator(tokenizer);
    }

    /**
     * Loads the model from a folder holding {@code <id>.onnx} and {@code tokenizer.json}, and checks it encodes.
     * DJL must already be configured ({@link DjlSettings}).
     */
    static DjlSentenceEncoder open(EncoderModel model, Path folder, ClassLoader classLoader)
            throws IOException, MalformedModelException {
        try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(folder.resolve("tokenizer.json"),
                    Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
            SessionOptions options = null;
            Model djlModel = null;
            try {
                options = sessionOptions(threads(System.getProperty(THREADS_PROPERTY)));
                // The tokenizers jar registers a "Rust" engine that would otherwise be the default.
                djlModel = Model.newInstance(model.id(), Device.cpu(), ENGINE);
                // DJL's string options can only switch the arena and memory patterns on, never off: hand ORT
                // the session options themselves.
                djlModel.load(folder, model.id(), Map.of("sessionOptions", options));
                DjlSentenceEncoder encoder = new DjlSentenceEncoder(model, classLoader, tokenizer, options, djlModel);
                encoder.checkDimension();
                return encoder;
            } catch (IOException | MalformedModelException | RuntimeException e) {
                if (djlModel != null) {
                    djlModel.close();
                }
                if (options != null) {
                    options.close();
                }
                tokenizer.close();
                throw e;
            }
        }
    }

    /** The threads per encoding a system property asks for, or the default. */
    static int threads(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_THREADS;
        }
        try {
            int threads = Integer.parseInt(property.strip());
            if (threads >= 1 && threads <= 64) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + "=" + property + " is not a thread count: give a "
                + "whole number from 1 to 64 (the cores ONNX Runtime may use for one sentence), or leave it unset");
    }

    /**
     * {@code threads} ORT threads for one call, and no memory arena: the arena keeps the largest activations any
     * sentence ever needed (about 8 MiB more resident memory for the English model after its examples are
     * encoded) for a speed-up too small to measure on inputs this short.
     */
    static SessionOptions sessionOptions(int threads) throws MalformedModelException {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setCPUArenaAllocator(false);
            return options;
        } catch (OrtException e) {
            options.close();
            throw new MalformedModelException("ONNX Runtime refused the session options: " + e.getMessage(), e);
        }
    }

    private void checkDimension() throws MalformedModelException {
        int actual = encode("ok").length;
        if (actual != model.dimension()) {
            close();
            throw new MalformedModelException(model.id() + " gives " + actual + "-dimensional vectors, expected "
                    + model.dimension() + ": the bundle carries another model than its code expects");
        }
    }

    @Override
    public String lang() {
        return model.lang();
    }

    @Override
    public String model() {
        return model.id();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] encode(String text) {
        Objects.requireNonNull(text, "text");
        String input = model.lowerCaseInput() ? text.toLowerCase(Locale.ROOT) : text;
        lifecycle.readLock().lock();
        try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
            if (closed) {
                throw new IllegalStateException("The " + model.id() + " encoder is closed: the io.glint.djl bundle "
                        + "stopped; use the encoder service registered next");
            }
            Predictor<String, float[]> predictor = idle.pollFirst();
            if (predictor == null) {
                predictor = djlModel.newPredictor(translator);
            }
            try {
                return predictor.predict(input);
            } finally {
                idle.offerFirst(predictor);
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("The " + model.id() + " encoder failed on a " + text.length()
                    + "-character text: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Frees the native session once the calls in progress are done. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
                for (Predictor<String, float[]> predictor; (predictor = idle.pollFirst()) != null;) {
                    predictor.close();
                }
                djlModel.close();
                sessionOptions.close();
                tokenizer.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return model.id() + " (" + model.lang() + ", " + model.dimension() + " dimensions)";
    }
}
