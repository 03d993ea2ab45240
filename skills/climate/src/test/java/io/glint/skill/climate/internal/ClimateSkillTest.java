package io.glint.skill.climate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.api.skill.Status;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpec;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/** The skill as a wearer meets it: its definition understood by the hub's NLU next to the lights skill's. */
class ClimateSkillTest {
    private static final String INTENT = "climate.set_temperature";

    private MemoryHome home;
    private ClimateSkill skill;
    private Nlu nlu;
    private SkillSpec spec;

    @BeforeEach
    void setUp() {
        home = new MemoryHome()
                .room("living_room", "living room", "客厅").room("bedroom", "bedroom", "卧室")
                .room("hallway", "hallway", "走廊").room("kitchen", "kitchen", "厨房")
                .device("living_room.ac", DeviceType.AIR_CONDITIONER, "air conditioner", "living_room",
                        List.of("AC", "空调"), EnumSet.of(Capability.ON_OFF, Capability.THERMOSTAT),
                        Map.of(Attributes.ON, false, Attributes.TARGET_TEMPERATURE, 24, Attributes.TEMPERATURE, 25.5,
                                Attributes.MODE, "cool"))
                .device("bedroom.ac", DeviceType.AIR_CONDITIONER, "bedroom air conditioner", "bedroom",
                        List.of("bedroom AC", "卧室空调"), EnumSet.of(Capability.ON_OFF, Capability.THERMOSTAT),
                        Map.of(Attributes.ON, true, Attributes.TARGET_TEMPERATURE, 26, Attributes.MODE, "cool"))
                .device("hallway.thermostat", DeviceType.THERMOSTAT, "thermostat", "hallway",
                        List.of("heating", "恒温器", "暖气"), EnumSet.of(Capability.THERMOSTAT),
                        Map.of(Attributes.TARGET_TEMPERATURE, 21, Attributes.TEMPERATURE, 20.5,
                                Attributes.MODE, "heat"))
                .device("living_room.tv", DeviceType.TV, "TV", "living_room", List.of("电视"),
                        EnumSet.of(Capability.ON_OFF, Capability.MEDIA), Map.of(Attributes.ON, false))
                .light("kitchen.light", "kitchen light", "kitchen", List.of("厨房灯"), Capability.BRIGHTNESS);
        skill = new ClimateSkill(home);
        SkillTester tester = new SkillTester(home, "glint/lights.json", "glint/climate.json");
        nlu = tester.nlu();
        spec = tester.spec("glint/climate.json");
        home.grants(spec.grants());
    }

    private Intent parse(String text, String room) {
        return parse(text, room, List.of());
    }

    /** As the hub parses: with the devices the wearer last talked about, which "it" / "它" stands for. */
    private Intent parse(String text, String room, List<String> lastDevices) {
        Optional<Intent> intent = nlu.parse(new Utterance(text, null, "test-glasses", room), lastDevices);
        assertTrue(intent.isPresent(), "not understood: " + text);
        assertEquals(INTENT, intent.get().name(), text + " → " + intent.get());
        return intent.get();
    }

    private SkillResult say(String text) throws Exception {
        return say(text, null);
    }

    private SkillResult say(String text, String room) throws Exception {
        return skill.handle(parse(text, room));
    }

    private double setPoint(String id) {
        return ((Number) home.state(id, Attributes.TARGET_TEMPERATURE)).doubleValue();
    }

    // ---- set points ------------------------------------------------------------------------------------

    @Test
    void set_the_bedroom_to_22_degrees() throws Exception {
        SkillResult r = say("set the bedroom to 22 degrees");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(22.0, setPoint("bedroom.ac"));
        assertEquals(24.0, setPoint("living_room.ac"));
        assertEquals("Set the bedroom air conditioner to 22 °C.", r.speech());
        assertEquals(List.of("Bedroom air conditioner: 22 °C"), r.card().orElseThrow().lines());
    }

    @Test
    void chinese_numerals_set_an_air_conditioner_that_is_off_and_switch_it_on() throws Exception {
        SkillResult r = say("把客厅的空调调到二十三度");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(23.0, setPoint("living_room.ac"));
        assertEquals(true, home.state("living_room.ac", Attributes.ON));
        assertEquals("已打开客厅的空调并调到23度。", r.speech());
    }

    @Test
    void the_set_point_is_sent_before_the_air_conditioner_is_switched_on() throws Exception {
        say("set the AC in the living room to 21 degrees");
        assertEquals(List.of("living_room.ac:target_temperature=21.0", "living_room.ac:on=true"), home.sent());
    }

    @Test
    void fahrenheit_is_converted_and_both_figures_are_said() throws Exception {
        SkillResult r = say("set the thermostat to 72 fahrenheit");
        assertEquals(22.0, setPoint("hallway.thermostat"));
        assertEquals("Set the thermostat to 22 °C (72 °F).", r.speech());
    }

    @Test
    void an_unmarked_seventy_is_fahrenheit_in_chinese_too() throws Exception {
        SkillResult r = say("把暖气调到七十度");
        assertEquals(21.0, setPoint("hallway.thermostat"));
        assertEquals("已把恒温器调到21度（华氏70度）。", r.speech());
    }

    @Test
    void spelled_fahrenheit_is_recovered_from_the_celsius_value() throws Exception {
        SkillResult r = say("set the heating to sixty eight degrees fahrenheit");
        assertEquals(20.0, setPoint("hallway.thermostat"));
        assertTrue(r.speech().contains("20 °C (68 °F)"), r.speech());
    }

    @Test
    void celsius_said_in_chinese_with_a_decimal() throws Exception {
        SkillResult r = say("把暖气调到二十一点五度");
        assertEquals(21.5, setPoint("hallway.thermostat"));
        assertEquals("已把恒温器调到21.5度。", r.speech());
    }

    @Test
    void without_a_room_every_thermostat_and_air_conditioner_is_set_and_counted() throws Exception {
        SkillResult r = say("set the temperature to 20");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(20.0, setPoint("living_room.ac"));
        assertEquals(20.0, setPoint("bedroom.ac"));
        assertEquals(20.0, setPoint("hallway.thermostat"));
        assertEquals("Set all 3 thermostats and air conditioners to 20 °C and turned on the air conditioner.",
                r.speech());
        assertEquals(3, r.card().orElseThrow().lines().size());
    }

    @Test
    void the_wearers_room_comes_before_the_whole_home() throws Exception {
        SkillResult r = say("set the temperature to 19 degrees", "bedroom");
        assertEquals(19.0, setPoint("bedroom.ac"));
        assertEquals(24.0, setPoint("living_room.ac"));
        assertEquals(21.0, setPoint("hallway.thermostat"));
        assertEquals("Set the bedroom air conditioner to 19 °C.", r.speech());
    }

    @Test
    void a_wearers_room_without_one_falls_back_to_the_home() throws Exception {
        say("make it warmer", "kitchen");
        assertEquals(22.0, setPoint("hallway.thermostat"));
        assertEquals(27.0, setPoint("bedroom.ac"));
    }

    @Test
    void the_ac_means_air_conditioners_only() throws Exception {
        SkillResult r = say("把空调调到二十四度");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(24.0, setPoint("bedroom.ac"));
        assertEquals(24.0, setPoint("living_room.ac"));
        assertEquals(21.0, setPoint("hallway.thermostat"));
        assertEquals("已把空调和卧室空调都调到24度，并打开了空调。", r.speech());
    }

    @Test
    void the_heating_means_the_thermostat_even_in_a_room_with_an_air_conditioner() throws Exception {
        SkillResult r = say("turn up the heating", "living_room");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(22.0, setPoint("hallway.thermostat"));
        assertEquals(24.0, setPoint("living_room.ac"));
        assertEquals(false, home.state("living_room.ac", Attributes.ON));
        assertEquals("Turned the thermostat up to 22 °C.", r.speech());
    }

    // ---- warmer and cooler -----------------------------------------------------------------------------

    @Test
    void warmer_moves_the_current_set_point_up_one_degree() throws Exception {
        SkillResult r = say("make the bedroom warmer");
        assertEquals(27.0, setPoint("bedroom.ac"));
        assertEquals("Turned the bedroom air conditioner up to 27 °C.", r.speech());
    }

    @Test
    void chinese_relative_changes_in_the_wearers_room() throws Exception {
        say("调高一点", "bedroom");
        assertEquals(27.0, setPoint("bedroom.ac"));
        say("温度低一点", "bedroom");
        say("卧室凉快一点");
        assertEquals(25.0, setPoint("bedroom.ac"));
        SkillResult r = say("把暖气调低一点", "bedroom");
        assertEquals(20.0, setPoint("hallway.thermostat"));
        assertEquals("已把恒温器调低到20度。", r.speech());
    }

    @Test
    void cooler_in_the_living_room_switches_the_air_conditioner_on() throws Exception {
        SkillResult r = say("cooler in the living room");
        assertEquals(23.0, setPoint("living_room.ac"));
        assertEquals(true, home.state("living_room.ac", Attributes.ON));
        assertEquals("Turned on the air conditioner in the living room and set it to 23 °C, 1 °C cooler.",
                r.speech());
    }

    @Test
    void warmer_does_not_switch_on_an_air_conditioner_that_only_cools() throws Exception {
        SkillResult r = say("make it warmer", "living_room");
        assertEquals(25.0, setPoint("living_room.ac"));
        assertEquals(false, home.state("living_room.ac", Attributes.ON));
        assertEquals("Turned the air conditioner in the living room up to 25 °C; it stays off.", r.speech());
    }

    @Test
    void a_change_by_some_degrees_moves_by_that_much() throws Exception {
        say("turn the heating down by 2 degrees");
        assertEquals(19.0, setPoint("hallway.thermostat"));
        say("把空调调高两度", "bedroom");
        assertEquals(28.0, setPoint("bedroom.ac"));
    }

    @Test
    void it_is_the_device_last_talked_about() throws Exception {
        SkillResult r = skill.handle(parse("turn it up a little", null, List.of("bedroom.ac")));
        assertEquals(27.0, setPoint("bedroom.ac"));
        assertEquals("Turned the bedroom air conditioner up to 27 °C.", r.speech());
        skill.handle(parse("把它调到二十度", null, List.of("hallway.thermostat")));
        assertEquals(20.0, setPoint("hallway.thermostat"));
        assertEquals(27.0, setPoint("bedroom.ac"));
    }

    @Test
    void warmer_is_clamped_to_the_top_of_the_range() throws Exception {
        home.set("hallway.thermostat", Attributes.TARGET_TEMPERATURE, 34.5);
        say("turn up the heating by 2 degrees");
        assertEquals(35.0, setPoint("hallway.thermostat"));
    }

    @Test
    void warmer_at_the_top_of_the_range_is_invalid_and_says_the_range() throws Exception {
        home.set("hallway.thermostat", Attributes.TARGET_TEMPERATURE, 35);
        SkillResult r = say("turn up the heating");
        assertEquals(FailureCode.INVALID_VALUE, r.code());
        assertEquals("The thermostat is already at 35 °C, the highest I can set; the range is 5 to 35 °C.",
                r.speech());
        assertTrue(home.sent().isEmpty());
    }

    // ---- failures --------------------------------------------------------------------------------------

    @Test
    void a_set_point_out_of_range_is_invalid_and_says_the_range() throws Exception {
        SkillResult r = say("set the thermostat to 40 degrees");
        assertEquals(FailureCode.INVALID_VALUE, r.code());
        assertEquals("I can set the temperature from 5 to 35 °C; 40 °C is out of range.", r.speech());
        SkillResult zh = say("把暖气调到三度");
        assertEquals(FailureCode.INVALID_VALUE, zh.code());
        assertEquals("温度只能设在5到35度之间，3度超出了范围。", zh.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_room_without_a_thermostat_says_so() throws Exception {
        SkillResult r = say("set the kitchen to 20 degrees");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals("There's no thermostat or air conditioner in the kitchen.", r.speech());
        SkillResult zh = say("把厨房的空调调到二十度");
        assertEquals(FailureCode.NO_DEVICE, zh.code());
        assertEquals("厨房没有空调。", zh.speech());
    }

    @Test
    void an_unknown_device_name_is_no_device_not_a_guess() throws Exception {
        SkillResult r = say("set the sauna thermostat to 30 degrees");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertTrue(r.speech().contains("\"sauna thermostat\""), r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_device_without_a_thermostat_is_not_supported() throws Exception {
        // what the hub sends when "it" was the TV
        Intent intent = Intent.builder(INTENT).lang("en").text("set it to 22 degrees")
                .slot(Slot.of("device", "device", "it", "living_room.tv"))
                .slot(Slot.of("temperature", "temperature", "22 degrees", "22")).build();
        SkillResult r = skill.handle(intent);
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
        assertEquals("The TV has no temperature setting.", r.speech());
    }

    @Test
    void several_matching_devices_are_asked_about() throws Exception {
        Intent intent = Intent.builder(INTENT).lang("en").text("set the air con to 22")
                .slot(new Slot("device", "device", "air con", null, List.of("living_room.ac", "bedroom.ac")))
                .slot(Slot.of("temperature", "temperature", "22", "22")).build();
        SkillResult r = skill.handle(intent);
        assertEquals(FailureCode.AMBIGUOUS_DEVICE, r.code());
        assertEquals("Which one: the air conditioner in the living room or the bedroom air conditioner?", r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void partial_failure_names_what_did_not_answer() throws Exception {
        home.deaf("bedroom.ac");
        SkillResult r = say("set the temperature to 20 degrees");
        assertEquals(FailureCode.PARTIAL, r.code());
        assertTrue(r.speech().startsWith("Set 2 of 3 thermostats and air conditioners to 20 °C;"), r.speech());
        assertTrue(r.speech().contains("bedroom air conditioner did not answer"), r.speech());
        assertEquals(20.0, setPoint("hallway.thermostat"));
    }

    @Test
    void a_device_that_does_not_answer_fails_with_its_reason() throws Exception {
        home.deaf("hallway.thermostat");
        SkillResult r = say("暖气调高一点");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("The thermostat did not answer within 2 s.", r.speech());
    }

    @Test
    void an_air_conditioner_that_will_not_switch_on_is_partial() throws Exception {
        home.deaf("living_room.ac", Attributes.ON);
        SkillResult r = say("set the living room to 22 degrees");
        assertEquals(FailureCode.PARTIAL, r.code());
        assertEquals(22.0, setPoint("living_room.ac"));
        assertTrue(r.speech().contains("did not turn on"), r.speech());
    }

    @Test
    void commands_stay_within_the_grants() throws Exception {
        assertEquals(EnumSet.of(Capability.THERMOSTAT, Capability.ON_OFF), spec.grants());
        say("set the temperature to 23 degrees");
        say("make it cooler");
        assertFalse(home.commands().isEmpty());
        for (Command c : home.commands()) {
            assertTrue(spec.grants().contains(c.capability()), c.toString());
        }
    }

    // ---- what belongs to other skills ------------------------------------------------------------------

    @Test
    void climate_sentences_land_on_climate_next_to_the_lights_skill() {
        for (String text : List.of("turn up the heating", "turn the heat down", "turn the AC down a bit",
                "raise the temperature in the bedroom", "make it a little warmer", "it's too hot in here",
                "set the living room to 21", "heat the bedroom to 22 degrees", "make it 2 degrees cooler",
                "把空调调到二十四度", "调高一点", "温度低一点", "卧室太冷了", "让客厅暖和一点", "空调二十六度")) {
            parse(text, null);
        }
    }

    @Test
    void light_sentences_stay_with_the_lights_skill() {
        Map<String, String> expected = Map.of(
                "turn on the kitchen light", "light.turn_on",
                "turn off all the lights", "light.turn_off",
                "dim the kitchen lights", "light.set_brightness",
                "set the kitchen light to 40 percent", "light.set_brightness",
                "把卧室的灯调到百分之四十", "light.set_brightness",
                "把厨房的灯调暗一点", "light.set_brightness",
                "make the lights warm white", "light.set_color");
        expected.forEach((text, name) -> assertEquals(name,
                nlu.parse(Utterance.of(text)).map(Intent::name).orElse("none"), text));
    }

    @Test
    void switching_an_air_conditioner_on_asking_about_warmth_or_dimming_a_light_is_not_a_set_point() {
        for (String text : List.of("turn on the air conditioner", "打开空调", "turn off the AC", "温度高吗",
                "how warm is the bedroom", "把厨房灯调低一点", "turn the kitchen light up")) {
            assertNotEquals(INTENT, nlu.parse(Utterance.of(text)).map(Intent::name).orElse("none"), text);
        }
    }
}
