package io.glint.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceChange;
import io.glint.api.device.DeviceListener;
import io.glint.api.device.DeviceType;
import io.glint.api.notify.Notification;
import io.glint.api.notify.Notifications;
import io.glint.api.notify.Priority;
import io.glint.api.skill.Card;

/**
 * The notifications the hub raises by itself, from what the registry reports:
 * <ul>
 * <li><b>a lock left unlocked</b>: any device with the {@link Capability#LOCK} capability that stays unlocked for
 * {@link Settings#unlockedFor()} (10 minutes by default) — HIGH, de-duplicated per lock
 * ({@code door-unlocked:ID}); withdrawn when it is locked, and armed again by the next unlocking;</li>
 * <li><b>a device that went offline</b>: online → offline and still offline after {@link Settings#offlineGrace()}
 * (so a device that drops for a moment says nothing) — HIGH for locks and garage doors, NORMAL for the rest,
 * de-duplicated per device ({@code device-offline:ID}); withdrawn when it comes back;</li>
 * <li><b>a battery running low</b>: any device (a car, a lock, a sensor) whose {@link Attributes#BATTERY} falls
 * below {@link Settings#batteryLow()} percent — NORMAL, HIGH at a quarter of that; de-duplicated per device
 * ({@code battery-low:ID}); withdrawn once the battery is charged {@value #BATTERY_HYSTERESIS} points above the
 * bound, so a level hovering around it does not repeat itself.</li>
 * </ul>
 *
 * <p>Plain Java with its own clock and timer so that tests control time; {@link NotificationRulesComponent} wires
 * it into OSGi. {@link #deviceChanged} only records and schedules; notifications are raised from the timer.
 */
public final class NotificationRules implements DeviceListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationRules.class);
    static final String UNLOCKED_KEY = "door-unlocked:";
    static final String OFFLINE_KEY = "device-offline:";
    static final String BATTERY_KEY = "battery-low:";
    static final int BATTERY_HYSTERESIS = 5;

    /** Runs a task after a delay; the returned handle cancels it. */
    public interface Timer {
        Runnable schedule(Duration delay, Runnable task);
    }

    /**
     * @param unlockedFor   how long a lock may stay unlocked before the wearers are told (zero or less: never)
     * @param offlineGrace  how long a device must stay offline before the wearers are told (negative: never)
     * @param batteryLow    the battery level, in percent, below which the wearers are told (0: never)
     * @param lang          the language of the notifications, {@code en} or {@code zh}
     */
    public record Settings(Duration unlockedFor, Duration offlineGrace, int batteryLow, String lang) {
        public Settings {
            Objects.requireNonNull(unlockedFor, "unlockedFor");
            Objects.requireNonNull(offlineGrace, "offlineGrace");
            if (batteryLow < 0 || batteryLow > 100) {
                throw new IllegalArgumentException("batteryLow is a percentage, 0 (off) to 100, not " + batteryLow);
            }
            lang = "zh".equals(lang) ? "zh" : "en";
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(10), Duration.ofSeconds(30), 20, "en");
        }

        boolean unlockedRule() {
            return unlockedFor.compareTo(Duration.ZERO) > 0;
        }

        boolean offlineRule() {
            return !offlineGrace.isNegative();
        }
    }

    /** One armed rule for one device: when it started, its timer, and the notification it raised (if any). */
    private static final class Watch {
        final Instant since;
        Runnable cancel;
        String raised;

        Watch(Instant since) {
            this.since = since;
        }
    }

    private final Function<String, Optional<Device>> devices;
    private final Supplier<Notifications> notifications;
    private final Clock clock;
    private final Timer timer;
    private final Settings settings;
    private final Map<String, Watch> unlocked = new HashMap<>();
    private final Map<String, Watch> offline = new HashMap<>();
    private final Map<String, Watch> lowBattery = new HashMap<>();
    private boolean closed;

    /**
     * @param devices       the registry's current snapshot of a device, by id
     * @param notifications the Notifications service, or null while there is none (nothing is raised then)
     */
    public NotificationRules(Function<String, Optional<Device>> devices, Supplier<Notifications> notifications,
            Clock clock, Timer timer, Settings settings) {
        this.devices = devices;
        this.notifications = notifications;
        this.clock = clock;
        this.timer = timer;
        this.settings = settings;
    }

    /** Arms the unlocked rule for the locks that are already unlocked, counting from now. */
    public void start(List<Device> current) {
        for (Device d : current) {
            if (d.has(Capability.LOCK) && Boolean.FALSE.equals(d.state(Attributes.LOCKED))) {
                armUnlocked(d.id());
            }
        }
    }

    @Override
    public void deviceChanged(DeviceChange change) {
        if (Attributes.LOCKED.equals(change.attribute())) {
            if (Boolean.FALSE.equals(change.newValue())) {
                armUnlocked(change.deviceId());
            } else {
                disarm(unlocked, change.deviceId());
            }
        } else if (Attributes.BATTERY.equals(change.attribute()) && change.newValue() instanceof Number level) {
            battery(change.deviceId(), level.doubleValue());
        } else if ("availability".equals(change.attribute())) {
            if (change.newValue() == Availability.OFFLINE && change.oldValue() == Availability.ONLINE) {
                armOffline(change.deviceId());
            } else if (change.newValue() == Availability.ONLINE) {
                disarm(offline, change.deviceId());
            }
        }
    }

    private void battery(String id, double level) {
        int bound = settings.batteryLow();
        if (bound == 0) {
            return;
        }
        if (level >= bound + BATTERY_HYSTERESIS) {
            disarm(lowBattery, id);
            return;
        }
        synchronized (this) {
            if (closed || level >= bound || lowBattery.containsKey(id)) {
                return;
            }
            Watch w = new Watch(clock.instant());
            lowBattery.put(id, w);
            w.cancel = timer.schedule(Duration.ZERO, () -> batteryLow(id, w, level));
        }
    }

    private void batteryLow(String id, Watch w, double level) {
        if (!current(lowBattery, id, w)) {
            return;
        }
        String lang = settings.lang();
        String name = devices.apply(id).map(d -> Names.of(d, lang)).orElse(id);
        long percent = Math.round(level);
        String speech = Say.in(lang, capitalise("the " + name) + "'s battery is low: " + percent + " %.",
                name + "的电量低：" + percent + "%。");
        Card card = Card.of(clip(capitalise(name)), clip(Say.in(lang, "battery " + percent + " %",
                "电量 " + percent + "%")));
        Priority priority = level <= settings.batteryLow() / 4.0 ? Priority.HIGH : Priority.NORMAL;
        raise(lowBattery, id, w, new Notification(null, priority, clipSpeech(speech), card, BATTERY_KEY + id));
    }

    private synchronized void armUnlocked(String id) {
        if (closed || !settings.unlockedRule() || unlocked.containsKey(id)) {
            return;
        }
        Watch w = new Watch(clock.instant());
        unlocked.put(id, w);
        w.cancel = timer.schedule(settings.unlockedFor(), () -> unlockedTooLong(id, w));
    }

    private synchronized void armOffline(String id) {
        if (closed || !settings.offlineRule() || offline.containsKey(id)) {
            return;
        }
        Watch w = new Watch(clock.instant());
        offline.put(id, w);
        w.cancel = timer.schedule(settings.offlineGrace(), () -> stillOffline(id, w));
    }

    /** The condition ended: stop waiting, and withdraw what was said about it. */
    private void disarm(Map<String, Watch> watches, String id) {
        Watch w;
        synchronized (this) {
            w = watches.remove(id);
        }
        if (w == null) {
            return;
        }
        if (w.cancel != null) {
            w.cancel.run();
        }
        Notifications n = notifications.get();
        if (w.raised != null && n != null) {
            n.withdraw(w.raised);
        }
    }

    private void unlockedTooLong(String id, Watch w) {
        Optional<Device> device = devices.apply(id);
        if (!current(unlocked, id, w)) {
            return;
        }
        if (device.isEmpty() || !Boolean.FALSE.equals(device.get().state(Attributes.LOCKED))) {
            synchronized (this) {
                unlocked.remove(id, w);
            }
            return;
        }
        Device d = device.get();
        String lang = settings.lang();
        String name = Names.of(d, lang);
        String span = span(Duration.between(w.since, clock.instant()), lang);
        String speech = Say.in(lang, capitalise("the " + name) + " has been unlocked for " + span + ".",
                name + "已经开着" + span + "了。");
        Card card = Card.of(clip(capitalise(name)), clip(Say.in(lang, "unlocked " + span, "已开锁" + span)));
        raise(unlocked, id, w, new Notification(null, Priority.HIGH, speech, card, UNLOCKED_KEY + id));
    }

    private void stillOffline(String id, Watch w) {
        Optional<Device> device = devices.apply(id);
        if (!current(offline, id, w)) {
            return;
        }
        if (device.isEmpty() || device.get().online()) {
            synchronized (this) {
                offline.remove(id, w);
            }
            return;
        }
        Device d = device.get();
        String lang = settings.lang();
        String name = Names.of(d, lang);
        String reason = d.availabilityReason();
        String speech = Say.in(lang,
                capitalise("the " + name) + " went offline" + (reason == null || reason.isBlank() ? "." : ": "
                        + reason + (reason.endsWith(".") ? "" : ".")),
                name + "离线了" + (reason == null || reason.isBlank() ? "。" : "：" + reason));
        List<String> lines = new ArrayList<>();
        lines.add(clip(Say.in(lang, "offline", "离线")));
        if (reason != null && !reason.isBlank()) {
            lines.add(clip(reason));
        }
        Card card = Card.of(clip(capitalise(name)), lines);
        raise(offline, id, w, new Notification(null, security(d) ? Priority.HIGH : Priority.NORMAL, clipSpeech(speech),
                card, OFFLINE_KEY + id));
    }

    /** Locks and garage doors: not knowing whether they are shut matters at any hour. */
    static boolean security(Device d) {
        return d.has(Capability.LOCK) || d.type() == DeviceType.LOCK || d.type() == DeviceType.GARAGE_DOOR;
    }

    private synchronized boolean current(Map<String, Watch> watches, String id, Watch w) {
        return !closed && watches.get(id) == w;
    }

    private void raise(Map<String, Watch> watches, String id, Watch w, Notification notification) {
        Notifications n = notifications.get();
        if (n == null) {
            LOG.debug("No notification service: not telling anyone \"{}\"", notification.speech());
            return;
        }
        Notification kept;
        try {
            kept = n.raise(notification);
        } catch (RuntimeException e) {
            LOG.warn("The notification service refused \"{}\"", notification.speech(), e);
            return;
        }
        boolean stale;
        synchronized (this) {
            stale = watches.get(id) != w;
            if (!stale) {
                w.raised = kept.id();
            }
        }
        if (stale) {
            // the condition ended while the notification was being raised
            n.withdraw(kept.id());
        }
    }

    /** "10 minutes", "1 minute", "45 seconds" (or 分钟 / 秒). */
    static String span(Duration d, String lang) {
        long seconds = Math.max(1, Math.round(d.toMillis() / 1000.0));
        if (seconds >= 60 && seconds % 60 == 0 || seconds >= 120) {
            long minutes = Math.round(seconds / 60.0);
            return Say.in(lang, minutes + (minutes == 1 ? " minute" : " minutes"), minutes + "分钟");
        }
        return Say.in(lang, seconds + (seconds == 1 ? " second" : " seconds"), seconds + "秒");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }

    private static String clipSpeech(String s) {
        return s.length() <= Notification.MAX_SPEECH_LENGTH ? s
                : s.substring(0, Notification.MAX_SPEECH_LENGTH - 1) + "…";
    }

    /** Stops every timer; nothing more is raised. */
    @Override
    public void close() {
        List<Watch> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(unlocked.values());
            all.addAll(offline.values());
            all.addAll(lowBattery.values());
            unlocked.clear();
            offline.clear();
            lowBattery.clear();
        }
        for (Watch w : all) {
            if (w.cancel != null) {
                w.cancel.run();
            }
        }
    }
}
