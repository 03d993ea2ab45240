package io.glint.djl.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import ai.djl.ModelException;

/** Both encoders, loaded once per test JVM from the test class path (the jars the bundle embeds). */
final class TestEncoders {
    static final Path HOME = Path.of("target", "djl-home");

    private static Map<EncoderModel, DjlSentenceEncoder> loaded;

    private TestEncoders() {
    }

    static synchronized DjlSentenceEncoder get(EncoderModel model) {
        if (loaded == null) {
            EncoderLoader loader = loader();
            Map<EncoderModel, DjlSentenceEncoder> encoders = new EnumMap<>(EncoderModel.class);
            try {
                loader.prepare();
                for (EncoderModel m : EncoderModel.values()) {
                    encoders.put(m, loader.load(m));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ModelException e) {
                throw new IllegalStateException(e);
            }
            loaded = encoders;
        }
        return loaded.get(model);
    }

    static EncoderLoader loader() {
        return new EncoderLoader(HOME, TestEncoders.class.getClassLoader(), Map.of());
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}
