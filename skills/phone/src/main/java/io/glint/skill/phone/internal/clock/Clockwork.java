package io.glint.skill.phone.internal.clock;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.glint.api.notify.Notification;
import io.glint.api.notify.Notifications;
import io.glint.api.notify.Priority;
import io.glint.api.skill.Card;
import io.glint.skill.phone.internal.clock.ClockStore.Item;
import io.glint.skill.phone.internal.clock.ClockStore.Kind;

/**
 * Raises what is due as a notification to the glasses. The schedule is the database: at start everything that came
 * due while the hub was down fires once, marked late; after that the next due time is waited for (and looked at
 * again at least every {@link #MAX_WAIT}, so a changed wall clock is noticed). An item is marked fired only after
 * it was raised: a crash in between raises it again at the next start, with the same de-duplication key, so the
 * glasses show it once.
 */
final class Clockwork implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Clockwork.class.getName());
    /** Fired later than this after its time, an item is late (the hub was down, or the machine asleep). */
    static final Duration LATE = Duration.ofMinutes(1);
    /** A late alarm older than this no longer wakes anyone: it is shown, not rung. */
    static final Duration STALE_ALARM = Duration.ofHours(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ClockStore store;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private boolean closed;

    /** {@code executor} null: nothing runs by itself, {@link #runDue()} is called by the test. */
    Clockwork(ClockStore store, Notifications notifications, Clock clock, ZoneId zone,
            ScheduledExecutorService executor) {
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = zone;
        this.executor = executor;
    }

    /** Fires everything that is due now and waits for the next one. Returns how many were raised. */
    synchronized int runDue() {
        if (closed) {
            return 0;
        }
        int raised = 0;
        try {
            Instant now = clock.instant();
            for (Item item : store.due(now)) {
                boolean late = Duration.between(item.due(), now).compareTo(LATE) > 0;
                if (raise(item, late, now)) {
                    store.fired(item.id(), now, late);
                    raised++;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "Could not fire the alarms, timers and reminders that are due; trying again in "
                    + MAX_WAIT.toSeconds() + " s", e);
        }
        reschedule();
        return raised;
    }

    /** Something was added or cancelled: the next due time may have changed. */
    synchronized void changed() {
        reschedule();
    }

    private void reschedule() {
        if (executor == null || closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        Duration wait = MAX_WAIT;
        try {
            Instant due = store.nextDue().orElse(null);
            if (due != null) {
                Duration until = Duration.between(clock.instant(), due);
                wait = until.isNegative() ? Duration.ZERO : until.compareTo(MAX_WAIT) < 0 ? until : MAX_WAIT;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the next due time; looking again in " + MAX_WAIT.toSeconds()
                    + " s", e);
        }
        next = executor.schedule(this::runDue, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean raise(Item item, boolean late, Instant now) {
        Notification n = notification(item, late, now);
        try {
            try {
                notifications.raise(n);
            } catch (IllegalArgumentException taken) {
                // the id is held by an earlier, different notification for this item: the key still de-duplicates
                notifications.raise(n.withId(null));
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The notification service did not take " + n.dedupeKey() + "; trying again", e);
            return false;
        }
    }

    /** What the glasses say and show when an item is due. */
    Notification notification(Item item, boolean late, Instant now) {
        String lang = item.lang();
        LocalDate today = LocalDate.ofInstant(now, zone);
        String at = Say.when(item.due(), zone, today, lang);
        String label = item.label();
        String speech;
        String title;
        Priority priority;
        switch (item.kind()) {
            case ALARM:
                title = Say.en(lang, "Alarm", "闹钟");
                speech = late ? Say.en(lang, "Missed alarm for " + at + ": the hub was off.", "错过了" + at + "的闹钟：当时中枢没有运行。")
                        : Say.en(lang, "It's " + Say.clock(item.due().atZone(zone).toLocalDateTime(), lang)
                                + ". Time to get up!", "现在" + Say.clock(item.due().atZone(zone).toLocalDateTime(), lang)
                                + "，该起床了！");
                if (label != null) {
                    speech += Say.en(lang, " (" + label + ")", "（" + label + "）");
                }
                priority = late && Duration.between(item.due(), now).compareTo(STALE_ALARM) > 0 ? Priority.NORMAL
                        : Priority.HIGH;
                break;
            case TIMER:
                title = Say.en(lang, "Timer", "计时器");
                String what = label == null ? "" : label;
                speech = late ? Say.en(lang, (what.isEmpty() ? "Your timer" : "The " + what + " timer")
                        + " ran out at " + at + " while the hub was off.", (what.isEmpty() ? "计时器" : what + "计时器")
                        + "在" + at + "到时间了，当时中枢没有运行。")
                        : Say.en(lang, (what.isEmpty() ? "Time's up!" : "Time's up: " + what + "."),
                                what.isEmpty() ? "时间到了！" : what + "的时间到了！");
                priority = Priority.HIGH;
                break;
            default:
                title = Say.en(lang, "Reminder", "提醒");
                String about = label == null ? Say.en(lang, "something you asked me to remind you of", "你让我提醒的事")
                        : label;
                speech = late ? Say.en(lang, "Late reminder, due " + at + ": " + about + ".",
                        "迟到的提醒（原定" + at + "）：" + about + "。")
                        : Say.en(lang, "Reminder: " + about + ".", "提醒：" + about + "。");
                priority = Priority.NORMAL;
        }
        if (speech.length() > Notification.MAX_SPEECH_LENGTH) {
            speech = speech.substring(0, Notification.MAX_SPEECH_LENGTH - 1) + "…";
        }
        String key = "clock-" + item.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + item.id();
        Card card = Card.of(title, List.of(clip(label == null ? at : label), clip(late ? Say.en(lang, "late, due " + at,
                "迟到，原定" + at) : at)));
        return new Notification(key, priority, speech, card, key);
    }

    private static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    static boolean isTimer(Item item) {
        return item.kind() == Kind.TIMER;
    }
}
