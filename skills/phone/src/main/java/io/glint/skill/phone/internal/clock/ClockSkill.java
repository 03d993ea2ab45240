package io.glint.skill.phone.internal.clock;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.glint.api.notify.Notifications;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillDefinition;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.skill.phone.internal.clock.ClockStore.Item;
import io.glint.skill.phone.internal.clock.ClockStore.Kind;

/**
 * Alarms, timers and reminders (calendar entries too: "put the dentist on Thursday at 4"), kept in an H2 database
 * under {@code <glint.data>/clock/} and raised through the hub's {@link Notifications} when due, also after a
 * restart. "How long is left on my timer" is answered by {@code alarm.query}, which lists timers with alarms.
 * <p>
 * Configuration (PID {@code io.glint.skill.phone.clock}, optional): {@code databaseDir}, where the database lives
 * when the framework property {@code glint.data} is not set.
 */
@Component(configurationPid = "io.glint.skill.phone.clock")
@SkillDefinition("glint/clock.json")
public class ClockSkill implements Skill {
    private static final System.Logger LOG = System.getLogger(ClockSkill.class.getName());
    /** A reminder for a day without a time rings at this hour. */
    static final int DAY_REMINDER_HOUR = 9;

    /** Component properties. */
    public @interface Config {
        /** Where the database lives when the framework property glint.data is not set. */
        String databaseDir() default "";
    }

    private final ClockStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final Clockwork clockwork;
    private final ScheduledExecutorService executor;

    @Activate
    public ClockSkill(BundleContext context, @Reference Notifications notifications, Config config)
            throws SQLException {
        this(ClockStore.open(dataDir(context.getProperty("glint.data"), config.databaseDir())), notifications,
                Clock.systemDefaultZone(), ZoneId.systemDefault(), Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "glint-clock");
                    t.setDaemon(true);
                    return t;
                }));
        LOG.log(Level.INFO, "Alarms, timers and reminders are kept in " + store.file() + ".mv.db");
    }

    /**
     * For tests and tools. {@code executor} null: nothing fires by itself; call {@link #fireDue()} after moving
     * the clock on.
     */
    public ClockSkill(ClockStore store, Notifications notifications, Clock clock, ZoneId zone,
            ScheduledExecutorService executor) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.executor = executor;
        this.clockwork = new Clockwork(store, notifications, clock, zone, executor);
        if (executor != null) {
            executor.execute(clockwork::runDue); // what came due while the hub was down fires now, marked late
        }
    }

    static Path dataDir(String glintData, String configured) {
        if (glintData != null && !glintData.isBlank()) {
            return Path.of(glintData, "clock");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        throw new IllegalStateException("Neither the framework property glint.data (the hub's data directory) nor "
                + "databaseDir of configuration io.glint.skill.phone.clock is set, so alarms and reminders have "
                + "nowhere to be kept; start the hub with bin/glint, which sets glint.data");
    }

    /** Raises everything that is due now; the number raised. */
    public int fireDue() {
        return clockwork.runDue();
    }

    @Deactivate
    void deactivate() {
        clockwork.close();
        if (executor != null) {
            executor.shutdown(); // no interrupt: a write in progress finishes
            try {
                executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            store.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Closing the clock database failed", e);
        }
    }

    @Override
    public SkillResult handle(Intent intent) throws Exception {
        String lang = "zh".equals(intent.lang()) ? "zh" : "en";
        switch (intent.name()) {
            case "alarm.set":
                return setAlarm(intent, lang);
            case "alarm.cancel":
                return cancel(intent, lang, Kind.ALARM);
            case "alarm.query":
                return listAlarms(lang);
            case "timer.set":
                return setTimer(intent, lang);
            case "reminder.create":
                return createReminder(intent, lang);
            case "reminder.query":
                return listReminders(intent, lang);
            case "reminder.cancel":
                return cancel(intent, lang, Kind.REMINDER);
            default:
                return SkillResult.failed(FailureCode.NOT_SUPPORTED, Say.en(lang,
                        "I can't do that with alarms and reminders.", "闹钟和提醒做不了这个。"));
        }
    }

    // ------------------------------------------------------------------ alarms

    /** Said without am/pm or a part of the day. */
    private static final java.util.regex.Pattern DAY_PART = java.util.regex.Pattern.compile(
            "\\b(am|pm|a\\.m|p\\.m|morning|afternoon|evening|night|tonight|noon)\\b|早上|早晨|上午|中午|下午|晚上|傍晚|凌晨|夜里");
    private static final java.util.regex.Pattern WAKE = java.util.regex.Pattern.compile(
            "\\b(wake|get up|be up|waking)\\b|起床|叫醒|叫我");

    /**
     * "Wake me up at 5:45 tomorrow": a wake-up on another day at 1–5 o'clock without am/pm is in the morning (the
     * hub's reading of a bare hour on another day takes 1–5 as the afternoon, right for a meeting, not for waking).
     */
    private LocalDateTime wakeUpInTheMorning(Intent intent, LocalDateTime t) {
        String text = intent.text().toLowerCase(java.util.Locale.ROOT);
        if (t.getHour() >= 13 && t.getHour() <= 17 && !t.toLocalDate().equals(today())
                && WAKE.matcher(text).find() && !DAY_PART.matcher(text).find()) {
            return t.minusHours(12);
        }
        return t;
    }

    private SkillResult setAlarm(Intent intent, String lang) throws SQLException {
        When when = when(intent);
        if (when == null || when.shape() != When.Shape.MOMENT) {
            String day = when == null ? "" : " " + Say.dayAlone(when.start().toLocalDate(), today(), lang);
            return SkillResult.failed(FailureCode.INVALID_VALUE, Say.en(lang,
                    "For what time? Say, for example, \"alarm at 6:30" + day + "\".",
                    "定在几点？比如说“" + (when == null ? "" : Say.day(when.start().toLocalDate(), today(), lang))
                            + "早上六点半的闹钟”。"));
        }
        LocalDateTime start = wakeUpInTheMorning(intent, when.start());
        Instant at = start.atZone(zone).toInstant();
        if (!at.isAfter(clock.instant())) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Say.en(lang,
                    Say.when(at, zone, today(), lang) + " has already passed. Say a time still to come.",
                    Say.when(at, zone, today(), lang) + "已经过了，请说一个还没到的时间。"));
        }
        String said = Say.when(at, zone, today(), lang);
        for (Item a : store.pending(Kind.ALARM)) {
            if (a.due().equals(at)) {
                return SkillResult.done(Say.en(lang, "You already have an alarm at " + said + ".",
                        "已经有" + said + "的闹钟了。")).withCard(Card.of(Say.en(lang, "Alarm", "闹钟"), said));
            }
        }
        store.add(Kind.ALARM, at, null, lang, clock.instant());
        clockwork.changed();
        return SkillResult.done(Say.en(lang, "Alarm set for " + said + ".", "闹钟定好了：" + said + "。"))
                .withCard(Card.of(Say.en(lang, "Alarm", "闹钟"), said));
    }

    private SkillResult listAlarms(String lang) throws SQLException {
        List<Item> alarms = store.pending(Kind.ALARM);
        List<Item> timers = store.pending(Kind.TIMER);
        if (alarms.isEmpty() && timers.isEmpty()) {
            return SkillResult.answer(Say.en(lang, "You have no alarms or timers set.", "没有设闹钟，也没有计时器。"));
        }
        List<String> parts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (!alarms.isEmpty()) {
            List<String> times = new ArrayList<>();
            alarms.forEach(a -> times.add(Say.when(a.due(), zone, today(), lang)));
            parts.add(Say.en(lang, (alarms.size() == 1 ? "Alarm at " : alarms.size() + " alarms: ")
                    + Say.list(times, lang) + ".", (alarms.size() == 1 ? "闹钟：" : alarms.size() + "个闹钟：")
                    + Say.list(times, lang) + "。"));
            times.stream().limit(Card.MAX_LINES).forEach(lines::add);
        }
        for (Item t : timers) {
            Duration left = Duration.between(clock.instant(), t.due());
            String name = t.label() == null ? Say.en(lang, "Timer", "计时器") : t.label();
            String l = Say.duration(left.isNegative() ? Duration.ZERO : left, lang);
            parts.add(Say.en(lang, name + ": " + l + " left.", name + "还剩" + l + "。"));
            if (lines.size() < Card.MAX_LINES) {
                lines.add(clip(name + " " + l));
            }
        }
        return SkillResult.answer(String.join(" ", parts))
                .withCard(Card.of(Say.en(lang, "Alarms and timers", "闹钟和计时器"), lines));
    }

    // ------------------------------------------------------------------ timers

    private SkillResult setTimer(Intent intent, String lang) throws SQLException {
        Duration d = intent.slot("duration").map(Slot::value).map(ClockSkill::duration).orElse(null);
        if (d == null) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Say.en(lang,
                    "For how long? Say, for example, \"timer for 10 minutes\".", "定多久？比如说“计时十分钟”。"));
        }
        String label = intent.slot("text").map(Slot::raw).map(ClockSkill::label).orElse(null);
        Instant now = clock.instant();
        store.add(Kind.TIMER, now.plus(d), label, lang, now);
        clockwork.changed();
        String len = Say.duration(d, lang);
        int running = store.pending(Kind.TIMER).size();
        String others = running > 1 ? Say.en(lang, " " + running + " timers running.", "共有" + running + "个计时器。")
                : "";
        String speech = label == null
                ? Say.en(lang, "Timer set for " + len + ".", "计时" + len + "，开始了。")
                : Say.en(lang, label + " timer: " + len + ".", label + "计时" + len + "，开始了。");
        return SkillResult.done(speech + others).withCard(Card.of(Say.en(lang, "Timer", "计时器"),
                clip(label == null ? len : label + " " + len)));
    }

    // ------------------------------------------------------------------ reminders

    private SkillResult createReminder(Intent intent, String lang) throws SQLException {
        String label = intent.slot("text").map(Slot::raw).map(ClockSkill::label).orElse(null);
        if (label == null && intent.confidence() < 1.0) {
            label = labelFromSentence(intent); // understood by meaning: the sentence says what it is about
        }
        When when = when(intent);
        Instant now = clock.instant();
        Instant at = null;
        if (when != null) {
            LocalDateTime t = switch (when.shape()) {
                case MOMENT -> when.start();
                case DAY -> when.start().withHour(DAY_REMINDER_HOUR);
                case RANGE -> when.middle();
            };
            at = t.atZone(zone).toInstant();
            if (!at.isAfter(now) && when.shape() != When.Shape.MOMENT && when.end().atZone(zone).toInstant()
                    .isAfter(now.plus(Duration.ofMinutes(10)))) {
                at = now.plus(Duration.between(now, when.end().atZone(zone).toInstant()).dividedBy(2));
                at = at.atZone(zone).withSecond(0).withNano(0).toInstant();
            }
            if (!at.isAfter(now)) {
                return SkillResult.failed(FailureCode.INVALID_VALUE, Say.en(lang,
                        Say.when(at, zone, today(), lang) + " has already passed. When should I remind you?",
                        Say.when(at, zone, today(), lang) + "已经过了。什么时候提醒你？"));
            }
        }
        if (label == null && at == null) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Say.en(lang,
                    "What should I remind you of, and when?", "提醒你什么事，什么时候？"));
        }
        store.add(Kind.REMINDER, at, label, lang, now);
        clockwork.changed();
        String what = label == null ? Say.en(lang, "Reminder", "提醒") : label;
        if (at == null) {
            return SkillResult.done(Say.en(lang, "Noted, with no time: " + what + ". Say a time to be reminded.",
                    "记下了（没有时间）：" + what + "。说个时间我就会提醒你。"))
                    .withCard(Card.of(Say.en(lang, "Reminder", "提醒"), clip(what)));
        }
        String said = Say.when(at, zone, today(), lang);
        return SkillResult.done(Say.en(lang, "I'll remind you at " + said
                + ": " + what + ".", "好的，" + said + "提醒你：" + what + "。"))
                .withCard(Card.of(Say.en(lang, "Reminder", "提醒"), clip(what), clip(said)));
    }

    private SkillResult listReminders(Intent intent, String lang) throws SQLException {
        When when = when(intent);
        List<Item> all = store.pending(Kind.REMINDER);
        List<Item> shown = new ArrayList<>();
        LocalDate today = today();
        String span;
        if (when == null) {
            span = Say.en(lang, "coming up", "接下来");
            shown.addAll(all);
        } else {
            When day = when.shape() == When.Shape.MOMENT
                    ? When.parse(when.start().toLocalDate().toString()) : when;
            span = Say.dayAlone(day.start().toLocalDate(), today, lang);
            if (when.shape() == When.Shape.RANGE) {
                span = Say.en(lang, "then", "那段时间");
            }
            for (Item r : all) {
                if (r.due() != null && day.contains(LocalDateTime.ofInstant(r.due(), zone))) {
                    shown.add(r);
                }
            }
        }
        if (shown.isEmpty()) {
            return SkillResult.answer(when == null
                    ? Say.en(lang, "You have no reminders.", "你没有提醒。")
                    : Say.en(lang, "Nothing on " + span + ".", span + "没有安排。"));
        }
        List<String> items = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Item r : shown) {
            String what = r.label() == null ? Say.en(lang, "reminder", "提醒") : r.label();
            String at = r.due() == null ? Say.en(lang, "no time", "无时间") : when != null && when.shape() != When.Shape.RANGE
                    ? Say.clock(LocalDateTime.ofInstant(r.due(), zone), lang) : Say.when(r.due(), zone, today, lang);
            items.add(Say.en(lang, what + " at " + at, at + what).replace(" at no time", " (no time)"));
            if (lines.size() < Card.MAX_LINES) {
                lines.add(clip(at + " " + what));
            }
        }
        int n = shown.size();
        String head = when == null ? Say.en(lang, n == 1 ? "One reminder: " : n + " reminders: ",
                n == 1 ? "一个提醒：" : n + "个提醒：")
                : Say.en(lang, cap(span) + ": ", span + "：");
        return SkillResult.answer(head + Say.list(items, lang) + Say.en(lang, ".", "。"))
                .withCard(Card.of(Say.en(lang, "Reminders", "提醒"), lines));
    }

    // ------------------------------------------------------------------ cancelling

    private SkillResult cancel(Intent intent, String lang, Kind kind) throws SQLException {
        List<Item> pending = store.pending(kind);
        String noun = kind == Kind.ALARM ? Say.en(lang, "alarm", "闹钟") : Say.en(lang, "reminder", "提醒");
        if (pending.isEmpty()) {
            return SkillResult.done(Say.en(lang, "You have no " + noun + "s to cancel.", "没有可以取消的" + noun + "。"));
        }
        boolean all = intent.slot("all").isPresent();
        When when = when(intent);
        String words = intent.slot("text").map(Slot::raw).map(ClockSkill::label).orElse(null);
        List<Item> chosen = new ArrayList<>();
        if (all && when == null && words == null) {
            chosen.addAll(pending);
        } else if (when != null || words != null) {
            for (Item i : pending) {
                if ((when == null || matches(i, when)) && (words == null || mentions(i, words))) {
                    chosen.add(i);
                }
            }
            if (chosen.isEmpty() && when != null && when.shape() == When.Shape.MOMENT) {
                // "cancel my 7 am alarm" heard as tomorrow's 7 am: an alarm at 7 am on another day is meant
                for (Item i : pending) {
                    if (i.due() != null && LocalDateTime.ofInstant(i.due(), zone).toLocalTime()
                            .equals(when.start().toLocalTime()) && (words == null || mentions(i, words))) {
                        chosen.add(i);
                    }
                }
            }
            String raw = intent.slot("time").map(Slot::raw).orElse("");
            if (chosen.isEmpty() && when != null && when.shape() == When.Shape.MOMENT && !HALF_OF_DAY.matcher(raw)
                    .find()) {
                // "the quarter to six alarm" said in the morning is heard as this evening's 5:45; with no am/pm,
                // morning or evening said, an alarm at the same time on the clock face twelve hours apart is meant
                java.time.LocalTime other = when.start().toLocalTime().plusHours(12);
                for (Item i : pending) {
                    if (i.due() != null && LocalDateTime.ofInstant(i.due(), zone).toLocalTime().equals(other)
                            && (words == null || mentions(i, words))) {
                        chosen.add(i);
                    }
                }
            }
            if (chosen.isEmpty()) {
                return SkillResult.failed(FailureCode.INVALID_VALUE, Say.en(lang,
                        "I found no " + noun + " like that. You have " + describe(pending, lang) + ".",
                        "没有找到这样的" + noun + "。你有：" + describe(pending, lang) + "。"));
            }
        } else if (pending.size() == 1) {
            chosen.add(pending.get(0));
        } else {
            return SkillResult.answer(Say.en(lang, "You have " + describe(pending, lang) + ". Which one? Or say \"cancel all "
                    + noun + "s\".", "你有：" + describe(pending, lang) + "。取消哪一个？或者说“取消所有" + noun + "”。"));
        }
        for (Item i : chosen) {
            store.cancel(i.id());
        }
        clockwork.changed();
        String what = describe(chosen, lang);
        return SkillResult.done(chosen.size() == pending.size() && chosen.size() > 1
                ? Say.en(lang, "Cancelled all " + chosen.size() + " " + noun + "s.", "所有" + chosen.size() + "个" + noun + "都取消了。")
                : Say.en(lang, "Cancelled: " + what + ".", "已取消：" + what + "。"))
                .withCard(Card.of(Say.en(lang, "Cancelled", "已取消"), clip(what)));
    }

    /** Words that say which half of the day a time is in (or a 24-hour time such as 17:45). */
    private static final java.util.regex.Pattern HALF_OF_DAY = java.util.regex.Pattern.compile(
            "\\b(am|pm|a\\.m|p\\.m|morning|afternoon|evening|night|tonight|noon|midnight)\\b|\\b(1[3-9]|2[0-3])\\b"
                    + "|上午|下午|早上|早晨|清早|晚上|中午|凌晨|傍晚|今晚|明早|夜里|夜间|十三|十四|十五|十六|十七|十八|十九|二十[一二三]?点",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private boolean matches(Item i, When when) {
        return i.due() != null && when.contains(LocalDateTime.ofInstant(i.due(), zone));
    }

    private static boolean mentions(Item i, String words) {
        if (i.label() == null) {
            return false;
        }
        String label = i.label().toLowerCase(Locale.ROOT);
        String w = words.toLowerCase(Locale.ROOT);
        if (label.contains(w) || w.contains(label)) {
            return true;
        }
        for (String word : w.split("\\s+")) {
            if (word.length() > 3 && label.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** "7:00 am tomorrow and 6:30 am Friday"; reminders with what they are about. */
    private String describe(List<Item> items, String lang) {
        List<String> out = new ArrayList<>();
        for (Item i : items.subList(0, Math.min(items.size(), 5))) {
            String at = i.due() == null ? "" : Say.when(i.due(), zone, today(), lang);
            if (i.label() == null) {
                out.add(at);
            } else {
                out.add(at.isEmpty() ? i.label() : Say.en(lang, i.label() + " at " + at, at + i.label()));
            }
        }
        if (items.size() > 5) {
            out.add(Say.en(lang, (items.size() - 5) + " more", "另外" + (items.size() - 5) + "个"));
        }
        return Say.list(out, lang);
    }

    // ------------------------------------------------------------------ slots

    private static When when(Intent intent) {
        return intent.slot("time").map(Slot::value).map(When::parse).orElse(null);
    }

    private static Duration duration(String iso) {
        try {
            Duration d = Duration.parse(iso);
            return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What a reminder or timer is about, without the words that only lead into it. */
    static String label(String raw) {
        String s = raw.strip();
        for (String lead : new String[] {"to ", "about ", "that ", "the ", "my ", "for ", "帮我", "给我", "请", "我要", "要",
            "去"}) {
            if (s.toLowerCase(Locale.ROOT).startsWith(lead) && s.length() > lead.length()) {
                s = s.substring(lead.length()).strip();
            }
        }
        if (s.endsWith("一下") && s.length() > 2) {
            s = s.substring(0, s.length() - 2);
        }
        return s.isBlank() ? null : s;
    }

    /** Understood by meaning, without a template: the sentence is what to be reminded of, less its time. */
    private static String labelFromSentence(Intent intent) {
        String text = intent.text();
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        String time = intent.slot("time").map(Slot::raw).orElse(null);
        if (time != null) {
            t = t.replace(time, " ").replaceAll("\\s+", " ").strip();
        }
        return t.isBlank() ? null : t;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
