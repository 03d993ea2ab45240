package io.glint.skill.memo.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.glint.api.nlu.SentenceEncoder;
import io.glint.djl.internal.EncoderLoader;
import io.glint.djl.internal.EncoderModel;

/** The hub's on-device encoders (bge-small en and zh), loaded once per test JVM from the io.glint.djl jar. */
final class RealEncoders {
    private static Map<String, SentenceEncoder> loaded;

    private RealEncoders() {
    }

    static synchronized Map<String, SentenceEncoder> all() {
        if (loaded == null) {
            try {
                EncoderLoader loader = new EncoderLoader(Path.of("target", "djl-home"),
                        RealEncoders.class.getClassLoader(), Map.of());
                loader.prepare();
                Map<String, SentenceEncoder> encoders = new HashMap<>();
                for (EncoderModel model : EncoderModel.values()) {
                    SentenceEncoder e = loader.load(model);
                    encoders.put(e.lang(), e);
                }
                loaded = Map.copyOf(encoders);
            } catch (Exception e) {
                throw new IllegalStateException("Could not load the sentence encoders: " + e, e);
            }
        }
        return loaded;
    }

    static SentenceEncoder get(String lang) {
        return all().get(lang);
    }
}
