package io.glint.djl.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads both encoders and encodes a few sentences, as a plain program: what {@link NoNetworkTest} watches. */
public final class OfflineProbe {
    static final String DONE = "offline probe: both encoders loaded and encoded";

    private OfflineProbe() {
    }

    public static void main(String[] args) throws Exception {
        EncoderLoader loader = new EncoderLoader(Path.of(args[0]), OfflineProbe.class.getClassLoader(), Map.of());
        loader.prepare();
        for (EncoderModel model : EncoderModel.values()) {
            try (DjlSentenceEncoder encoder = loader.load(model)) {
                for (String text : List.of("turn on the kitchen light", "what's the weather tomorrow", "打开灯",
                        "明天天气怎么样")) {
                    encoder.encode(text);
                }
            }
        }
        ai.djl.engine.Engine.getInstance();
        System.out.println(DONE);
    }
}
