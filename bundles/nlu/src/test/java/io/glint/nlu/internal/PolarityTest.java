package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolarityTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"it's far too dark in here; up", "卧室太暗了; up", "把灯调暗一点; down",
            "客厅好冷啊; up", "the music is too loud; down", "make it louder; up", "I'm freezing; up",
            "调亮一点; up", "太亮了; down", "turn the heating down a notch; down"})
    void the_direction_is_what_the_wearer_wants_not_what_they_describe(String text, String expected) {
        assertEquals(expected, Polarity.change(Text.tokens(text)));
    }

    @Test
    void no_direction_word_means_no_change_slot() {
        assertEquals(null, Polarity.change(Text.tokens("set the kitchen lights to forty")));
    }

    @Test
    void an_opposite_is_only_taken_when_the_words_say_so_and_it_is_installed() {
        Set<String> both = Set.of("light.turn_on", "light.turn_off");
        assertEquals("light.turn_off", Polarity.settle("light.turn_on", Text.tokens("lights off in the hall"), both));
        assertEquals("light.turn_on", Polarity.settle("light.turn_on", Text.tokens("lights on in the hall"), both));
        assertEquals("light.turn_on", Polarity.settle("light.turn_on", Text.tokens("lights off in the hall"),
                Set.of("light.turn_on")));
        assertEquals("lock.unlock", Polarity.settle("lock.lock", Text.tokens("把门解锁"),
                Set.of("lock.lock", "lock.unlock")));
    }
}
