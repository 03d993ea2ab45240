package io.glint.skill.appliances.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Status;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/**
 * The skill as a wearer meets it: its definition file understood by the hub's NLU, next to the lights skill's,
 * acting on a home held in memory.
 */
class AppliancesSkillTest {
    private MemoryHome home;
    private AppliancesSkill skill;
    private SkillTester tester;
    private Nlu nlu;

    @BeforeEach
    void setUp() {
        home = new MemoryHome().room("living_room", "living room", "客厅").room("kitchen", "kitchen", "厨房")
                .room("bedroom", "bedroom", "卧室").room("hallway", "hallway", "hall", "走廊")
                .room("garage", "garage", "车库").room("office", "office", "书房")
                .light("kitchen.light", "kitchen light", "kitchen", List.of("厨房灯"), Capability.BRIGHTNESS)
                .light("living.floor_lamp", "floor lamp", "living_room", List.of("落地灯"), Capability.BRIGHTNESS)
                .light("bedroom.lamp", "bedside lamp", "bedroom", List.of("床头灯"), Capability.BRIGHTNESS)
                .device("kitchen.kettle", DeviceType.PLUG, "kettle plug", "kitchen", List.of("kettle", "电水壶"),
                        Set.of(Capability.ON_OFF), Map.of(Attributes.ON, false))
                .device("kitchen.coffee", DeviceType.COFFEE_MAKER, "coffee machine", "kitchen",
                        List.of("coffee maker", "咖啡机"), Set.of(Capability.ON_OFF, Capability.COFFEE_MAKER),
                        Map.of(Attributes.ON, false, Attributes.BREWING, ""))
                .device("bedroom.fan", DeviceType.FAN, "fan", "bedroom", List.of("bedroom fan", "风扇", "电风扇"),
                        Set.of(Capability.ON_OFF), Map.of(Attributes.ON, false))
                .device("office.fan", DeviceType.FAN, "desk fan", "office", List.of("fan", "台扇"),
                        Set.of(Capability.ON_OFF), Map.of(Attributes.ON, false))
                .device("living.tv", DeviceType.TV, "TV", "living_room", List.of("television", "电视", "电视机"),
                        Set.of(Capability.ON_OFF, Capability.MEDIA), Map.of(Attributes.ON, false))
                .device("living.speaker", DeviceType.SPEAKER, "speaker", "living_room", List.of("音箱"),
                        Set.of(Capability.MEDIA), Map.of(Attributes.PLAYING, ""))
                .device("living.ac", DeviceType.AIR_CONDITIONER, "air conditioner", "living_room", List.of("AC", "空调"),
                        Set.of(Capability.ON_OFF, Capability.THERMOSTAT), Map.of(Attributes.ON, false,
                        Attributes.TEMPERATURE, 25.5, Attributes.TARGET_TEMPERATURE, 24))
                .device("hallway.thermostat", DeviceType.THERMOSTAT, "thermostat", "hallway", List.of("heating", "暖气"),
                        Set.of(Capability.THERMOSTAT),
                        Map.of(Attributes.TEMPERATURE, 20.5, Attributes.TARGET_TEMPERATURE, 21))
                .device("living.blinds", DeviceType.BLINDS, "blinds", "living_room", List.of("百叶窗"),
                        Set.of(Capability.COVER), Map.of(Attributes.POSITION, 0))
                .device("living.roman", DeviceType.BLINDS, "roman blind", "living_room", List.of("罗马帘"),
                        Set.of(Capability.COVER), Map.of(Attributes.POSITION, 100))
                .device("bedroom.curtains", DeviceType.CURTAINS, "curtains", "bedroom", List.of("bedroom curtains", "窗帘"),
                        Set.of(Capability.COVER), Map.of(Attributes.POSITION, 100))
                .device("garage.door", DeviceType.GARAGE_DOOR, "garage door", "garage", List.of("车库门"),
                        Set.of(Capability.COVER), Map.of(Attributes.POSITION, 0))
                .device("hallway.lock", DeviceType.LOCK, "front door lock", "hallway",
                        List.of("front door", "前门", "大门"), Set.of(Capability.LOCK),
                        Map.of(Attributes.LOCKED, false))
                .device("living.vacuum", DeviceType.VACUUM, "robot vacuum", "living_room",
                        List.of("vacuum", "扫地机器人"), Set.of(Capability.VACUUM),
                        Map.of(Attributes.VACUUM_STATE, "docked"));
        skill = new AppliancesSkill(home);
        tester = new SkillTester(home, "glint/lights.json", "glint/appliances.json");
        nlu = tester.nlu();
    }

    private Intent understand(String text) {
        return understand(new Utterance(text, null, "test-glasses", null));
    }

    private Intent understand(Utterance u) {
        Optional<Intent> intent = tester.parse(u, List.of());
        assertTrue(intent.isPresent(), "not understood: " + u.text());
        return intent.get();
    }

    /**
     * Only this skill's definition. With the lights skill registered too, a device name that fits neither
     * skill's device types ties between "turn on [the] {device}" in both, and the skill registered first takes it;
     * these tests check what this skill answers when it is the one asked.
     */
    private SkillResult sayToThisSkillAlone(String text) throws Exception {
        return new SkillTester(home, "glint/appliances.json").say(skill, text);
    }

    private SkillResult say(String text) {
        return say(new Utterance(text, null, "test-glasses", null));
    }

    private SkillResult say(Utterance u) {
        Intent intent = understand(u);
        assertTrue(intent.name().matches("device\\..*|cover\\..*|lock\\..*|vacuum\\..*|coffee\\..*"),
                "went to another skill: " + intent);
        return skill.handle(intent);
    }

    private static void assertDone(SkillResult r) {
        assertEquals(Status.DONE, r.status(), r.toString());
        assertTrue(r.card().isPresent(), "a card on success: " + r);
    }

    // ---- device.turn_on / device.turn_off -------------------------------------------------------------

    @Test
    void turn_on_the_tv() {
        SkillResult r = say("turn on the TV");
        assertDone(r);
        assertEquals(true, home.state("living.tv", Attributes.ON));
        assertEquals("Turned on the TV.", r.speech());
    }

    @Test
    void switch_off_the_tv_and_the_fan_in_chinese() {
        home.set("living.tv", Attributes.ON, true).set("bedroom.fan", Attributes.ON, true);
        SkillResult r = say("把电视关掉");
        assertDone(r);
        assertEquals(false, home.state("living.tv", Attributes.ON));
        assertEquals("已关闭电视。", r.speech());
        assertDone(say("把风扇关掉"));
        assertEquals(false, home.state("bedroom.fan", Attributes.ON));
    }

    @Test
    void chinese_turns_on_the_tv_and_the_air_conditioner() {
        assertDone(say("打开电视"));
        assertEquals(true, home.state("living.tv", Attributes.ON));
        assertDone(say("开一下空调"));
        assertEquals(true, home.state("living.ac", Attributes.ON));
    }

    @Test
    void turn_on_the_kettle_and_switch_off_the_tv() {
        assertDone(say("turn on the kettle"));
        assertEquals(true, home.state("kitchen.kettle", Attributes.ON));
        home.set("living.tv", Attributes.ON, true);
        assertDone(say("switch off the TV"));
        assertEquals(false, home.state("living.tv", Attributes.ON));
        assertDone(say("put the kettle on"));
        assertEquals("kitchen.kettle:on=true", home.sent().get(home.sent().size() - 1));
    }

    @Test
    void the_fan_means_the_one_in_the_wearers_room() {
        assertDone(say(new Utterance("turn on the fan", null, "g", "office")));
        assertEquals(true, home.state("office.fan", Attributes.ON));
        assertEquals(false, home.state("bedroom.fan", Attributes.ON));
    }

    @Test
    void two_fans_and_no_room_asks_which() {
        SkillResult r = say("turn on the fan");
        assertEquals(FailureCode.AMBIGUOUS_DEVICE, r.code(), r.toString());
        assertEquals("Which one: the fan in the bedroom or the desk fan in the office?", r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_room_named_settles_which_fan() {
        assertDone(say("turn on the fan in the bedroom"));
        assertEquals(true, home.state("bedroom.fan", Attributes.ON));
        assertEquals(false, home.state("office.fan", Attributes.ON));
        assertDone(say("打开书房的台扇"));
        assertEquals(true, home.state("office.fan", Attributes.ON));
    }

    @Test
    void a_device_not_in_the_room_named_is_not_switched() {
        SkillResult r = say("turn on the TV in the bedroom");
        assertEquals(FailureCode.NO_DEVICE, r.code(), r.toString());
        assertEquals("I couldn't find the TV in the bedroom.", r.speech());
        assertEquals(false, home.state("living.tv", Attributes.ON));
    }

    @Test
    void an_unknown_name_is_no_device_naming_what_was_said() throws Exception {
        SkillResult r = sayToThisSkillAlone("turn on the patio heater");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertTrue(r.speech().contains("patio heater"), r.speech());
        SkillResult zh = sayToThisSkillAlone("打开阳台插座");
        assertEquals(FailureCode.NO_DEVICE, zh.code());
        assertEquals("我找不到叫“阳台插座”的设备。", zh.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_device_without_a_switch_is_not_supported() throws Exception {
        // the hub's understanding keeps a speaker out of this skill's device slot ("turn on the speaker" is not
        // understood); the skill still refuses one that reaches it
        assertTrue(nlu.parse(io.glint.api.voice.Utterance.of("turn on the speaker")).map(
                i -> !i.name().equals("device.turn_on")).orElse(true));
        SkillResult r = skill.handle(io.glint.api.skill.Intent.builder("device.turn_on").slot(
                new io.glint.api.skill.Slot("device", "device", "speaker", "living.speaker", List.of("living.speaker")))
                .build());
        assertEquals(FailureCode.NOT_SUPPORTED, r.code(), r.toString());
        assertEquals("The speaker can't be switched on or off.", r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_word_for_a_kind_of_device_finds_it_when_no_device_has_that_name() throws Exception {
        assertDone(sayToThisSkillAlone("switch on the air con"));
        assertEquals(true, home.state("living.ac", Attributes.ON));
    }

    @Test
    void an_offline_device_says_why_in_the_hubs_words() {
        home.offline("living.tv", null);
        SkillResult r = say("turn on the TV");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("The TV is offline.", r.speech());
    }

    @Test
    void lights_stay_with_the_lights_skill() {
        assertEquals("light.turn_on", understand("turn on the kitchen light").name());
        assertEquals("light.turn_off", understand("turn off the lights in the kitchen").name());
        assertEquals("light.turn_on", understand("打开厨房灯").name());
        assertEquals("light.turn_off", understand("把客厅的灯关掉").name());
        assertEquals("light.set_brightness", understand("set the kitchen light to 40 percent").name());
        assertEquals("light.turn_on", understand("turn on the floor lamp").name());
        assertEquals("light.turn_on", understand("打开客厅的落地灯").name());
        assertEquals("light.turn_on", understand("turn the lights in the kitchen on").name());
        // and appliances stay with this skill
        assertEquals("device.turn_on", understand("turn on the TV").name());
        assertEquals("device.turn_off", understand("关掉空调").name());
        assertEquals("cover.open", understand("set the blinds to 30 percent").name());
    }

    @Test
    void sentences_for_nobody_are_not_taken() {
        for (String text : List.of("make me a sandwich", "what time is it", "来一杯啤酒", "tell me a funny story")) {
            assertTrue(nlu.parse(Utterance.of(text)).isEmpty(), text + " → " + nlu.parse(Utterance.of(text)));
        }
    }

    // ---- cover.open / cover.close ---------------------------------------------------------------------

    @Test
    void open_the_blinds() {
        SkillResult r = say("open the blinds");
        assertDone(r);
        assertEquals(100, home.state("living.blinds", Attributes.POSITION));
        assertEquals("Opened the blinds.", r.speech());
    }

    @Test
    void close_the_bedroom_curtains_in_both_languages() {
        SkillResult r = say("close the bedroom curtains");
        assertDone(r);
        assertEquals(0, home.state("bedroom.curtains", Attributes.POSITION));
        home.set("bedroom.curtains", Attributes.POSITION, 100);
        SkillResult zh = say("把卧室的窗帘拉上");
        assertDone(zh);
        assertEquals(0, home.state("bedroom.curtains", Attributes.POSITION));
        assertEquals("已关上窗帘。", zh.speech());
    }

    @Test
    void chinese_opens_the_curtains_and_closes_the_blinds() {
        home.set("bedroom.curtains", Attributes.POSITION, 0).set("living.blinds", Attributes.POSITION, 100);
        assertDone(say("拉开窗帘"));
        assertEquals(100, home.state("bedroom.curtains", Attributes.POSITION));
        assertDone(say("关上百叶窗"));
        assertEquals(0, home.state("living.blinds", Attributes.POSITION));
    }

    @Test
    void halfway_is_fifty_percent() {
        SkillResult r = say("open the blinds halfway");
        assertDone(r);
        assertEquals(50, home.state("living.blinds", Attributes.POSITION));
        assertEquals("Opened the blinds halfway.", r.speech());
        home.set("living.blinds", Attributes.POSITION, 0);
        assertDone(say("百叶窗开一半"));
        assertEquals(50, home.state("living.blinds", Attributes.POSITION));
    }

    @Test
    void closing_halfway_says_closed() {
        home.set("living.blinds", Attributes.POSITION, 100);
        SkillResult r = say("close the blinds halfway");
        assertDone(r);
        assertEquals(50, home.state("living.blinds", Attributes.POSITION));
        assertEquals("Closed the blinds halfway.", r.speech());
    }

    @Test
    void a_position_in_percent_and_in_chinese_numerals() {
        assertDone(say("set the blinds to 30 percent"));
        assertEquals(30, home.state("living.blinds", Attributes.POSITION));
        SkillResult zh = say("把百叶窗开到百分之七十");
        assertDone(zh);
        assertEquals(70, home.state("living.blinds", Attributes.POSITION));
        assertEquals("已把百叶窗开到70%。", zh.speech());
    }

    @Test
    void opening_the_garage_door_is_held_for_the_wearers_confirmation() {
        SkillResult r = say("open the garage door");
        assertEquals(Status.FAILED, r.status());
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, r.code());
        assertEquals("Open the garage door? The wearer has to confirm first.", r.speech());
        assertEquals(0, home.state("garage.door", Attributes.POSITION));
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, say("打开车库门").code());
        assertEquals(0, home.state("garage.door", Attributes.POSITION));
    }

    @Test
    void closing_the_garage_door_is_not_sensitive() {
        home.set("garage.door", Attributes.POSITION, 100);
        SkillResult r = say("close the garage door");
        assertDone(r);
        assertEquals(0, home.state("garage.door", Attributes.POSITION));
        assertEquals("Closed the garage door.", r.speech());
    }

    @Test
    void opening_with_nothing_named_never_means_the_garage_door() {
        Intent inGarage = Intent.builder("cover.open").text("open up").room("garage").build();
        SkillResult r = skill.handle(inGarage);
        assertEquals(FailureCode.AMBIGUOUS_DEVICE, r.code(), r.toString());
        assertFalse(r.speech().contains("garage door"), r.speech());
        assertTrue(home.sent().isEmpty());
        Intent inBedroom = Intent.builder("cover.open").text("open up").room("bedroom").build();
        assertDone(skill.handle(inBedroom));
        assertEquals(List.of("bedroom.curtains:position=100"), home.sent());
    }

    @Test
    void a_word_for_covers_means_those_in_the_wearers_room_and_reports_partial_failure() {
        home.set("living.blinds", Attributes.POSITION, 100);
        home.deaf("living.roman");
        SkillResult r = say(new Utterance("close the shades", null, "g", "living_room"));
        assertEquals(FailureCode.PARTIAL, r.code(), r.toString());
        assertEquals("Closed 1 of 2 (the blinds); the roman blind did not answer within 2 s.", r.speech());
        assertEquals(0, home.state("living.blinds", Attributes.POSITION));
        assertEquals(List.of("living.blinds:position=0", "living.roman:position=0"), home.sent());
    }

    @Test
    void a_room_without_that_cover_says_so() {
        SkillResult r = say("close the curtains in the garage");
        assertEquals(FailureCode.NO_DEVICE, r.code(), r.toString());
        assertEquals("I couldn't find the curtains in the garage.", r.speech());
    }

    // ---- lock.lock / lock.unlock ----------------------------------------------------------------------

    @Test
    void lock_the_front_door() {
        SkillResult r = say("lock the front door");
        assertDone(r);
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
        assertEquals("Locked the front door.", r.speech());
    }

    @Test
    void chinese_locks_the_main_door() {
        SkillResult r = say("锁上大门");
        assertDone(r);
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
        assertEquals("已锁上大门。", r.speech());
    }

    @Test
    void unlocking_is_held_for_the_wearers_confirmation() {
        home.set("hallway.lock", Attributes.LOCKED, true);
        SkillResult r = say("unlock the door");
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, r.code(), r.toString());
        assertEquals("Unlock the front door lock? The wearer has to confirm first.", r.speech());
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, say("解锁前门").code());
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, say("open the front door").code());
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
    }

    @Test
    void with_two_locks_an_unnamed_door_asks_which_and_all_locks_both() {
        home.device("garage.lock", DeviceType.LOCK, "side door lock", "garage", List.of("side door", "侧门"),
                Set.of(Capability.LOCK), Map.of(Attributes.LOCKED, false));
        SkillResult r = say("lock the door");
        assertEquals(FailureCode.AMBIGUOUS_DEVICE, r.code(), r.toString());
        assertEquals("Which one: the front door lock in the hallway or the side door lock in the garage?", r.speech());
        assertDone(say("lock all the doors"));
        assertEquals(true, home.state("hallway.lock", Attributes.LOCKED));
        assertEquals(true, home.state("garage.lock", Attributes.LOCKED));
        assertDone(say("把所有的门都锁上"));
    }

    // ---- vacuum.start / vacuum.stop -------------------------------------------------------------------

    @Test
    void vacuum_the_kitchen() {
        SkillResult r = say("vacuum the kitchen");
        assertDone(r);
        assertEquals(List.of("living.vacuum:vacuum_state=cleaning:kitchen"), home.sent());
        assertEquals("Sent the robot vacuum to clean the kitchen.", r.speech());
    }

    @Test
    void chinese_sends_the_robot_to_the_living_room() {
        SkillResult r = say("让扫地机器人打扫客厅");
        assertDone(r);
        assertEquals("cleaning", home.state("living.vacuum", Attributes.VACUUM_STATE));
        assertEquals("living_room", home.state("living.vacuum", Attributes.VACUUM_ROOM));
        assertEquals("已让扫地机器人去打扫客厅。", r.speech());
    }

    @Test
    void start_the_vacuum_cleans_the_whole_home() {
        assertDone(say("start the vacuum"));
        assertEquals(List.of("living.vacuum:vacuum_state=cleaning"), home.sent());
    }

    @Test
    void send_the_robot_home_in_both_languages() {
        home.set("living.vacuum", Attributes.VACUUM_STATE, "cleaning");
        SkillResult r = say("send the robot home");
        assertDone(r);
        assertEquals("returning", home.state("living.vacuum", Attributes.VACUUM_STATE));
        assertEquals("Sent the robot vacuum back to its dock.", r.speech());
        home.set("living.vacuum", Attributes.VACUUM_STATE, "cleaning");
        assertDone(say("扫地机器人回去充电"));
        assertEquals("returning", home.state("living.vacuum", Attributes.VACUUM_STATE));
    }

    @Test
    void a_docked_vacuum_is_not_sent_home_again() {
        SkillResult r = say("stop the vacuum");
        assertDone(r);
        assertEquals("The robot vacuum is on its dock.", r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void no_vacuum_in_the_home() {
        home.remove("living.vacuum");
        SkillResult r = say("start the vacuum");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals("There's no robot vacuum in this home.", r.speech());
    }

    // ---- coffee.make ----------------------------------------------------------------------------------

    @Test
    void make_me_a_coffee_turns_the_machine_on_first() {
        SkillResult r = say("make me a coffee");
        assertDone(r);
        assertEquals(List.of("kitchen.coffee:on=true", "kitchen.coffee:brewing=coffee"), home.sent());
        assertEquals("Making you a coffee.", r.speech());
    }

    @Test
    void brew_an_espresso_on_a_machine_that_is_already_on() {
        home.set("kitchen.coffee", Attributes.ON, true);
        SkillResult r = say("brew an espresso");
        assertDone(r);
        assertEquals(List.of("kitchen.coffee:brewing=espresso"), home.sent());
        assertEquals("Making you an espresso.", r.speech());
    }

    @Test
    void chinese_drinks() {
        SkillResult latte = say("来一杯拿铁");
        assertDone(latte);
        assertEquals("latte", home.state("kitchen.coffee", Attributes.BREWING));
        assertEquals("正在给你做一杯拿铁。", latte.speech());
        assertDone(say("煮杯咖啡"));
        assertEquals("coffee", home.state("kitchen.coffee", Attributes.BREWING));
        assertDone(say("我要一杯美式"));
        assertEquals("americano", home.state("kitchen.coffee", Attributes.BREWING));
    }

    @Test
    void a_kind_of_coffee_the_templates_do_not_list_is_brewed_as_said() {
        assertDone(say("make me a strong coffee"));
        assertEquals("strong coffee", home.state("kitchen.coffee", Attributes.BREWING));
    }

    @Test
    void a_machine_that_does_not_switch_on_brews_nothing() {
        home.deaf("kitchen.coffee");
        SkillResult r = say("make me a latte");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals(List.of("kitchen.coffee:on=true"), home.sent());
    }

    // ---- device.query ---------------------------------------------------------------------------------

    @Test
    void is_the_front_door_locked() {
        home.set("hallway.lock", Attributes.LOCKED, true);
        SkillResult r = say("is the front door locked");
        assertEquals(Status.QUERY_ANSWER, r.status(), r.toString());
        assertEquals("Yes, the front door is locked.", r.speech());
        assertEquals("是的，前门锁着。", say("前门锁了吗").speech());
        home.set("hallway.lock", Attributes.LOCKED, false);
        assertEquals("No, the front door is unlocked.", say("is the front door locked").speech());
        assertTrue(home.sent().isEmpty(), "a question changes nothing");
    }

    @Test
    void is_the_garage_door_open() {
        assertEquals("No, the garage door is closed.", say("is the garage door open").speech());
        home.set("garage.door", Attributes.POSITION, 100);
        assertEquals("是的，车库门开着。", say("车库门开着吗").speech());
    }

    @Test
    void how_warm_is_a_room_with_and_without_a_sensor() {
        SkillResult living = say("how warm is the living room");
        assertEquals(Status.QUERY_ANSWER, living.status(), living.toString());
        assertEquals("It's 25.5 °C in the living room.", living.speech());
        SkillResult bedroom = say("how warm is the bedroom");
        assertEquals(FailureCode.NO_DEVICE, bedroom.code());
        assertEquals("There's no temperature sensor in the bedroom.", bedroom.speech());
        assertEquals("卧室没有温度传感器。", say("卧室多少度").speech());
        assertEquals("走廊现在20.5度。", say("走廊多少度").speech());
    }

    @Test
    void how_warm_is_it_means_the_wearers_room() {
        SkillResult r = say(new Utterance("how warm is it", null, "g", "hallway"));
        assertEquals("It's 20.5 °C in the hallway.", r.speech());
    }

    @Test
    void which_lights_are_on() {
        assertEquals("All the lights are off.", say("which lights are on").speech());
        home.set("kitchen.light", Attributes.ON, true).set("living.floor_lamp", Attributes.ON, true);
        SkillResult r = say("which lights are on");
        assertEquals(Status.QUERY_ANSWER, r.status());
        assertEquals("The kitchen light and the floor lamp are on.", r.speech());
        assertEquals("厨房灯和落地灯开着。", say("哪些灯开着").speech());
    }

    @Test
    void a_room_with_one_light_answers_for_that_light() {
        home.set("kitchen.light", Attributes.ON, true);
        assertEquals("Yes, the kitchen light is on.", say("is the kitchen light on").speech());
        assertEquals("是的，厨房灯开着。", say("厨房的灯开着吗").speech());
    }

    @Test
    void is_the_tv_on_and_is_the_air_conditioner_on_in_chinese() {
        assertEquals("No, the TV is off.", say("is the TV on").speech());
        home.set("living.ac", Attributes.ON, true);
        assertEquals("是的，空调开着。", say("空调开着吗").speech());
    }

    @Test
    void what_is_the_vacuum_doing() {
        home.set("living.vacuum", Attributes.VACUUM_STATE, "cleaning").set("living.vacuum", Attributes.VACUUM_ROOM,
                "kitchen");
        assertEquals("The robot vacuum is cleaning the kitchen.", say("what is the vacuum doing").speech());
        assertEquals("扫地机器人正在打扫厨房。", say("扫地机器人在干什么").speech());
    }

    @Test
    void is_the_coffee_machine_on() {
        home.set("kitchen.coffee", Attributes.ON, true).set("kitchen.coffee", Attributes.BREWING, "latte");
        assertEquals("Yes, the coffee machine is on, making latte.", say("is the coffee machine on").speech());
    }

    @Test
    void an_offline_device_is_said_to_be_offline() {
        home.offline("living.tv", "its hub is unplugged");
        SkillResult r = say("is the TV on");
        assertEquals(Status.QUERY_ANSWER, r.status());
        assertEquals("The TV is offline, so I can't tell.", r.speech());
    }

    @Test
    void are_the_doors_locked_answers_for_every_lock() {
        home.device("garage.lock", DeviceType.LOCK, "side door lock", "garage", List.of("side door"),
                Set.of(Capability.LOCK), Map.of(Attributes.LOCKED, true));
        SkillResult r = say("are the doors locked");
        assertEquals("The front door lock is unlocked. The side door lock is locked.", r.speech());
    }
}
