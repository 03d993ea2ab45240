package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({"二十四, 24", "十, 10", "十五, 15", "一百零五, 105", "两百, 200", "二十四点五, 24.5", "零, 0",
            "三万零一, 30001", "九十九, 99", "一千二百, 1200"})
    void chinese_numerals_are_read_as_numbers(String text, double expected) {
        assertEquals(expected, Numbers.parse(Text.tokens(text)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"twenty four; 24", "twenty-four; 24", "seven; 7", "a hundred; 100",
            "one hundred and five; 105", "ninety nine; 99", "24; 24", "24.5; 24.5", "thirteen; 13"})
    void english_numbers_in_words_and_digits(String text, double expected) {
        assertEquals(expected, Numbers.parse(Text.tokens(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"five six", "twenty twelve", "kitchen", "百", "点五", "twenty hundred five", "and"})
    void things_that_are_not_numbers_give_null(String text) {
        assertNull(Numbers.parse(Text.tokens(text)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"40 %; 40", "40%; 40", "forty percent; 40", "百分之四十; 40", "四十; 40",
            "sixty per cent; 60"})
    void percentages(String text, double expected) {
        var tokens = Text.tokens(text);
        assertEquals(expected, Quantities.percent(tokens, 0, tokens.size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"140 %", "百分之两百"})
    void percentages_above_a_hundred_are_rejected(String text) {
        var tokens = Text.tokens(text);
        assertNull(Quantities.percent(tokens, 0, tokens.size()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"24; 24", "24 degrees; 24", "二十四度; 24", "72 fahrenheit; 22",
            "seventy two; 22", "华氏七十二度; 22", "21.5 °C; 21.5", "摄氏二十度; 20", "二十二点五度; 22.5"})
    void temperatures_are_normalised_to_celsius(String text, double expected) {
        var tokens = Text.tokens(text);
        assertEquals(expected, Quantities.celsius(tokens, 0, tokens.size()));
    }
}
