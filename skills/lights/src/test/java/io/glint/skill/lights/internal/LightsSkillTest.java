package io.glint.skill.lights.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Status;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/** The skill as a wearer meets it: its own definition file understood by the hub's NLU, acting on a home. */
class LightsSkillTest {
    private MemoryHome home;
    private LightsSkill skill;
    private SkillTester tester;
    private Nlu nlu;

    @BeforeEach
    void setUp() {
        home = new MemoryHome().room("kitchen", "kitchen", "厨房").room("living_room", "living room", "客厅")
                .room("bedroom", "bedroom", "卧室").room("garage", "garage", "车库")
                .light("kitchen.ceiling", "kitchen light", "kitchen", List.of("厨房灯"), Capability.BRIGHTNESS)
                .light("living.ceiling", "ceiling light", "living_room", List.of("吊灯"), Capability.BRIGHTNESS,
                        Capability.COLOR)
                .light("living.floor", "floor lamp", "living_room", List.of("落地灯"), Capability.BRIGHTNESS)
                .light("bedroom.bedside", "bedside lamp", "bedroom", List.of("床头灯"), Capability.BRIGHTNESS,
                        Capability.COLOR)
                .light("porch", "porch light", null, List.of("门廊灯"))
                .plug("kitchen.kettle", "kettle", "kitchen", List.of());
        skill = new LightsSkill(home);
        tester = new SkillTester(home, "glint/lights.json");
        nlu = tester.nlu();
    }

    private SkillResult say(String text) throws Exception {
        return tester.say(skill, text);
    }

    private SkillResult say(Utterance u) throws Exception {
        return tester.say(skill, u);
    }

    @Test
    void turn_on_the_kitchen_light() throws Exception {
        SkillResult r = say("turn on the kitchen light");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(true, home.state("kitchen.ceiling", Attributes.ON));
        assertEquals(false, home.state("living.floor", Attributes.ON));
        assertEquals("Turned on the kitchen light.", r.speech());
    }

    @Test
    void chinese_turns_off_the_living_room_lights_only() throws Exception {
        home.execute("living.ceiling", io.glint.api.device.Command.turnOn());
        home.execute("kitchen.ceiling", io.glint.api.device.Command.turnOn());
        SkillResult r = say("把客厅的灯关掉");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(false, home.state("living.ceiling", Attributes.ON));
        assertEquals(true, home.state("kitchen.ceiling", Attributes.ON));
        assertEquals("已关闭客厅的灯。", r.speech());
    }

    @Test
    void brightness_in_chinese_numerals() throws Exception {
        SkillResult r = say("把卧室的灯调到百分之四十");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(40, home.state("bedroom.bedside", Attributes.BRIGHTNESS));
    }

    @Test
    void dimmer_steps_down_from_the_current_level() throws Exception {
        home.execute("kitchen.ceiling", io.glint.api.device.Command.brightness(80));
        say("dim the kitchen lights");
        assertEquals(80 - LightsSkill.STEP, home.state("kitchen.ceiling", Attributes.BRIGHTNESS));
    }

    @Test
    void colour_goes_only_to_lights_that_have_colour() throws Exception {
        SkillResult r = say("make the living room lights blue");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals("blue", home.state("living.ceiling", Attributes.COLOR));
        assertEquals(null, home.state("living.floor", Attributes.COLOR));
        assertEquals(FailureCode.NOT_SUPPORTED, say("turn the kitchen light red").code());
    }

    @Test
    void warm_white_sets_a_colour_temperature() throws Exception {
        say("把卧室的灯调成暖光");
        assertEquals(2700, home.state("bedroom.bedside", Attributes.COLOR_TEMPERATURE));
    }

    @Test
    void all_the_lights_means_every_light_and_never_the_kettle() throws Exception {
        SkillResult r = say("turn on all the lights");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertTrue(home.all().stream().filter(d -> d.type() == io.glint.api.device.DeviceType.LIGHT)
                .allMatch(d -> Boolean.TRUE.equals(d.state(Attributes.ON))));
        assertEquals(false, home.state("kitchen.kettle", Attributes.ON));
        assertEquals("Turned on all 5 lights.", r.speech());
    }

    @Test
    void without_a_room_the_wearers_room_is_meant() throws Exception {
        say(new Utterance("turn on the lights", null, "g", "bedroom"));
        assertEquals(true, home.state("bedroom.bedside", Attributes.ON));
        assertEquals(false, home.state("kitchen.ceiling", Attributes.ON));
    }

    @Test
    void partial_failure_names_what_did_not_answer() throws Exception {
        home.deaf("porch");
        SkillResult r = say("turn off all the lights");
        assertEquals(FailureCode.PARTIAL, r.code());
        assertTrue(r.speech().startsWith("Turned off 4 of 5 lights;"), r.speech());
        assertTrue(r.speech().contains("porch light did not answer"), r.speech());
    }

    @Test
    void a_room_without_lights_says_so() throws Exception {
        SkillResult r = say("turn on the garage lights");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals("There are no lights in the garage.", r.speech());
    }

    @Test
    void an_unknown_light_name_is_no_device_not_a_guess() throws Exception {
        SkillResult r = say("turn on the disco light");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertTrue(r.speech().contains("disco light"), r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void brightness_outside_zero_to_hundred_is_not_understood_as_a_level() {
        assertTrue(nlu.parse(Utterance.of("set the kitchen light to 140 percent")).isEmpty());
    }
}
