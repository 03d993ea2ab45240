package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationTest {
    private static final Set<String> ALL = Set.of("alarm.set", "alarm.query", "alarm.cancel", "reminder.create",
            "reminder.query", "reminder.cancel", "memo.create", "memo.query", "memo.delete", "light.turn_on");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // the opening asks
            "memo.create; what's left on the grocery list; memo.query",
            "alarm.set; is there an alarm for the school run tomorrow; alarm.query",
            "reminder.create; could you tell me what's on for thursday; reminder.query",
            "memo.delete; remind me what the door code was; memo.query",
            "reminder.create; when is the car service booked; reminder.query",
            // the opening takes away
            "memo.query; scrap the note about the spare key; memo.delete",
            "memo.create; take the eggs off the grocery list; memo.delete",
            "alarm.set; turn off the weekday alarm; alarm.cancel",
            "memo.query; cross off the first chore; memo.delete",
            "reminder.create; please cancel thursday's dentist; reminder.cancel",
            // the opening creates
            "memo.delete; add eggs to the grocery list; memo.create",
            "alarm.query; set an alarm that goes off at six; alarm.set",
            "reminder.query; can you set me a reminder for the bins; reminder.create"})
    void the_family_member_the_opening_asks_for_is_taken(String model, String text, String expected) {
        assertEquals(expected, Operation.settle(model, Text.tokens(text), ALL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // a clause, not a question
            "reminder.create; when I reach the office remind me to call the bank; reminder.create",
            // a request that starts like a question
            "alarm.set; have me up by half six; alarm.set",
            // what not to do
            "alarm.cancel; make sure the alarm doesn't ring on sunday; alarm.cancel",
            // no opening that says
            "memo.create; my bike lock code is 4471; memo.create",
            // another family, or a member that is not installed
            "light.turn_on; what is the living room light doing; light.turn_on"})
    void otherwise_the_model_keeps_its_choice(String model, String text, String expected) {
        assertEquals(expected, Operation.settle(model, Text.tokens(text), ALL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "memo.create; 把酱油从购物清单上划掉; memo.delete",
            "memo.create; 我的笔记里都有啥; memo.query",
            "memo.delete; 帮我在待办里加上交房租; memo.create",
            "reminder.create; 下午开会的提醒取消吧; reminder.cancel",
            "reminder.create; 以后别再提醒我喝水了; reminder.cancel",
            "alarm.set; 周六早上不用叫我了; alarm.cancel",
            "alarm.cancel; 明天早上几点的闹钟; alarm.query",
            // both kinds of words, or none: the model's choice stays
            "memo.create; 能帮我记一下吗; memo.create",
            "memo.query; 我的笔记; memo.query"})
    void in_chinese_the_words_count_wherever_they_are(String model, String text, String expected) {
        assertEquals(expected, Operation.settle(model, Text.tokens(text), ALL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "light.turn_on; is the landing light still on; device.query",
            "device.turn_off; did I leave the hair straighteners on; device.query",
            "cover.open; are the study blinds open; device.query",
            // requests phrased as questions stay commands
            "light.turn_on; is it possible to switch the landing light on; light.turn_on",
            "device.turn_off; are you able to turn the kettle off; device.turn_off",
            "light.turn_off; switch the landing light off; light.turn_off"})
    void a_yes_no_question_about_a_device_asks_for_its_state(String model, String text, String expected) {
        Set<String> all = Set.of("light.turn_on", "light.turn_off", "device.turn_on", "device.turn_off",
                "cover.open", "cover.close", "device.query");
        assertEquals(expected, Operation.settle(model, Text.tokens(text), all));
        assertEquals(model, Operation.settle(model, Text.tokens(text), Set.of(model)), "without device.query");
    }

    @org.junit.jupiter.api.Test
    void a_member_no_skill_declares_is_never_taken() {
        assertEquals("memo.create", Operation.settle("memo.create", Text.tokens("what's on my list"),
                Set.of("memo.create")));
    }
}
