package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.api.nlu.RowDots;
import io.glint.api.nlu.SentenceEncoder;
import io.glint.api.skill.Intent;
import io.glint.api.voice.Utterance;
import io.glint.nlu.IntentSpec;
import io.glint.nlu.LanguageSpec;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.TemplateSpec;

/**
 * The matcher's rules, with a stand-in encoder (hashed bag of words) instead of a neural model: what is tested
 * here is acceptance, rejection, polarity and slot filling, not the model's quality.
 */
class EmbeddingMatcherTest {
    /** Sentences sharing words are close; good enough to exercise the rules deterministically. */
    static class BagOfWords implements SentenceEncoder {
        @Override
        public String lang() {
            return "en";
        }

        @Override
        public String model() {
            return "bag-of-words";
        }

        @Override
        public int dimension() {
            return 256;
        }

        @Override
        public float[] encode(String text) {
            float[] v = new float[256];
            for (String t : Text.tokens(text)) {
                v[Math.floorMod(t.hashCode(), 256)] += 1;
            }
            double norm = 0;
            for (float f : v) {
                norm += f * f;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) Math.sqrt(Math.max(norm, 1e-9));
            }
            return v;
        }
    }

    private NluService nlu;
    private EmbeddingMatcher matcher;

    private static IntentSpec intent(String name, Map<String, String> slots, String template, String... examples) {
        return new IntentSpec(name, slots, Map.of("en", new LanguageSpec(List.of(TemplateSpec.of(template)),
                List.of(examples))));
    }

    @BeforeEach
    void setUp() {
        StaticDevices home = new StaticDevices(List.of(new Room("kitchen", "kitchen", List.of()),
                new Room("bedroom", "bedroom", List.of())),
                List.of(Device.builder("kitchen.light").name("kitchen light").room("kitchen").type(DeviceType.LIGHT)
                        .capability(Capability.ON_OFF).driver("t").build()));
        matcher = new EmbeddingMatcher(Map.of("en", new EmbeddingMatcher.Thresholds(0.5, 0.01)), true);
        nlu = new NluService(home, matcher);
        matcher.addEncoder(new BagOfWords());
        nlu.register("lights", new SkillSpec(java.util.Set.of(), List.of(
                intent("light.turn_on", Map.of("room", "room"), "switch on the {room} lights",
                        "I need some light in the bedroom please", "brighten up the place with the lights on"),
                intent("light.turn_off", Map.of("room", "room"), "switch off the {room} lights",
                        "kill the lights in the bedroom please", "lights off everywhere"),
                intent("light.set_brightness", Map.of("room", "room", "level", "percent", "change", "text"),
                        "set the {room} lights to {level}", "the bedroom lights are far too bright",
                        "make the bedroom lights a bit brighter"))));
    }

    private Intent understood(String text) {
        return nlu.parse(Utterance.of(text)).orElseThrow(() -> new AssertionError("not understood: " + text));
    }

    @Test
    void a_sentence_no_template_covers_is_understood_by_its_examples_and_slots_are_filled() {
        Intent i = understood("could I have some light in the kitchen please");
        assertEquals("light.turn_on", i.name());
        assertEquals("kitchen", i.slot("room").orElseThrow().value());
        assertTrue(i.confidence() < 1.0, "a model's score, not a template's certainty");
    }

    @Test
    void a_template_under_polite_fillers_answers_before_the_model_and_keeps_its_free_text() {
        nlu.register("notes", new SkillSpec(java.util.Set.of(), List.of(intent("acme.note.add",
                Map.of("text", "text"), "jot down {text}", "please could you jot down pick up the parcel",
                "jot down buy more milk", "jot down call the garage"))));
        // the whole sentence is close enough to the examples for the model, which cannot fill free text
        Intent i = understood("please could you jot down pick up the dry cleaning");
        assertEquals("acme.note.add", i.name());
        assertEquals("pick up the dry cleaning", i.slot("text").orElseThrow().raw());
        assertEquals(1.0, i.confidence(), "the template's answer");
    }

    @Test
    void the_opposite_intent_is_taken_when_the_words_say_so() {
        // nearest examples are about turning lights on; the word "off" settles it
        Intent i = understood("I need the light in the bedroom off please");
        assertEquals("light.turn_off", i.name());
    }

    @Test
    void a_direction_word_fills_the_change_slot() {
        Intent i = understood("the kitchen lights are far too bright, lower them");
        assertEquals("light.set_brightness", i.name());
        assertEquals("down", i.slot("change").orElseThrow().value());
    }

    @Test
    void sentences_nearer_the_out_of_scope_examples_are_declined() {
        assertTrue(nlu.parse(Utterance.of("amuse me with a silly story")).isEmpty());
        assertTrue(nlu.parse(Utterance.of("what's the forecast for the weekend")).isEmpty());
    }

    @Test
    void sentences_far_from_every_example_are_declined() {
        assertTrue(nlu.parse(Utterance.of("zebra quantum marmalade")).isEmpty());
    }

    @Test
    void removing_a_skill_removes_what_is_understood_by_meaning() {
        assertEquals("light.turn_on", understood("could I have some light in the kitchen please").name());
        nlu.unregister("lights");
        assertTrue(nlu.parse(Utterance.of("could I have some light in the kitchen please")).isEmpty());
    }

    @Test
    void a_catalogue_meaning_no_installed_skill_declares_is_declined_until_a_skill_declares_it() {
        // the hub's own sentence for alarm.cancel ("cancel my morning alarm") is nearer than the skill's example
        nlu.register("acme", new SkillSpec(java.util.Set.of(), List.of(intent("acme.clock.snooze", Map.of(),
                "snooze the acme clock", "cancel my morning alarm please"))));
        assertTrue(nlu.parse(Utterance.of("cancel my morning alarm")).isEmpty());
        nlu.unregister("acme");
        nlu.register("clock", new SkillSpec(java.util.Set.of(), List.of(intent("alarm.cancel", Map.of(),
                "cancel the alarm now", "cancel my morning alarm please"))));
        assertEquals("alarm.cancel", understood("cancel my morning alarm").name());
    }

    @Test
    void latin_names_in_a_chinese_sentence_are_left_out_of_what_the_model_sees() {
        assertEquals("在 上放 的歌", EmbeddingMatcher.normalize("在 Spotify 上放 Coldplay 的歌"));
        assertEquals("我想听 的新专辑", EmbeddingMatcher.normalize("我想听 Ed Sheeran 的新专辑"));
        assertEquals("play coldplay on spotify", EmbeddingMatcher.normalize("Play Coldplay on Spotify"));
    }

    @Test
    void an_answer_to_a_question_that_names_nothing_leaves_the_sentence_to_the_model() {
        nlu.register("hub", new SkillSpec(java.util.Set.of(), List.of(new IntentSpec("dialog.choose",
                Map.of("device", "device"), Map.of("en", new LanguageSpec(List.of(TemplateSpec.of("[the] {device}")),
                        List.of()))))));
        nlu.register("acme", new SkillSpec(java.util.Set.of(), List.of(intent("acme.mood.set", Map.of(),
                "set the mood", "cosy mood lighting please"))));
        // as an answer, "{device}" takes the whole sentence as a light the home does not have: it names nothing
        assertEquals("acme.mood.set", understood("cosy mood lighting").name());
    }

    @Test
    void a_language_counts_as_ready_only_once_every_skills_examples_are_indexed() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        SentenceEncoder slow = new BagOfWords() {
            @Override
            public float[] encode(String text) {
                if (busy.get()) {
                    try {
                        release.await(); // the model is busy, as on a gateway right after a skill arrived
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.encode(text);
            }
        };
        EmbeddingMatcher background = new EmbeddingMatcher(Map.of("en", new EmbeddingMatcher.Thresholds(0.5, 0)),
                false);
        try {
            NluService service = new NluService(new StaticDevices(List.of(), List.of()), background);
            background.addEncoder(slow);
            service.register("lights", new SkillSpec(java.util.Set.of(), List.of(intent("light.turn_on", Map.of(),
                    "lights on", "brighten up the place"))));
            awaitReady(background);
            busy.set(true);
            service.register("garden", new SkillSpec(java.util.Set.of(), List.of(intent("acme.garden.water",
                    Map.of(), "water the garden", "the lawn looks thirsty"))));
            // the index of the lights alone still serves, but the garden's examples are not in it yet
            assertTrue(background.readyLanguages().isEmpty(), "ready while the garden's examples are encoded");
            release.countDown();
            awaitReady(background);
            assertEquals(java.util.Set.of("en"), background.readyLanguages());
        } finally {
            release.countDown();
            background.close();
        }
    }

    /** Counts what it encodes. */
    static final class CountingWords extends BagOfWords {
        final java.util.concurrent.atomic.AtomicInteger encoded = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public float[] encode(String text) {
            encoded.incrementAndGet();
            return super.encode(text);
        }
    }

    private static EmbeddingMatcher.Scored restartedWith(java.nio.file.Path dir, CountingWords encoder, String text) {
        EmbeddingMatcher m = new EmbeddingMatcher(Map.of("en", new EmbeddingMatcher.Thresholds(0.5, 0.01)), true);
        m.persistIn(dir);
        NluService service = new NluService(new StaticDevices(List.of(), List.of()), m);
        m.addEncoder(encoder);
        service.register("lights", new SkillSpec(java.util.Set.of(), List.of(
                intent("light.turn_on", Map.of(), "lights on", "brighten up the place", "I need some light"),
                intent("light.turn_off", Map.of(), "lights off", "kill the lights please", "darkness now"))));
        return m.score(Query.of(text, "en", Text.tokens(text), Lexicon.empty()));
    }

    @Test
    void vectors_kept_on_disk_spare_the_model_at_the_next_start_and_a_damaged_file_only_costs_time(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CountingWords first = new CountingWords();
        EmbeddingMatcher.Scored before = restartedWith(dir, first, "kill the lights in the hall");
        assertTrue(first.encoded.get() > 6, "the first start encodes every sentence: " + first.encoded.get());

        CountingWords second = new CountingWords();
        EmbeddingMatcher.Scored after = restartedWith(dir, second, "kill the lights in the hall");
        assertEquals(1, second.encoded.get(), "only the utterance itself is encoded at the next start");
        assertEquals(before.intent(), after.intent());
        assertEquals(before.best(), after.best(), 0.01, "vectors come back as the index keeps them");

        java.nio.file.Path file;
        try (var files = java.nio.file.Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("vectors-")).findFirst().orElseThrow();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a cut-off write
        CountingWords third = new CountingWords();
        EmbeddingMatcher.Scored damaged = restartedWith(dir, third, "kill the lights in the hall");
        assertEquals(first.encoded.get(), third.encoded.get(), "a damaged file is read as no file");
        assertEquals(before.intent(), damaged.intent());

        CountingWords fourth = new CountingWords();
        restartedWith(dir, fourth, "kill the lights in the hall");
        assertEquals(1, fourth.encoded.get(), "the file was written again, whole");
    }

    private static void awaitReady(EmbeddingMatcher m) throws InterruptedException {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!m.readyLanguages().contains("en") && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    /** Products in Java, as a native implementation computes them, counting its work and what it frees. */
    static final class JavaRowDots implements RowDots {
        final java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();
        final List<Table> open = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public Table table(byte[] rows, int dimension) {
            byte[] copy = rows.clone();
            Table table = new Table() {
                volatile boolean closed;

                @Override
                public int rows() {
                    return copy.length / dimension;
                }

                @Override
                public int[] dot(short[] query) {
                    if (closed || failing) {
                        throw new IllegalStateException("closed");
                    }
                    queries.incrementAndGet();
                    int[] out = new int[rows()];
                    for (int r = 0; r < out.length; r++) {
                        for (int k = 0; k < dimension; k++) {
                            out[r] += copy[r * dimension + k] * query[k];
                        }
                    }
                    return out;
                }

                @Override
                public void close() {
                    closed = true;
                    open.remove(this);
                }
            };
            open.add(table);
            return table;
        }
    }

    @Test
    void a_native_row_search_gives_the_answers_of_the_java_scan_and_its_copies_follow_the_index() {
        List<String> sentences = List.of("could I have some light in the kitchen please",
                "I need the light in the bedroom off please", "the kitchen lights are far too bright, lower them",
                "amuse me with a silly story", "zebra quantum marmalade");
        Lexicon lexicon = new Lexicon(List.of(), List.of(), 0);
        List<EmbeddingMatcher.Scored> scanned = new java.util.ArrayList<>();
        for (String s : sentences) {
            scanned.add(matcher.score(Query.of(s, "en", Text.tokens(s), lexicon)));
        }
        JavaRowDots dots = new JavaRowDots();
        matcher.setRowDots(dots);
        assertEquals(1, dots.open.size(), "one copy for the one language");
        for (int i = 0; i < sentences.size(); i++) {
            EmbeddingMatcher.Scored natively = matcher.score(Query.of(sentences.get(i), "en",
                    Text.tokens(sentences.get(i)), lexicon));
            assertEquals(scanned.get(i).intent(), natively.intent(), sentences.get(i));
            assertEquals(scanned.get(i).best(), natively.best(), 0.002, sentences.get(i));
            assertEquals(scanned.get(i).none(), natively.none(), 0.002, sentences.get(i));
        }
        assertEquals(sentences.size(), dots.queries.get(), "every sentence searched natively");

        RowDots.Table first = dots.open.get(0);
        nlu.unregister("lights"); // a new index: a new copy, and the old one freed
        assertEquals(1, dots.open.size());
        assertTrue(dots.open.get(0) != first);
        assertTrue(nlu.parse(Utterance.of(sentences.get(0))).isEmpty());

        dots.failing = true; // a native search that stops answering: the Java scan answers instead
        nlu.register("lights2", new SkillSpec(java.util.Set.of(), List.of(intent("light.turn_on",
                Map.of("room", "room"), "switch on the {room} lights", "I need some light in the bedroom please"))));
        assertEquals("light.turn_on", understood("could I have some light in the kitchen please").name());

        matcher.unsetRowDots(dots);
        assertTrue(dots.open.isEmpty(), "copies freed with the service");
    }
}
