package io.glint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Utterance;
import io.glint.nlu.InvalidSkillSpecException;

class SkillTesterTest {
    private static final String DEFINITION = "glint/demo-switch.json";

    private MemoryHome home;
    private SkillTester tester;
    /** Switches on the device the intent names and says what the home answered. */
    private Skill skill;

    @BeforeEach
    void setUp() {
        home = new MemoryHome().room("kitchen", "kitchen", "厨房").room("bedroom", "bedroom", "卧室")
                .light("kitchen.light", "kitchen light", "kitchen", List.of("厨房灯"))
                .plug("kitchen.kettle", "kettle", "kitchen", List.of("电水壶"))
                .plug("bedroom.fan", "fan", "bedroom", List.of("风扇"));
        tester = new SkillTester(home, DEFINITION);
        skill = intent -> {
            String id = intent.slot("device").map(Slot::value).orElseThrow();
            CommandResult r = home.execute(id, Command.turnOn());
            return r.ok() ? SkillResult.done("on: " + id) : SkillResult.failed(r.code(), r.reason());
        };
    }

    @Test
    void parse_resolves_device_names_against_the_home_in_both_languages() {
        Intent en = tester.parse("switch on the kettle").orElseThrow();
        assertEquals("demo.switch_on", en.name());
        assertEquals("kitchen.kettle", en.slot("device").map(Slot::value).orElseThrow());
        assertEquals("en", en.lang());
        Intent zh = tester.parse("打开风扇").orElseThrow();
        assertEquals("bedroom.fan", zh.slot("device").map(Slot::value).orElseThrow());
        assertEquals("zh", zh.lang());
    }

    @Test
    void a_sentence_no_definition_declares_is_not_understood() {
        assertTrue(tester.parse("make me a sandwich").isEmpty());
        AssertionError e = assertThrows(AssertionError.class, () -> tester.say(skill, "make me a sandwich"));
        assertTrue(e.getMessage().contains("make me a sandwich"), e.getMessage());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void say_hands_the_understood_intent_to_the_skill() throws Exception {
        SkillResult r = tester.say(skill, "switch on the kitchen light");
        assertEquals("on: kitchen.light", r.speech());
        assertEquals(true, home.state("kitchen.light", Attributes.ON));
        assertEquals(List.of("kitchen.light:on=true"), home.sent());
    }

    @Test
    void an_utterance_carries_the_wearers_room_and_it_means_the_device_last_talked_about() throws Exception {
        Intent inBedroom = tester.parse(new Utterance("switch on the fan", null, "g", "bedroom"), List.of())
                .orElseThrow();
        assertEquals("bedroom", inBedroom.room());
        Intent it = tester.parse(new Utterance("switch it on", null, "g", null), List.of("kitchen.kettle"))
                .orElseThrow();
        assertEquals("kitchen.kettle", it.slot("device").map(Slot::value).orElseThrow());
        assertEquals("on: bedroom.fan", tester.say(skill, new Utterance("打开风扇", null, "g", "bedroom")).speech());
    }

    @Test
    void a_device_added_during_the_test_is_understood_at_once() {
        assertTrue(tester.parse("switch on the heater").map(i -> i.slot("device").map(Slot::value).isEmpty())
                .orElse(true));
        home.plug("bedroom.heater", "heater", "bedroom", List.of());
        assertEquals("bedroom.heater", tester.parse("switch on the heater").orElseThrow().slot("device")
                .map(Slot::value).orElseThrow());
    }

    @Test
    void the_definition_is_read_as_the_hub_reads_it() {
        assertEquals(EnumSet.of(Capability.ON_OFF), tester.spec(DEFINITION).grants());
        assertEquals(1, tester.spec(DEFINITION).intents().size());
        assertThrows(IllegalArgumentException.class, () -> tester.spec("glint/other.json"));
        assertEquals(EnumSet.of(Capability.ON_OFF),
                new SkillTester(home, "/" + DEFINITION).spec("/" + DEFINITION).grants());
    }

    @Test
    void a_missing_or_broken_definition_fails_with_the_reason() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new SkillTester(home, "glint/nowhere.json"));
        assertTrue(missing.getMessage().contains("glint/nowhere.json"), missing.getMessage());
        InvalidSkillSpecException broken = assertThrows(InvalidSkillSpecException.class,
                () -> new SkillTester(home, "glint/demo-broken.json"));
        assertTrue(broken.getMessage().contains("TELEPORT"), broken.getMessage());
    }
}
