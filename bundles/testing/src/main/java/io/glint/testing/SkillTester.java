package io.glint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.glint.api.device.Devices;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.SkillSpecs;
import io.glint.nlu.internal.NluService;

/**
 * The hub's own understanding of your skill definition, for unit tests: it reads definition files from the
 * classpath with the hub's reader (so a mistake in the file fails the test with the hub's message) and
 * understands sentences with the hub's NLU, resolving rooms and device names against a home such as a
 * {@link MemoryHome}. A test can then check that a sentence is understood as the intent it should be, and what
 * your skill answers to it:
 *
 * <pre>
 * MemoryHome home = new MemoryHome().room("kitchen", "kitchen", "厨房")
 *         .light("kitchen.light", "kitchen light", "kitchen", List.of("厨房灯"));
 * SkillTester tester = new SkillTester(home, "glint/lights.json");
 * SkillResult r = tester.say(new LightsSkill(home), "turn on the kitchen light");
 * assertEquals("Turned on the kitchen light.", r.speech());
 * assertEquals("light.turn_on", tester.parse("打开厨房灯").orElseThrow().name());
 * </pre>
 *
 * Give it other skills' definitions too (the hub has them all installed at once) to check that your sentences
 * land on your skill and not on theirs, and theirs not on yours. They are registered in the order given, as if
 * installed in that order: the hub breaks exact ties by arrival order.
 */
public final class SkillTester {
    private final Nlu nlu;
    private final Map<String, SkillSpec> specs = new LinkedHashMap<>();

    /**
     * @param home        the devices and rooms names are resolved against
     * @param definitions classpath resources, e.g. {@code "glint/lights.json"} (a leading "/" is allowed); each is
     *                    registered under its file name without ".json" ("lights")
     * @throws IllegalArgumentException when a resource is not on the classpath
     * @throws io.glint.nlu.InvalidSkillSpecException when a definition is not valid, with the hub's explanation
     */
    public SkillTester(Devices home, String... definitions) {
        this.nlu = new NluService(home);
        for (String definition : definitions) {
            SkillSpec spec = read(definition);
            specs.put(definition, spec);
            nlu.register(owner(definition), spec);
        }
    }

    /** The definition as the hub read it, e.g. to check its {@link SkillSpec#grants() grants}. */
    public SkillSpec spec(String definition) {
        SkillSpec spec = specs.get(definition);
        if (spec == null) {
            throw new IllegalArgumentException(definition + " is not one of " + specs.keySet());
        }
        return spec;
    }

    /** The understanding itself, to register or remove definitions during a test. */
    public Nlu nlu() {
        return nlu;
    }

    /** The intent the sentence is understood as, when the wearer is in no known room; empty when not understood. */
    public Optional<Intent> parse(String text) {
        return parse(Utterance.of(text), List.of());
    }

    /**
     * The intent an utterance is understood as (its room is where the wearer is), with the devices the wearer last
     * talked about, which "it" / "它" stands for; empty when not understood.
     */
    public Optional<Intent> parse(Utterance utterance, List<String> referents) {
        return nlu.parse(utterance, referents);
    }

    /**
     * What the skill answers to a sentence, as the hub would call it.
     *
     * @throws AssertionError when the sentence is not understood at all
     * @throws Exception      what the skill's {@link Skill#handle} throws
     */
    public SkillResult say(Skill skill, String text) throws Exception {
        return say(skill, Utterance.of(text));
    }

    /** As {@link #say(Skill, String)}, for an utterance that says where the wearer is. */
    public SkillResult say(Skill skill, Utterance utterance) throws Exception {
        Intent intent = parse(utterance, List.of())
                .orElseThrow(() -> new AssertionError("Not understood: \"" + utterance.text() + "\""));
        return skill.handle(intent);
    }

    private static SkillSpec read(String definition) {
        String path = definition.startsWith("/") ? definition.substring(1) : definition;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream found = context == null ? null : context.getResourceAsStream(path);
        if (found == null) {
            found = SkillTester.class.getClassLoader().getResourceAsStream(path);
        }
        if (found == null) {
            throw new IllegalArgumentException("No skill definition " + path + " on the classpath; put it in "
                    + "src/main/resources/" + path + " or depend on the jar that has it");
        }
        try (InputStream in = found) {
            return SkillSpecs.read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "glint/lights.json" → "lights". */
    private static String owner(String definition) {
        String name = definition.substring(definition.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }
}
