package io.glint.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.glint.api.nlu.SentenceEncoder;
import io.glint.djl.internal.EncoderLoader;
import io.glint.djl.internal.EncoderModel;
import io.glint.djl.internal.OrtRowDots;

/** The hub's on-device encoders, loaded in a plain JVM (no framework) for calibration and benchmarks. */
final class Encoders {
    private Encoders() {
    }

    static List<SentenceEncoder> load() throws Exception {
        Path home = Path.of(System.getProperty("glint.djl.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "glint-djl-bench").toString()));
        Files.createDirectories(home);
        EncoderLoader loader = new EncoderLoader(home, Encoders.class.getClassLoader(), Map.of());
        loader.prepare();
        List<SentenceEncoder> encoders = new ArrayList<>();
        for (EncoderModel model : EncoderModel.values()) {
            encoders.add(loader.load(model));
        }
        return encoders;
    }

    /** The native row search, as the djl bundle registers it; call after {@link #load()}. */
    static OrtRowDots rowDots() throws Exception {
        return OrtRowDots.open(Encoders.class.getClassLoader());
    }
}
