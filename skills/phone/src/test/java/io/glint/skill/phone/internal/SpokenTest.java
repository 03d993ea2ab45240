package io.glint.skill.phone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpokenTest {

    @Test
    void the_words_of_a_slot_are_taken_back_from_the_utterance_as_spoken() {
        assertEquals("I'm on my way!", Spoken.original("Text Tom that I'm on my way!", "im on my way"));
        assertEquals("我晚点到，别等我", Spoken.original("给老王发消息说我晚点到，别等我。", "我晚点到别等我"));
        assertEquals("Ｏｋ, 7.5 km", Spoken.original("say Ｏｋ, 7.5 km", "ok 7.5 km"));
        // not found: the slot's words as they are
        assertEquals("hello there", Spoken.original("something else", "hello there"));
    }

    @Test
    void tokens_are_the_hub_s() {
        assertEquals(List.of("text", "tom", "im", "late", "给", "老", "王"), Spoken.tokens("Text Tom: I'm late 给老王"));
    }

    @Test
    void what_the_wearer_calls_someone_is_read_several_ways() {
        assertEquals(List.of("sarahs mobile", "sarahs", "sarah"), Contacts.readings("Sarah's mobile"));
        assertEquals(List.of("我妈", "妈", "妈妈"), Contacts.readings("我妈"));
        assertEquals(List.of("老王的电话", "老王"), Contacts.readings("老王的电话"));
    }
}
