package io.glint.djl.internal;

import static io.glint.djl.internal.EncoderModel.BGE_SMALL_EN;
import static io.glint.djl.internal.EncoderModel.BGE_SMALL_ZH;
import static io.glint.djl.internal.TestEncoders.cosine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ai.djl.engine.Engine;
import io.glint.api.nlu.SentenceEncoder;

class SentenceEncoderTest {

    private static final List<String> UTTERANCES = List.of("turn on the light", "switch the lamp on",
            "what's the weather tomorrow", "set the living room to 21 degrees", "打开灯", "开一下台灯",
            "明天天气怎么样", "把客厅空调调到二十一度", "pause the music", "lock the car");

    @ParameterizedTest
    @EnumSource(EncoderModel.class)
    void vectors_have_the_model_dimension_and_unit_length(EncoderModel model) {
        SentenceEncoder encoder = TestEncoders.get(model);
        for (String utterance : UTTERANCES) {
            float[] vector = encoder.encode(utterance);
            assertEquals(model.dimension(), vector.length, utterance);
            assertEquals(model.dimension(), encoder.dimension());
            assertEquals(1.0, Math.sqrt(cosine(vector, vector)), 1e-5, utterance);
        }
        assertEquals(model.lang(), encoder.lang());
        assertEquals(model.id(), encoder.model());
    }

    @Test
    void the_thread_count_property_takes_whole_numbers_and_explains_anything_else() {
        assertEquals(DjlSentenceEncoder.DEFAULT_THREADS, DjlSentenceEncoder.threads(null));
        assertEquals(DjlSentenceEncoder.DEFAULT_THREADS, DjlSentenceEncoder.threads(" "));
        assertEquals(2, DjlSentenceEncoder.threads(" 2 "));
        for (String bad : List.of("two", "0", "-1", "65", "1.5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DjlSentenceEncoder.threads(bad));
            assertTrue(e.getMessage().contains("glint.encoder.threads=" + bad) && e.getMessage().contains("1 to 64"),
                    e.getMessage());
        }
    }

    @Test
    void turning_on_the_light_is_closer_to_switching_the_lamp_on_than_to_the_weather() {
        SentenceEncoder en = TestEncoders.get(BGE_SMALL_EN);
        float[] light = en.encode("turn on the light");
        double lamp = cosine(light, en.encode("switch the lamp on"));
        double weather = cosine(light, en.encode("what's the weather tomorrow"));
        assertTrue(lamp > weather + 0.1, "lamp " + lamp + " vs weather " + weather);
    }

    @Test
    void chinese_light_on_is_closer_to_the_desk_lamp_than_to_the_weather() {
        SentenceEncoder zh = TestEncoders.get(BGE_SMALL_ZH);
        float[] light = zh.encode("打开灯");
        double lamp = cosine(light, zh.encode("开一下台灯"));
        double weather = cosine(light, zh.encode("明天天气怎么样"));
        assertTrue(lamp > weather + 0.1, "台灯 " + lamp + " vs 天气 " + weather);
    }

    @Test
    void the_chinese_encoder_reads_latin_capitals_as_lower_case() {
        // Its tokenizer does not lower-case: without the encoder doing it, "TV" would be [UNK].
        SentenceEncoder zh = TestEncoders.get(BGE_SMALL_ZH);
        assertArrayEquals(zh.encode("打开tv"), zh.encode("打开TV"));
    }

    @ParameterizedTest
    @EnumSource(EncoderModel.class)
    void encoding_is_deterministic(EncoderModel model) {
        SentenceEncoder encoder = TestEncoders.get(model);
        for (String utterance : UTTERANCES) {
            assertArrayEquals(encoder.encode(utterance), encoder.encode(utterance), utterance);
        }
    }

    @ParameterizedTest
    @EnumSource(EncoderModel.class)
    void four_threads_encoding_at_once_get_the_same_vectors_as_one(EncoderModel model) throws Exception {
        SentenceEncoder encoder = TestEncoders.get(model);
        List<float[]> expected = UTTERANCES.stream().map(encoder::encode).toList();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<float[]> vectors = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        for (String utterance : UTTERANCES) {
                            vectors.add(encoder.encode(utterance));
                        }
                    }
                    return vectors;
                }));
            }
            start.countDown();
            for (Future<List<float[]>> result : results) {
                List<float[]> vectors = result.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < vectors.size(); i++) {
                    assertArrayEquals(expected.get(i % UTTERANCES.size()), vectors.get(i),
                            UTTERANCES.get(i % UTTERANCES.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(EncoderModel.class)
    void a_text_longer_than_the_model_window_is_truncated_not_refused(EncoderModel model) {
        // Past 512 tokens the graph has no position embedding: without truncation ONNX Runtime fails.
        String sentence = model == BGE_SMALL_ZH ? "把客厅的灯调暗一点。" : "please dim the living room lights a little. ";
        float[] vector = TestEncoders.get(model).encode(sentence.repeat(300));
        assertEquals(1.0, Math.sqrt(cosine(vector, vector)), 1e-5);
    }

    @ParameterizedTest
    @EnumSource(EncoderModel.class)
    void an_empty_text_still_gives_a_unit_vector(EncoderModel model) {
        float[] vector = TestEncoders.get(model).encode("");
        assertEquals(model.dimension(), vector.length);
        assertEquals(1.0, Math.sqrt(cosine(vector, vector)), 1e-5);
    }

    @Test
    void a_closed_encoder_refuses_to_encode() throws Exception {
        DjlSentenceEncoder encoder = TestEncoders.loader().load(BGE_SMALL_ZH);
        assertEquals(BGE_SMALL_ZH.dimension(), encoder.encode("关灯").length);
        encoder.close();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> encoder.encode("关灯"));
        assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
    }

    @Test
    void other_djl_users_get_onnx_runtime_as_the_default_engine() {
        TestEncoders.get(BGE_SMALL_EN);
        assertEquals("OnnxRuntime", Engine.getInstance().getEngineName());
    }
}
