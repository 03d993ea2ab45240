package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    /** A Wednesday morning. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 18, 9, 15);

    private static String time(String words) {
        List<String> t = Text.tokens(words);
        return Times.parse(t, 0, t.size(), NOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "at 7; 2026-11-18T19:00", "7; 2026-11-18T19:00", "7 am; 2026-11-19T07:00", "7:30 am; 2026-11-19T07:30",
        "7:30 pm; 2026-11-18T19:30", "at 10; 2026-11-18T10:00", "at 9; 2026-11-18T21:00", "at 12; 2026-11-18T12:00",
        "half past six; 2026-11-18T18:30", "quarter to seven; 2026-11-18T18:45",
        "a quarter past ten; 2026-11-18T10:15", "ten to eight in the morning; 2026-11-19T07:50",
        "twenty minutes past 4; 2026-11-18T16:20", "noon; 2026-11-18T12:00", "at midnight; 2026-11-19T00:00",
        "tomorrow at 8; 2026-11-19T08:00", "tomorrow at 3; 2026-11-19T15:00", "tmrw at 7am; 2026-11-19T07:00",
        "friday at 6 pm; 2026-11-20T18:00", "on friday at 6 pm; 2026-11-20T18:00", "tonight at 11; 2026-11-18T23:00",
        "tonight at 1; 2026-11-19T01:00", "at 7 in the evening; 2026-11-18T19:00",
        "at 6 in the morning; 2026-11-19T06:00", "in 20 minutes; 2026-11-18T09:35",
        "in an hour and a half; 2026-11-18T10:45", "20 minutes from now; 2026-11-18T09:35",
        "seven thirty; 2026-11-18T19:30", "six oh five am; 2026-11-19T06:05", "6.30 pm; 2026-11-18T18:30",
        "7pm; 2026-11-18T19:00", "19:45; 2026-11-18T19:45", "at 8 o'clock; 2026-11-18T20:00",
        "tomorrow morning at 6:30; 2026-11-19T06:30", "saturday at noon; 2026-11-21T12:00",
        "25th of december at 9 am; 2026-12-25T09:00", "wednesday at 8 pm; 2026-11-18T20:00",
        "wednesday at 8 am; 2026-11-25T08:00", "at 5 p.m.; 2026-11-18T17:00", "at 12 am; 2026-11-19T00:00",
        "tomorrow at midnight; 2026-11-20T00:00", "at twenty one thirty; 2026-11-18T21:30"})
    void english_clock_times_are_resolved_against_now(String words, String expected) {
        assertEquals(expected, time(words));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"tomorrow; 2026-11-19", "the day after tomorrow; 2026-11-20",
        "next wednesday; 2026-11-25", "on friday; 2026-11-20", "june 3rd; 2027-06-03", "december 1; 2026-12-01",
        "on the 25th; 2026-11-25", "the 3rd of january; 2027-01-03", "march twenty first; 2027-03-21",
        "today; 2026-11-18", "this weekend; 2026-11-21"})
    void english_days_without_a_clock_time_are_dates(String words, String expected) {
        assertEquals(expected, time(words));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"friday morning; 2026-11-20T06:00/2026-11-20T12:00",
        "tonight; 2026-11-18T20:00/2026-11-19T00:00", "in the evening; 2026-11-18T18:00/2026-11-18T22:00",
        "this afternoon; 2026-11-18T12:00/2026-11-18T18:00", "tomorrow morning; 2026-11-19T06:00/2026-11-19T12:00",
        "at night; 2026-11-18T20:00/2026-11-19T00:00"})
    void parts_of_a_day_are_intervals(String words, String expected) {
        assertEquals(expected, time(words));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "明天早上七点; 2026-11-19T07:00", "七点半; 2026-11-18T19:30", "下午三点一刻; 2026-11-18T15:15",
        "后天; 2026-11-20", "大后天; 2026-11-21", "今晚八点; 2026-11-18T20:00", "晚上十二点; 2026-11-19T00:00",
        "凌晨三点; 2026-11-19T03:00", "十分钟后; 2026-11-18T09:25", "半小时以后; 2026-11-18T09:45",
        "下周一上午十点; 2026-11-23T10:00", "周三; 2026-11-18", "十二月五号; 2026-12-05", "5号; 2026-12-05",
        "明天7:30; 2026-11-19T07:30", "早上8点; 2026-11-19T08:00", "两点; 2026-11-18T14:00",
        "下午两点四十五分; 2026-11-18T14:45", "在明天下午三点; 2026-11-19T15:00", "中午十二点; 2026-11-18T12:00",
        "中午一点; 2026-11-18T13:00", "明晚九点; 2026-11-19T21:00", "七点零五分; 2026-11-18T19:05",
        "十九点; 2026-11-18T19:00", "星期六下午四点; 2026-11-21T16:00", "明早六点半; 2026-11-19T06:30",
        "一个半小时后; 2026-11-18T10:45", "三点三刻; 2026-11-18T15:45", "十点整; 2026-11-18T10:00"})
    void chinese_times_are_resolved_against_now(String words, String expected) {
        assertEquals(expected, time(words));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"周五晚上; 2026-11-20T18:00/2026-11-20T22:00",
        "明天上午; 2026-11-19T06:00/2026-11-19T12:00", "今晚; 2026-11-18T18:00/2026-11-18T22:00",
        "下午; 2026-11-18T12:00/2026-11-18T18:00"})
    void chinese_parts_of_a_day_are_intervals(String words, String expected) {
        assertEquals(expected, time(words));
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "at", "tomorrow at", "25 o'clock", "the kitchen", "seven five six",
        "february 30th", "at at at", "in", "13 am", "quarter", "half past", "in the", "minutes", "yesterday",
        "厨房", "点", "明天明天", "二十五点", "上周五", "七点七十分", "tomorrow tomorrow", "at 7 at 8",
        "in ten minutes tomorrow", "#ff0000", "%", "7 30 45 am pm"})
    void words_that_are_no_time_give_null(String words) {
        assertNull(time(words));
    }

    @Test
    void a_bare_number_is_a_time_only_where_a_time_is_expected() {
        List<String> shopping = Text.tokens("buy 2 apples");
        assertNull(Times.parse(shopping, 1, 2, NOW));
        List<String> alarm = Text.tokens("alarm for 7");
        assertEquals("2026-11-18T19:00", Times.parse(alarm, 2, 3, NOW));
        List<String> pm = Text.tokens("buy milk 7 pm");
        assertEquals("2026-11-18T19:00", Times.parse(pm, 2, 4, NOW));
    }

    @Test
    void late_in_the_evening_a_part_of_the_day_that_is_over_means_tomorrow() {
        LocalDateTime late = LocalDateTime.of(2026, 11, 18, 22, 30);
        List<String> t = Text.tokens("in the morning");
        assertEquals("2026-11-19T06:00/2026-11-19T12:00", Times.parse(t, 0, t.size(), late));
        List<String> seven = Text.tokens("at 7");
        assertEquals("2026-11-19T07:00", Times.parse(seven, 0, seven.size(), late));
    }

    @Test
    void spans_out_of_range_and_odd_tokens_never_throw() {
        List<String> t = Text.tokens("at 7 tomorrow");
        assertNull(Times.parse(t, 2, 2, NOW));
        assertNull(Times.parse(List.of("", " "), 0, 2, NOW));
        assertNull(Times.parse(t, 0, 99, NOW));
    }
}
