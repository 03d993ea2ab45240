package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"10 minutes; PT10M", "an hour and a half; PT1H30M", "90 seconds; PT1M30S",
        "half an hour; PT30M", "1.5 hours; PT1H30M", "two hours and 20 minutes; PT2H20M", "a minute; PT1M",
        "for 5 min; PT5M", "10min; PT10M", "one and a half hours; PT1H30M", "a quarter of an hour; PT15M",
        "twenty five minutes; PT25M", "a couple of minutes; PT2M", "3 hours 15 minutes; PT3H15M", "45 secs; PT45S",
        "an hour; PT1H", "2 days; PT48H", "a half hour; PT30M", "three quarters of an hour; PT45M",
        "1 minute and 30 seconds; PT1M30S", "2h; PT2H"})
    void english_durations(String words, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(Text.tokens(words)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"十分钟; PT10M", "半小时; PT30M", "一个半小时; PT1H30M", "两分钟; PT2M",
        "三十秒; PT30S", "一小时二十分钟; PT1H20M", "一刻钟; PT15M", "两个小时; PT2H", "一分半钟; PT1M30S",
        "90秒; PT1M30S", "一小时二十; PT1H20M", "半个小时; PT30M", "5分钟; PT5M", "三个钟头; PT3H",
        "一个小时零五分钟; PT1H5M", "二十五分钟; PT25M", "一点五小时; PT1H30M"})
    void chinese_durations(String words, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(Text.tokens(words)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minutes", "ten", "kitchen", "分钟", "半", "0 minutes", "and", "an hour and", "十",
        "half", "a", "for", "minutes 10", "100 days", "十分钟十分钟钟", "厨房", "%"})
    void words_that_are_no_duration_give_null(String words) {
        assertNull(Durations.parse(Text.tokens(words)));
    }
}
