package io.glint.skill.phone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Command;
import io.glint.api.skill.Intent;
import io.glint.api.voice.Utterance;
import io.glint.djl.internal.EncoderLoader;
import io.glint.djl.internal.EncoderModel;
import io.glint.nlu.SkillSpecs;
import io.glint.nlu.internal.EmbeddingMatcher;
import io.glint.nlu.internal.NluService;
import io.glint.testing.MemoryHome;

/** The definition's examples and other phrasings, understood by meaning with the hub's on-device encoders. */
class PhoneMeaningTest {
    static MemoryHome home;
    static NluService nlu;

    @BeforeAll
    static void understanding() throws Exception {
        home = new MemoryHome().device(PhoneSkillTest.phone(Map.of(Attributes.CONTACTS, PhoneSkillTest.CONTACTS)));
        EmbeddingMatcher embeddings = new EmbeddingMatcher(Map.of("en", new EmbeddingMatcher.Thresholds(0.74, 0, 0.05),
                "zh", new EmbeddingMatcher.Thresholds(0.695, 0, 0.09)), true);
        nlu = new NluService(home, embeddings);
        try (InputStream in = PhoneMeaningTest.class.getResourceAsStream("/glint/phone.json")) {
            nlu.register("phone", SkillSpecs.read(in, "glint/phone.json"));
        }
        EncoderLoader loader = new EncoderLoader(Path.of("target", "djl-home"),
                PhoneMeaningTest.class.getClassLoader(), Map.of());
        loader.prepare();
        for (EncoderModel model : EncoderModel.values()) {
            embeddings.addEncoder(loader.load(model));
        }
    }

    static String intent(String text) {
        return nlu.parse(Utterance.of(text), List.of()).map(Intent::name).orElse("not understood");
    }

    @Test
    void every_example_is_understood_as_its_own_intent() throws Exception {
        var spec = SkillSpecs.read(PhoneMeaningTest.class.getResourceAsStream("/glint/phone.json"), "phone.json");
        int checked = 0;
        for (var i : spec.intents()) {
            for (var lang : i.languages().values()) {
                for (String example : lang.examples()) {
                    assertEquals(i.name(), intent(example), example);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 60, checked + " examples");
    }

    @Test
    void a_call_understood_by_meaning_finds_the_contact_in_the_sentence() {
        PhoneSkill skill = new PhoneSkill(home);
        Intent intent = nlu.parse(Utterance.of("could you get dad on the phone"), List.of()).orElseThrow();
        assertEquals("phone.call", intent.name());
        assertEquals("Calling Dad.", skill.handle(intent).speech());
        assertEquals(Command.call("+447700900002"), home.commands().get(home.commands().size() - 1));
    }
}
