package io.glint.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.notify.Notification;
import io.glint.api.notify.Notifications;
import io.glint.api.notify.Priority;

/** The built-in rules on a real registry, with a clock and timer the test moves by hand: no waiting. */
class NotificationRulesTest {
    private static final String DOOR = "hallway.front_door";
    private static final String GARAGE = "garage.door";
    private static final String LAMP = "kitchen.lamp";

    private final ManualTime time = new ManualTime(Instant.parse("2026-01-10T18:00:00Z"));
    private final Raised raised = new Raised();
    private Registry registry;
    private NotificationRules rules;

    @BeforeEach
    void setUp() {
        registry = new Registry(Duration.ofSeconds(1));
        registry.addDriver(new DeviceDriver() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline) {
                return CompletableFuture.completedFuture(CommandResult.ok(device.id()));
            }
        });
        registry.announce(Device.builder(DOOR).name("front door lock").room("hallway").type(DeviceType.LOCK)
                .capability(Capability.LOCK).state(Attributes.LOCKED, true).driver("test")
                .availability(Availability.ONLINE, null).build());
        registry.announce(Device.builder(GARAGE).name("garage door").room("garage").type(DeviceType.GARAGE_DOOR)
                .capability(Capability.COVER).state(Attributes.POSITION, 0).driver("test")
                .availability(Availability.ONLINE, null).build());
        registry.announce(Device.builder(LAMP).name("lamp").room("kitchen").type(DeviceType.LIGHT)
                .capability(Capability.ON_OFF).state(Attributes.ON, false).driver("test")
                .availability(Availability.ONLINE, null).build());
    }

    @AfterEach
    void tearDown() {
        if (rules != null) {
            rules.close();
        }
    }

    private void startRules(NotificationRules.Settings settings) {
        rules = new NotificationRules(registry::get, () -> raised, time, time::schedule, settings);
        registry.addListener(rules);
        rules.start(registry.all());
    }

    private void lock(boolean locked) {
        registry.updateState(DOOR, Map.of(Attributes.LOCKED, locked));
    }

    @Test
    void a_lock_unlocked_for_ten_minutes_is_told_once_and_withdrawn_when_locked() {
        startRules(NotificationRules.Settings.defaults());
        lock(false);
        time.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertEquals(List.of(), raised.all, "nothing before ten minutes");

        time.advance(Duration.ofSeconds(1));
        assertEquals(1, raised.all.size());
        Notification n = raised.all.get(0);
        assertEquals(Priority.HIGH, n.priority());
        assertEquals("The front door lock has been unlocked for 10 minutes.", n.speech());
        assertEquals("door-unlocked:" + DOOR, n.dedupeKey());
        assertEquals("Front door lock", n.card().title());

        time.advance(Duration.ofHours(1));
        assertEquals(1, raised.all.size(), "told once per unlocking, not every ten minutes");

        lock(true);
        assertEquals(List.of(n.id()), raised.withdrawn, "locking withdraws what is no longer true");
    }

    @Test
    void locking_before_the_time_says_nothing_and_the_next_unlocking_counts_afresh() {
        startRules(NotificationRules.Settings.defaults());
        lock(false);
        time.advance(Duration.ofMinutes(8));
        lock(true);
        time.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), raised.all);
        assertEquals(List.of(), raised.withdrawn);

        lock(false);
        time.advance(Duration.ofMinutes(9));
        assertEquals(List.of(), raised.all, "re-armed from the new unlocking, not the old one");
        time.advance(Duration.ofMinutes(1));
        assertEquals(1, raised.all.size());

        // told, locked, unlocked again: told again after another ten minutes
        lock(true);
        lock(false);
        time.advance(Duration.ofMinutes(10));
        assertEquals(2, raised.all.size());
    }

    @Test
    void a_lock_already_unlocked_when_the_hub_starts_counts_from_the_start_and_the_time_is_configurable() {
        lock(false);
        startRules(new NotificationRules.Settings(Duration.ofSeconds(90), Duration.ofSeconds(30), 20, "en"));
        time.advance(Duration.ofSeconds(90));
        assertEquals(1, raised.all.size());
        assertEquals("The front door lock has been unlocked for 90 seconds.", raised.all.get(0).speech());
    }

    @Test
    void a_device_that_goes_offline_and_stays_offline_is_told_with_its_reason_and_withdrawn_when_back() {
        startRules(NotificationRules.Settings.defaults());
        registry.updateAvailability(LAMP, Availability.OFFLINE, "the zigbee2mqtt bridge is offline");
        time.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), raised.all, "a moment offline is not news");
        time.advance(Duration.ofSeconds(1));
        assertEquals(1, raised.all.size());
        Notification n = raised.all.get(0);
        assertEquals(Priority.NORMAL, n.priority(), "a lamp is not a security device");
        assertEquals("The lamp went offline: the zigbee2mqtt bridge is offline.", n.speech());
        assertEquals("device-offline:" + LAMP, n.dedupeKey());

        registry.updateAvailability(LAMP, Availability.ONLINE, null);
        assertEquals(List.of(n.id()), raised.withdrawn);
    }

    @Test
    void a_device_back_within_the_grace_says_nothing_and_security_devices_are_high() {
        startRules(NotificationRules.Settings.defaults());
        registry.updateAvailability(LAMP, Availability.OFFLINE, "no answer");
        time.advance(Duration.ofSeconds(10));
        registry.updateAvailability(LAMP, Availability.ONLINE, null);
        time.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), raised.all);

        registry.updateAvailability(GARAGE, Availability.OFFLINE, null);
        registry.updateAvailability(DOOR, Availability.OFFLINE, null);
        time.advance(Duration.ofSeconds(30));
        assertEquals(2, raised.all.size());
        assertTrue(raised.all.stream().allMatch(n -> n.priority() == Priority.HIGH), raised.all.toString());
        assertEquals("The garage door went offline.", raised.all.get(0).speech());
    }

    @Test
    void offline_from_unknown_is_not_news_and_rules_can_be_turned_off() {
        registry.announce(Device.builder("new.plug").name("plug").type(DeviceType.PLUG).capability(Capability.ON_OFF)
                .driver("test").build());
        startRules(new NotificationRules.Settings(Duration.ZERO, Duration.ofSeconds(-1), 0, "en"));
        registry.updateAvailability("new.plug", Availability.OFFLINE, "never seen");
        registry.updateAvailability(LAMP, Availability.OFFLINE, "gone");
        lock(false);
        time.advance(Duration.ofHours(2));
        assertEquals(List.of(), raised.all);
    }

    @Test
    void chinese_notifications_say_the_chinese_name() {
        registry.announce(Device.builder(DOOR).name("front door lock").aliases(List.of("前门锁")).room("hallway")
                .type(DeviceType.LOCK).capability(Capability.LOCK).state(Attributes.LOCKED, true).driver("test")
                .availability(Availability.ONLINE, null).build());
        startRules(new NotificationRules.Settings(Duration.ofMinutes(10), Duration.ofSeconds(30), 20, "zh"));
        lock(false);
        time.advance(Duration.ofMinutes(10));
        assertEquals("前门锁已经开着10分钟了。", raised.all.get(0).speech());
    }

    @Test
    void closing_stops_every_timer_and_without_a_notification_service_nothing_breaks() {
        rules = new NotificationRules(registry::get, () -> null, time, time::schedule,
                NotificationRules.Settings.defaults());
        registry.addListener(rules);
        lock(false);
        time.advance(Duration.ofMinutes(10));
        lock(true);
        lock(false);
        rules.close();
        assertEquals(0, time.pending(), "close cancels what was scheduled");
        time.advance(Duration.ofMinutes(20));
        assertEquals(List.of(), raised.all);
    }

    /** A clock and a timer moved by {@link #advance}: due tasks run on the calling thread, in time order. */
    @Test
    void a_battery_falling_below_the_bound_is_told_once_and_withdrawn_only_once_charged_clearly_above_it() {
        registry.announce(Device.builder("driveway.car").name("car").room("driveway").type(DeviceType.OTHER)
                .state(Attributes.BATTERY, 60).driver("test").availability(Availability.ONLINE, null).build());
        startRules(NotificationRules.Settings.defaults());
        registry.updateState("driveway.car", Map.of(Attributes.BATTERY, 21));
        time.advance(Duration.ZERO);
        assertEquals(List.of(), raised.all, "21 % is not below 20 %");

        registry.updateState("driveway.car", Map.of(Attributes.BATTERY, 18));
        time.advance(Duration.ZERO);
        assertEquals(1, raised.all.size());
        Notification n = raised.all.get(0);
        assertEquals("The car's battery is low: 18 %.", n.speech());
        assertEquals(Priority.NORMAL, n.priority());
        assertEquals("battery-low:driveway.car", n.dedupeKey());

        registry.updateState("driveway.car", Map.of(Attributes.BATTERY, 12));
        registry.updateState("driveway.car", Map.of(Attributes.BATTERY, 22));
        time.advance(Duration.ofMinutes(5));
        assertEquals(1, raised.all.size(), "told once while it stays low or hovers around the bound");
        assertEquals(List.of(), raised.withdrawn, "22 % is not clearly charged");

        registry.updateState("driveway.car", Map.of(Attributes.BATTERY, 25));
        assertEquals(List.of(n.id()), raised.withdrawn);

        registry.updateState("driveway.car", Map.of(Attributes.BATTERY, 4));
        time.advance(Duration.ZERO);
        assertEquals(2, raised.all.size(), "low again after charging: told again");
        assertEquals(Priority.HIGH, raised.all.get(1).priority(), "nearly empty: at a quarter of the bound");
    }

    static final class ManualTime extends Clock {
        private record Task(Instant due, long seq, Runnable run, boolean[] cancelled) {
        }

        private Instant now;
        private long seq;
        private final List<Task> tasks = new ArrayList<>();

        ManualTime(Instant start) {
            this.now = start;
        }

        synchronized Runnable schedule(Duration delay, Runnable task) {
            boolean[] cancelled = { false };
            tasks.add(new Task(now.plus(delay), seq++, task, cancelled));
            return () -> {
                synchronized (ManualTime.this) {
                    cancelled[0] = true;
                }
            };
        }

        void advance(Duration d) {
            Instant end;
            synchronized (this) {
                end = now.plus(d);
            }
            while (true) {
                Task next;
                synchronized (this) {
                    tasks.removeIf(t -> t.cancelled()[0]);
                    next = tasks.stream().filter(t -> !t.due().isAfter(end))
                            .min(Comparator.comparing(Task::due).thenComparingLong(Task::seq)).orElse(null);
                    if (next == null) {
                        now = end;
                        return;
                    }
                    tasks.remove(next);
                    now = next.due().isAfter(now) ? next.due() : now;
                }
                next.run().run();
            }
        }

        synchronized int pending() {
            tasks.removeIf(t -> t.cancelled()[0]);
            return tasks.size();
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A Notifications service that keeps what it was given. */
    static final class Raised implements Notifications {
        final List<Notification> all = new ArrayList<>();
        final List<String> withdrawn = new ArrayList<>();

        @Override
        public synchronized Notification raise(Notification notification) {
            assertNotNull(notification.dedupeKey(), "every built-in notification has a de-duplication key");
            Notification kept = notification.withId("n" + (all.size() + 1));
            all.add(kept);
            return kept;
        }

        @Override
        public synchronized void withdraw(String id) {
            withdrawn.add(id);
        }
    }
}
