package io.glint.djl.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The JVM-wide settings DJL and ONNX Runtime read: they are system properties, so they hold for every DJL user in
 * the JVM, which is the point (one DJL, embedded here). Nothing leaves the machine: no telemetry (DJL's
 * {@code Ec2Utils.callHome} otherwise probes 169.254.169.254 at every start), no downloads, and no files outside
 * the folder given.
 */
final class DjlSettings {
    static final String OFFLINE = "ai.djl.offline";
    static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";
    /** Otherwise ORT delegates unsupported operators to PyTorch, and a PyTorch engine on the class path breaks it. */
    static final String DISABLE_ALTERNATIVE = "ai.djl.onnx.disable_alternative";
    /** The tokenizers jar registers a "Rust" engine that would otherwise win for {@code Engine.getInstance()}. */
    static final String DEFAULT_ENGINE = "ai.djl.default_engine";
    static final String CACHE_DIR = "DJL_CACHE_DIR";
    /** Where DJL unpacks the tokenizers' native library; read before {@link #CACHE_DIR}. */
    static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
    /** The folder ONNX Runtime loads its two native libraries from, instead of unpacking them to java.io.tmpdir. */
    static final String ORT_NATIVE_PATH = "onnxruntime.native.path";
    /** Sizes of ORT's global thread pools; without them ORT starts one thread per core that nobody uses. */
    static final String ORT_INTRA_OP_THREADS = "ai.djl.onnxruntime.num_threads";
    static final String ORT_INTER_OP_THREADS = "ai.djl.onnxruntime.num_interop_threads";

    private DjlSettings() {
    }

    /**
     * @param cache      DJL's cache (the tokenizers' native library lands there)
     * @param ortNatives the folder holding ONNX Runtime's native libraries
     * @throws IllegalStateException if the environment turns DJL's offline mode off, which a system property
     *                               cannot override
     */
    static void apply(Path cache, Path ortNatives) {
        String environment = System.getenv("DJL_OFFLINE");
        if (environment != null && !Boolean.parseBoolean(environment.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("DJL_OFFLINE=" + environment + " in the environment lets DJL download "
                    + "models and report usage; Glint keeps everything on the device: unset DJL_OFFLINE");
        }
        System.setProperty(OFFLINE, "true");
        System.setProperty(OPT_OUT_TRACKING, "true");
        System.setProperty(DISABLE_ALTERNATIVE, "true");
        System.setProperty(DEFAULT_ENGINE, DjlSentenceEncoder.ENGINE);
        System.setProperty(CACHE_DIR, cache.toAbsolutePath().toString());
        System.setProperty(ENGINE_CACHE_DIR, cache.toAbsolutePath().toString());
        System.setProperty(ORT_NATIVE_PATH, ortNatives.toAbsolutePath().toString());
        setIfAbsent(ORT_INTRA_OP_THREADS, DjlSentenceEncoder.THREADS_PER_CALL);
        setIfAbsent(ORT_INTER_OP_THREADS, DjlSentenceEncoder.THREADS_PER_CALL);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
