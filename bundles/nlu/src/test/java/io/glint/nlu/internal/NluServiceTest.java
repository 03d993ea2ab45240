package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.api.skill.Intent;
import io.glint.api.voice.Utterance;
import io.glint.nlu.SkillSpecs;

class NluServiceTest {
    private NluService nlu;

    @BeforeEach
    void setUp() throws Exception {
        StaticDevices home = new StaticDevices(
                List.of(new Room("kitchen", "kitchen", List.of("厨房")),
                        new Room("living_room", "living room", List.of("客厅")),
                        new Room("bedroom", "bedroom", List.of("卧室"))),
                List.of(light("kitchen.ceiling", "kitchen light", "kitchen", "厨房灯"),
                        light("living.floor", "floor lamp", "living_room", "落地灯"),
                        light("bedroom.bedside", "bedside lamp", "bedroom", "床头灯"),
                        Device.builder("kitchen.kettle").name("kettle").type(DeviceType.PLUG).room("kitchen")
                                .capability(Capability.ON_OFF).driver("t").build()));
        nlu = new NluService(home);
        try (InputStream in = getClass().getResourceAsStream("/test-skill.json")) {
            nlu.register("lights", SkillSpecs.read(in, "test-skill.json"));
        }
    }

    private static Device light(String id, String name, String room, String zh) {
        return Device.builder(id).name(name).aliases(List.of(zh, "lamp")).room(room).type(DeviceType.LIGHT)
                .capability(Capability.ON_OFF, Capability.BRIGHTNESS).driver("t").build();
    }

    private Intent parse(String text) {
        return nlu.parse(Utterance.of(text)).orElseThrow(() -> new AssertionError("not understood: " + text));
    }

    @Test
    void turn_on_the_kitchen_light_means_the_kitchen_room() {
        Intent i = parse("Turn on the kitchen light!");
        assertEquals("light.turn_on", i.name());
        assertEquals("kitchen", i.slot("room").orElseThrow().value());
        assertEquals("en", i.lang());
        assertEquals("Turn on the kitchen light!", i.text());
    }

    @Test
    void chinese_room_command_is_understood_with_the_room_resolved() {
        Intent i = parse("把客厅的灯关掉");
        assertEquals("light.turn_off", i.name());
        assertEquals("living_room", i.slot("room").orElseThrow().value());
        assertEquals("zh", i.lang());
    }

    @Test
    void chinese_numerals_fill_a_percent_slot() {
        Intent i = parse("把卧室的灯调到百分之三十");
        assertEquals("light.set_brightness", i.name());
        assertEquals(30, i.slot("level").orElseThrow().asInt());
    }

    @Test
    void a_light_goes_to_the_light_intent_and_a_plug_to_the_device_intent() {
        assertEquals("light.turn_on", parse("turn on the floor lamp").name());
        Intent kettle = parse("turn on the kettle");
        assertEquals("device.turn_on", kettle.name());
        assertEquals("kitchen.kettle", kettle.slot("device").orElseThrow().value());
    }

    @Test
    void a_name_shared_by_two_lamps_keeps_both_candidates() {
        Intent i = parse("turn on the lamp");
        assertNull(i.slot("device").orElseThrow().value());
        assertEquals(3, i.slot("device").orElseThrow().candidates().size());
    }

    @Test
    void fixed_slots_come_from_the_template() {
        Intent i = parse("switch on all the lights");
        assertEquals("true", i.slot("all").orElseThrow().value());
    }

    @Test
    void polite_wrapping_is_ignored() {
        assertEquals("light.turn_on", parse("hey glint could you turn on the kitchen light please").name());
        assertEquals("light.turn_on", parse("请帮我打开厨房的灯").name());
    }

    @Test
    void gibberish_and_out_of_scope_requests_are_not_understood() {
        assertTrue(nlu.parse(Utterance.of("blorp fizzle wump")).isEmpty());
        assertTrue(nlu.parse(Utterance.of("what is the capital of peru")).isEmpty());
        assertTrue(nlu.parse(Utterance.of("   ")).isEmpty());
        assertTrue(nlu.parse(Utterance.of("今天天气怎么样")).isEmpty());
    }

    @Test
    void unregistering_a_skill_removes_its_intents() {
        assertFalse(nlu.parse(Utterance.of("turn on the kitchen light")).isEmpty());
        nlu.unregister("lights");
        assertTrue(nlu.parse(Utterance.of("turn on the kitchen light")).isEmpty());
    }

    @Test
    void two_skills_whose_templates_match_equally_answer_the_same_whichever_arrived_first() {
        String a = "{\"intents\": [{\"name\": \"acme.party_mode\", "
                + "\"en\": {\"templates\": [\"party time\"]}}]}";
        String b = "{\"intents\": [{\"name\": \"zed.party_lights\", "
                + "\"en\": {\"templates\": [\"party time\"]}}]}";
        List<String> answers = new java.util.ArrayList<>();
        for (List<String> order : List.of(List.of("acme", "zed"), List.of("zed", "acme"))) {
            NluService fresh = new NluService(new StaticDevices(List.of(), List.of()));
            for (String owner : order) {
                String json = owner.equals("acme") ? a : b;
                fresh.register(owner, SkillSpecs.read(
                        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        owner + ".json"));
            }
            answers.add(fresh.parse(Utterance.of("party time")).orElseThrow().name());
        }
        assertEquals(List.of("acme.party_mode", "acme.party_mode"), answers);
    }

    @Test
    void no_skill_template_takes_the_wearers_answer_to_the_hubs_question() {
        String skill = "{\"intents\": [{\"name\": \"acme.agree\", \"en\": {\"templates\": [\"yes\"]}}]}";
        String hub = "{\"intents\": [{\"name\": \"dialog.confirm\", \"en\": {\"templates\": [\"yes\"]}}]}";
        NluService fresh = new NluService(new StaticDevices(List.of(), List.of()));
        // the skill's owner name sorts before the hub's, and it arrived first
        fresh.register("aaa.skill", SkillSpecs.read(new java.io.ByteArrayInputStream(
                skill.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "skill.json"));
        fresh.register("io.glint.core/dialog", SkillSpecs.read(new java.io.ByteArrayInputStream(
                hub.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "dialog.json"));
        assertEquals("dialog.confirm", fresh.parse(Utterance.of("yes")).orElseThrow().name());
    }

    @Test
    void the_wearers_room_name_is_resolved_to_an_id() {
        Intent i = nlu.parse(new Utterance("turn on the kitchen light", null, "g1", "客厅")).orElseThrow();
        assertEquals("living_room", i.room());
        assertEquals("g1", i.wearer());
    }

    @Test
    void it_stands_for_the_referent_of_the_right_kind() {
        Intent light = nlu.parse(Utterance.of("turn it on"), List.of("kitchen.ceiling")).orElseThrow();
        assertEquals("light.turn_on", light.name());
        assertEquals("kitchen.ceiling", light.slot("device").orElseThrow().value());
        Intent kettle = nlu.parse(Utterance.of("turn it on"), List.of("kitchen.kettle")).orElseThrow();
        assertEquals("device.turn_on", kettle.name());
        assertEquals("kitchen.kettle", kettle.slot("device").orElseThrow().value());
    }

    @Test
    void it_with_nothing_to_refer_to_is_marked_for_the_hub_to_ask() {
        Intent i = nlu.parse(Utterance.of("turn it off"), List.of()).orElseThrow();
        assertEquals(io.glint.nlu.Nlu.UNRESOLVED_REFERENCE, i.slot("device").orElseThrow().value());
    }
}
