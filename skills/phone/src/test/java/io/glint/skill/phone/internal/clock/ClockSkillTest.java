package io.glint.skill.phone.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.glint.api.notify.Notification;
import io.glint.api.notify.Priority;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Status;
import io.glint.nlu.internal.Times;
import io.glint.skill.phone.internal.clock.ClockStore.Item;
import io.glint.skill.phone.internal.clock.ClockStore.Kind;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

class ClockSkillTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Wednesday 18 November 2026, 9:15 in the morning. */
    private static final Instant START = LocalDateTime.of(2026, 11, 18, 9, 15).atZone(ZONE).toInstant();

    @TempDir
    Path dir;
    private TestClock clock;
    private RecordingNotifications notifications;
    private ClockStore store;
    private ClockSkill skill;
    private SkillTester tester;

    @BeforeEach
    void setUp() throws Exception {
        clock = new TestClock(START, ZONE);
        Times.useClock(clock); // the NLU resolves "tomorrow at 8" against the same now
        notifications = new RecordingNotifications();
        store = ClockStore.open(dir);
        skill = new ClockSkill(store, notifications, clock, ZONE, null);
        tester = new SkillTester(new MemoryHome(), "glint/clock.json");
    }

    @AfterEach
    void tearDown() throws Exception {
        Times.useClock(Clock.systemDefaultZone());
        store.close();
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "wake me up tomorrow at 6:30; alarm.set", "set an alarm for 7 am; alarm.set", "alarm at half past six; alarm.set",
        "wake me at noon on saturday; alarm.set", "7 am alarm; alarm.set", "set an alarm; alarm.set",
        "cancel my 7 am alarm; alarm.cancel", "turn off all alarms; alarm.cancel", "delete the alarm for friday; alarm.cancel",
        "what alarms do i have; alarm.query", "how long is left on my timer; alarm.query",
        "set a timer for 12 minutes; timer.set", "timer for the pasta 8 minutes; timer.set",
        "start a 90 seconds timer; timer.set", "an hour and a half timer; timer.set",
        "remind me to call mom tomorrow at 5; reminder.create", "remind me tomorrow at 5 to call the bank; reminder.create",
        "put the dentist on thursday at 4; reminder.create", "remind me in 20 minutes to check the oven; reminder.create",
        "what's on my calendar tomorrow; reminder.query", "do i have anything this afternoon; reminder.query",
        "cancel my 3 pm meeting; reminder.cancel", "cancel the reminder about the dentist; reminder.cancel",
        "明天早上七点叫醒我; alarm.set", "定一个七点半的闹钟; alarm.set", "闹钟定在周五早上六点; alarm.set",
        "取消明天早上七点的闹钟; alarm.cancel", "把所有闹钟都删了; alarm.cancel", "我有哪些闹钟; alarm.query",
        "计时器还剩多久; alarm.query", "计时十分钟; timer.set", "定一个半小时的计时器; timer.set",
        "煮饺子计时八分钟; timer.set", "明天下午三点提醒我给妈妈打电话; reminder.create",
        "提醒我后天交水费; reminder.create", "周五晚上有什么安排; reminder.query", "我明天忙吗; reminder.query",
        "取消周五的会议; reminder.cancel", "把交水费的提醒删了; reminder.cancel"})
    void sentences_in_both_languages_are_understood_as_the_clock_intents(String sentence, String intent) {
        assertEquals(intent, tester.parse(sentence).map(Intent::name).orElse("not understood"), sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"wake me up tomorrow at 6:30; 2026-11-19T06:30",
        "set an alarm for 7; 2026-11-18T19:00", "set an alarm for 7 am; 2026-11-19T07:00",
        "alarm at a quarter to eight tomorrow; 2026-11-19T07:45", "明天早上七点叫醒我; 2026-11-19T07:00",
        "定一个七点半的闹钟; 2026-11-18T19:30", "闹钟定在周五早上六点; 2026-11-20T06:00",
        "wake me at midnight; 2026-11-19T00:00", "wake me up at 5:45 tomorrow; 2026-11-19T05:45",
        "set an alarm for 3 tomorrow afternoon; 2026-11-19T15:00", "明天五点叫我起床; 2026-11-19T05:00"})
    void an_alarm_is_saved_for_the_time_that_was_said(String sentence, String expected) throws Exception {
        SkillResult r = tester.say(skill, sentence);
        assertEquals(Status.DONE, r.status(), r.speech());
        List<Item> alarms = store.pending(Kind.ALARM);
        assertEquals(1, alarms.size());
        assertEquals(LocalDateTime.parse(expected).atZone(ZONE).toInstant(), alarms.get(0).due());
    }

    @Test
    void the_answer_is_short_and_in_the_wearers_language() throws Exception {
        assertEquals("Alarm set for 6:30 am tomorrow.", tester.say(skill, "wake me up tomorrow at 6:30").speech());
        assertEquals("闹钟定好了：明天上午7:00。", tester.say(skill, "明天早上七点叫醒我").speech());
        assertEquals("You already have an alarm at 6:30 am tomorrow.",
                tester.say(skill, "set an alarm for 6:30 am tomorrow").speech());
    }

    @Test
    void an_alarm_without_a_clock_time_or_in_the_past_is_asked_about_not_guessed() throws Exception {
        SkillResult none = tester.say(skill, "set an alarm");
        assertEquals(FailureCode.INVALID_VALUE, none.code());
        SkillResult part = tester.say(skill, "set an alarm for friday morning");
        assertEquals(FailureCode.INVALID_VALUE, part.code());
        assertTrue(part.speech().contains("Friday"), part.speech());
        SkillResult past = skill.handle(Intent.builder("alarm.set").lang("en")
                .slot("time", "time", "2026-11-18T08:00").build());
        assertEquals(FailureCode.INVALID_VALUE, past.code());
        assertTrue(store.pending(Kind.ALARM).isEmpty());
    }

    @Test
    void slot_values_that_are_garbage_get_a_question_not_an_exception() throws Exception {
        for (String name : List.of("alarm.set", "alarm.cancel", "reminder.create", "reminder.query", "reminder.cancel")) {
            SkillResult r = skill.handle(Intent.builder(name).lang("en").slot("time", "time", "next blursday").build());
            assertNotNull(r.speech(), name);
        }
        SkillResult t = skill.handle(Intent.builder("timer.set").lang("zh").slot("duration", "duration", "PT-5M")
                .build());
        assertEquals(FailureCode.INVALID_VALUE, t.code());
        assertTrue(store.pending(null).isEmpty());
    }

    @Test
    void an_alarm_fires_once_at_its_time_as_a_high_priority_notification() throws Exception {
        tester.say(skill, "wake me up tomorrow at 6:30");
        clock.set(at(11, 19, 6, 29));
        assertEquals(0, skill.fireDue());
        clock.set(at(11, 19, 6, 30));
        assertEquals(1, skill.fireDue());
        Notification n = notifications.raised().get(0);
        assertEquals(Priority.HIGH, n.priority());
        assertTrue(n.id().startsWith("clock-alarm-"), n.id());
        assertEquals(n.id(), n.dedupeKey());
        assertEquals("It's 6:30 am. Time to get up!", n.speech());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, skill.fireDue());
        assertEquals(1, notifications.raised().size());
        assertTrue(store.pending(Kind.ALARM).isEmpty());
    }

    @Test
    void alarms_are_cancelled_by_time_or_all_at_once() throws Exception {
        tester.say(skill, "set an alarm for 7 am on friday");
        tester.say(skill, "wake me up tomorrow at 6:30");
        tester.say(skill, "alarm at 9 pm");
        SkillResult ask = tester.say(skill, "cancel my alarm");
        assertEquals(3, store.pending(Kind.ALARM).size(), ask.speech());
        // "7 am" resolves to tomorrow 7 am; the alarm at 7 am on friday is the one meant
        SkillResult r = tester.say(skill, "cancel my 7 am alarm");
        assertEquals(Status.DONE, r.status(), r.speech());
        assertEquals(2, store.pending(Kind.ALARM).size());
        assertFalse(store.pending(Kind.ALARM).stream().anyMatch(a -> a.due().equals(at(11, 20, 7, 0))));
        assertEquals(FailureCode.INVALID_VALUE, tester.say(skill, "cancel the alarm at 4 pm").code());
        // said with no am or pm, "9" may be heard as tomorrow's 9 am: the 9 pm alarm is the one meant
        SkillResult nine = tester.say(skill, "turn off the nine o'clock alarm");
        assertEquals(Status.DONE, nine.status(), nine.speech());
        assertEquals(1, store.pending(Kind.ALARM).size());
        tester.say(skill, "alarm at 9 pm");
        assertEquals(FailureCode.INVALID_VALUE, tester.say(skill, "cancel the 9 am alarm").code(),
                "am said: the 9 pm alarm is not meant");
        tester.say(skill, "把所有闹钟都删了");
        assertTrue(store.pending(Kind.ALARM).isEmpty());
        clock.set(at(11, 25, 0, 0));
        assertEquals(0, skill.fireDue());
    }

    @Test
    void several_timers_run_at_once_and_each_fires_with_its_name() throws Exception {
        SkillResult pasta = tester.say(skill, "timer for the pasta 8 minutes");
        assertEquals("pasta timer: 8 minutes.", pasta.speech());
        tester.say(skill, "set a timer for 12 minutes");
        tester.say(skill, "计时十分钟");
        assertEquals(3, store.pending(Kind.TIMER).size());
        clock.advance(Duration.ofMinutes(3));
        String left = tester.say(skill, "how long is left on my timer").speech();
        assertTrue(left.contains("pasta: 5 minutes left."), left);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, skill.fireDue());
        assertEquals("Time's up: pasta.", notifications.raised().get(0).speech());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, skill.fireDue());
        assertEquals("时间到了！", notifications.raised().get(1).speech());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, skill.fireDue());
        assertEquals("Time's up!", notifications.raised().get(2).speech());
        assertEquals(Priority.HIGH, notifications.raised().get(2).priority());
    }

    @Test
    void reminders_are_created_with_what_and_when() throws Exception {
        assertEquals("I'll remind you at 5:00 pm tomorrow: call mom.",
                tester.say(skill, "remind me to call mom tomorrow at 5").speech());
        tester.say(skill, "remind me tomorrow at 8 am to call the bank");
        tester.say(skill, "put the dentist on thursday at 4");
        tester.say(skill, "明天下午三点提醒我给妈妈打电话");
        tester.say(skill, "remind me to water the plants");
        List<Item> r = store.pending(Kind.REMINDER);
        assertEquals(5, r.size());
        assertEquals("call the bank", r.get(0).label());
        assertEquals(at(11, 19, 8, 0), r.get(0).due());
        assertEquals("给妈妈打电话", r.get(1).label());
        assertEquals(at(11, 19, 15, 0), r.get(1).due());
        assertEquals("dentist", r.get(2).label()); // thursday is tomorrow
        assertEquals(at(11, 19, 16, 0), r.get(2).due());
        assertEquals("call mom", r.get(3).label());
        assertEquals("water the plants", r.get(4).label());
        assertNull(r.get(4).due());
    }

    @Test
    void reminders_are_listed_by_day_and_cancelled_by_words_or_time() throws Exception {
        tester.say(skill, "remind me to call mom tomorrow at 5");
        tester.say(skill, "put the dentist on thursday at 4");
        tester.say(skill, "remind me at 3 pm to join the budget meeting");
        String tomorrow = tester.say(skill, "what's on my calendar tomorrow").speech();
        assertEquals("Tomorrow: dentist at 4:00 pm and call mom at 5:00 pm.", tomorrow);
        assertEquals("Then: join the budget meeting at 3:00 pm.", tester.say(skill, "do i have anything this afternoon")
                .speech());
        assertEquals("后天没有安排。", tester.say(skill, "周五有什么安排").speech());
        assertEquals(Status.DONE, tester.say(skill, "cancel my 3 pm meeting").status());
        assertEquals(Status.DONE, tester.say(skill, "cancel the reminder about the dentist").status());
        List<Item> left = store.pending(Kind.REMINDER);
        assertEquals(1, left.size());
        assertEquals("call mom", left.get(0).label());
    }

    @Test
    void a_reminder_fires_at_its_time_in_the_language_it_was_made_in() throws Exception {
        tester.say(skill, "明天下午三点提醒我给妈妈打电话");
        clock.set(at(11, 19, 15, 0));
        assertEquals(1, skill.fireDue());
        Notification n = notifications.raised().get(0);
        assertEquals("提醒：给妈妈打电话。", n.speech());
        assertEquals(Priority.NORMAL, n.priority());
        assertTrue(n.id().startsWith("clock-reminder-"));
    }

    @Test
    void after_a_restart_what_was_missed_fires_once_marked_late_and_the_rest_on_time(@TempDir Path other)
            throws Exception {
        ClockStore first = ClockStore.open(other);
        ClockSkill before = new ClockSkill(first, notifications, clock, ZONE, null);
        tester.say(before, "remind me at 10 am to feed the cat");
        tester.say(before, "wake me up tomorrow at 6:30");
        first.close(); // the hub stops

        clock.set(at(11, 18, 11, 0)); // and starts again an hour after the reminder was due
        ClockStore reopened = ClockStore.open(other);
        try {
            ClockSkill after = new ClockSkill(reopened, notifications, clock, ZONE, null);
            assertEquals(1, after.fireDue());
            Notification late = notifications.raised().get(0);
            assertEquals("Late reminder, due 10:00 am: feed the cat.", late.speech());
            long id = reopened.due(clock.instant().plus(Duration.ofDays(9))).get(0).id() - 1;
            assertTrue(reopened.firedLate(id));
            assertEquals(0, after.fireDue()); // once
            clock.set(at(11, 19, 6, 30));
            assertEquals(1, after.fireDue());
            assertEquals("It's 6:30 am. Time to get up!", notifications.raised().get(1).speech());
        } finally {
            reopened.close();
        }
    }

    @Test
    void a_scheduled_item_fires_by_itself_on_the_skills_own_thread(@TempDir Path other) throws Exception {
        ClockStore s = ClockStore.open(other);
        java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        Clock real = Clock.system(ZONE);
        ClockSkill live = new ClockSkill(s, notifications, real, ZONE, executor);
        try {
            live.handle(Intent.builder("timer.set").lang("en").slot("duration", "duration", "PT1S").build());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (notifications.raised().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, notifications.raised().size());
            assertEquals("Time's up!", notifications.raised().get(0).speech());
        } finally {
            live.deactivate();
        }
    }
}
