package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class QueryTest {
    private static Query query(String text) {
        return Query.of(text, Text.language(text), Text.tokens(text), null);
    }

    @Test
    void a_phrase_counts_only_as_whole_consecutive_words() {
        Query q = query("please turn off the fan in the hall");
        assertTrue(q.mentionsAny(List.of("turn off")));
        assertTrue(q.mentionsAny(List.of("in the hall")));
        assertTrue(q.mentionsAny(List.of("nothing here", "the fan")));
        assertFalse(q.mentionsAny(List.of("turn the")), "not consecutive");
        assertFalse(q.mentionsAny(List.of("turn of")), "a prefix of a word is not the word");
        assertFalse(q.mentionsAny(List.of("the hall way")), "runs past the last token");
        assertFalse(q.mentionsAny(List.of("off th")));
    }

    @Test
    void single_words_and_chinese_words() {
        assertTrue(query("switch the lamp on").mentionsAny(List.of("lamp")));
        assertFalse(query("switch the lamps on").mentionsAny(List.of("lamp")));
        assertTrue(query("把卧室的灯关掉").mentionsAny(List.of("关掉")));
        assertFalse(query("把卧室的灯打开").mentionsAny(List.of("关掉")));
    }
}
