package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;

class TemplateTest {
    private final Lexicon lexicon = new Lexicon(
            List.of(new Room("kitchen", "kitchen", List.of("厨房")),
                    new Room("living_room", "living room", List.of("lounge", "客厅"))),
            List.of(Device.builder("living.floor").name("floor lamp").aliases(List.of("lamp", "落地灯"))
                    .room("living_room").type(DeviceType.LIGHT).driver("t").build()),
            1);
    private final RegistryResolver resolver = new RegistryResolver(lexicon);

    private Template.Match match(String template, Map<String, String> slots, String utterance) {
        List<String> tokens = Text.tokens(utterance);
        return Template.compile(template, slots).match(tokens, new HashSet<>(tokens), resolver);
    }

    @Test
    void optional_words_and_alternatives_match_with_or_without_them() {
        String t = "(turn|switch) on [the] {room} light[s]";
        Map<String, String> slots = Map.of("room", "room");
        assertNotNull(match(t, slots, "turn on the kitchen light"));
        assertNotNull(match(t, slots, "switch on kitchen lights"));
        assertNull(match(t, slots, "turn on the kitchen"));
        assertNull(match(t, slots, "turn off the kitchen light"));
    }

    @Test
    void a_suffix_after_a_group_of_words_goes_on_each_word() {
        String t = "clear all [my] (reminder|meeting)[s]";
        assertNotNull(match(t, Map.of(), "clear all my reminders"));
        assertNotNull(match(t, Map.of(), "clear all meeting"));
        assertNotNull(match(t, Map.of(), "clear all meetings"));
        assertNull(match(t, Map.of(), "clear all my reminders s"));
        assertNull(match(t, Map.of(), "clear all alarms"));
    }

    @Test
    void a_room_slot_takes_only_rooms_the_registry_knows() {
        Map<String, String> slots = Map.of("room", "room");
        Template.Match m = match("turn on [the] {room} light", slots, "turn on the living room light");
        assertEquals("living_room", m.slots().get("room").resolution().value());
        assertEquals("living room", m.slots().get("room").raw());
        assertNull(match("turn on [the] {room} light", slots, "turn on the garden light"));
    }

    @Test
    void chinese_templates_match_character_by_character() {
        Template.Match m = match("把{room}的灯(关掉|关了)", Map.of("room", "room"), "把客厅的灯关掉");
        assertNotNull(m);
        assertEquals("living_room", m.slots().get("room").resolution().value());
        assertEquals("客厅", m.slots().get("room").raw());
    }

    @Test
    void a_device_slot_resolves_names_aliases_and_room_qualified_names() {
        Map<String, String> slots = Map.of("device", "device:light");
        assertEquals("living.floor", match("turn on [the] {device}", slots, "turn on the floor lamp")
                .slots().get("device").resolution().value());
        assertEquals("living.floor", match("turn on [the] {device}", slots, "turn on the lounge lamp")
                .slots().get("device").resolution().value());
        assertEquals("living.floor", match("打开{device}", slots, "打开客厅的落地灯")
                .slots().get("device").resolution().value());
    }

    @Test
    void an_unknown_device_name_fills_the_slot_unresolved_and_ranks_below_a_resolved_match() {
        Map<String, String> slots = Map.of("device", "device");
        assertNull(match("turn on [the] {device}", slots, "turn on the spaceship"), "not even said to be a device");
        Template.Match unknown = match("turn on [the] {device}", slots, "turn on the garden light");
        assertNotNull(unknown);
        assertEquals(1, unknown.unresolved());
        Template.Match known = match("turn on [the] {device}", slots, "turn on the lamp");
        assertTrue(known.betterThan(unknown));
    }

    @Test
    void template_errors_name_the_template_and_the_problem() {
        var e = assertThrows(TemplateSyntaxException.class,
                () -> Template.compile("turn on {room", Map.of("room", "room")));
        assertTrue(e.getMessage().contains("turn on {room"), e.getMessage());
        var undeclared = assertThrows(TemplateSyntaxException.class,
                () -> Template.compile("set {level}", Map.of()));
        assertTrue(undeclared.getMessage().contains("not declared"), undeclared.getMessage());
        assertThrows(TemplateSyntaxException.class, () -> Template.compile("[please]", Map.of()));
        assertThrows(TemplateSyntaxException.class, () -> Template.compile("(on|off", Map.of()));
    }
}
