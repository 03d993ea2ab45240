package io.glint.djl.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.ModelException;
import ai.djl.engine.Engine;

/**
 * Loads the sentence encoders without OSGi, so a plain {@code main()} or a test runs exactly what the bundle runs:
 * settings, copies out of the class path into one folder, then DJL. Layout of that folder:
 * <pre>
 * cache/                     DJL_CACHE_DIR: DJL unpacks the tokenizers' native library here
 * native/onnxruntime/        onnxruntime.native.path: libonnxruntime.so, libonnxruntime4j_jni.so
 * models/&lt;id&gt;/             &lt;id&gt;.onnx, tokenizer.json
 * </pre>
 */
public final class EncoderLoader {
    private static final List<String> ORT_LIBRARIES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");

    private final Path home;
    private final ClassLoader classLoader;
    private final ResourceCopies copies;

    /**
     * @param home        the folder for copies and caches; created if missing
     * @param classLoader the loader that holds DJL, ONNX Runtime and the models (the bundle's)
     * @param sha1s       SHA-1 of resources by path, when known (the bundle manifest has them)
     */
    public EncoderLoader(Path home, ClassLoader classLoader, Map<String, String> sha1s) {
        this.home = home;
        this.classLoader = classLoader;
        this.copies = new ResourceCopies(classLoader, sha1s);
    }

    /**
     * Configures DJL for this JVM, puts ONNX Runtime's native libraries in place and starts DJL's ONNX Runtime
     * engine. Call before {@link #load}.
     */
    public void prepare() throws IOException {
        Path natives = home.resolve("native").resolve("onnxruntime");
        String platform = ortPlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
        for (String library : ORT_LIBRARIES) {
            copies.copy("ai/onnxruntime/native/" + platform + "/" + library, natives.resolve(library));
        }
        DjlSettings.apply(home.resolve("cache"), natives);
        // DJL's ORT engine creates ONNX Runtime's one environment with thread pool options, which fails for good
        // if anything created the environment before: so create it now, before another bundle touches ORT.
        try (ContextClassLoader scope = ContextClassLoader.set(classLoader)) {
            Engine.getEngine(DjlSentenceEncoder.ENGINE);
        }
    }

    /** Copies the model out if needed and loads it; takes a few hundred milliseconds. */
    public DjlSentenceEncoder load(EncoderModel model) throws IOException, ModelException {
        Path folder = home.resolve("models").resolve(model.id());
        copies.copy(model.onnxResource(), folder.resolve(model.id() + ".onnx"));
        copies.copy(model.tokenizerResource(), folder.resolve("tokenizer.json"));
        return DjlSentenceEncoder.open(model, folder, classLoader);
    }

    /** ONNX Runtime's name for this platform's native folder; only the two the bundle carries. */
    static String ortPlatform(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return "linux-x64";
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return "linux-aarch64";
            }
        }
        throw new UnsupportedOperationException("The io.glint.djl bundle carries ONNX Runtime for Linux on x86-64 "
                + "and aarch64 only, not " + osName + " on " + osArch);
    }
}
