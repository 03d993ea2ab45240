package io.glint.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.notify.Notification;
import io.glint.api.notify.Priority;
import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.protocol.NotificationMessage;

@Timeout(60)
class NotificationsTest {
    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void most_urgent_first_then_oldest_and_each_pair_of_glasses_acknowledges_for_itself() {
        NotificationCenter c = new NotificationCenter(Clock.systemUTC(), Duration.ofHours(1), 100, null);
        Notification low = c.raise(Notification.of(Priority.LOW, "The dishwasher is done."));
        Notification high = c.raise(Notification.of(Priority.HIGH, "The garage door is open."));
        Notification normal = c.raise(Notification.of(Priority.NORMAL, "The washing is done."));
        assertEquals(high.id(), c.current("anna").id());
        assertEquals(2, c.current("anna").pending());
        assertTrue(c.ack("anna", high.id()));
        assertEquals(normal.id(), c.current("anna").id());
        assertEquals(high.id(), c.current("ben").id(), "ben has not acknowledged it");
        c.ack("anna", normal.id());
        c.ack("anna", low.id());
        assertTrue(c.current("anna").empty());
        assertFalse(c.ack("anna", "nope"));
    }

    @Test
    void the_same_dedupe_key_replaces_instead_of_adding() {
        NotificationCenter c = new NotificationCenter(Clock.systemUTC(), Duration.ofHours(1), 100, null);
        Notification first = c.raise(Notification.of(Priority.HIGH, "The kitchen light went offline.")
                .withDedupeKey("offline:kitchen.light"));
        Notification again = c.raise(Notification.of(Priority.HIGH, "The kitchen light is still offline.")
                .withDedupeKey("offline:kitchen.light"));
        assertEquals(first.id(), again.id());
        assertEquals(1, c.size());
        assertEquals("The kitchen light is still offline.", c.current("anna").speech());
        c.withdraw(first.id());
        assertTrue(c.current("anna").empty());
        Notification fresh = c.raise(Notification.of(Priority.HIGH, "offline again").withDedupeKey("offline:kitchen.light"));
        assertTrue(!fresh.id().equals(first.id()), "after withdrawal it is news again");
    }

    @Test
    void quiet_hours_hold_low_and_normal_until_they_end_and_old_ones_expire() {
        TestClock clock = new TestClock(Instant.parse("2025-01-01T23:00:00Z"));
        NotificationCenter c = new NotificationCenter(clock, Duration.ofHours(10), 100,
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneOffset.UTC));
        List<String> fired = new CopyOnWriteArrayList<>();
        c.addListener(() -> fired.add("changed"));
        c.raise(Notification.of(Priority.NORMAL, "The washing is done."));
        assertTrue(c.current("anna").empty(), "held during quiet hours");
        Notification smoke = c.raise(Notification.of(Priority.URGENT, "Smoke in the kitchen."));
        assertEquals(smoke.id(), c.current("anna").id());
        c.ack("anna", smoke.id());
        clock.now.set(Instant.parse("2025-01-02T07:00:00Z"));
        fired.clear();
        c.tick();
        assertEquals(List.of("changed"), fired, "the end of quiet hours is a change");
        assertEquals("The washing is done.", c.current("anna").speech());
        clock.now.set(Instant.parse("2025-01-02T10:00:01Z"));
        c.tick();
        assertTrue(c.current("anna").empty(), "expired after the retention");
        assertEquals(0, c.size());
    }

    @Test
    void quiet_hours_are_parsed_or_explained() {
        assertTrue(QuietHours.parse("22:00-07:00", ZoneOffset.UTC).contains(Instant.parse("2025-01-01T03:00:00Z")));
        assertFalse(QuietHours.parse("22:00-07:00", ZoneOffset.UTC).contains(Instant.parse("2025-01-01T12:00:00Z")));
        assertTrue(QuietHours.parse("13:00 - 14:00", ZoneOffset.UTC).contains(Instant.parse("2025-01-01T13:30:00Z")));
        assertEquals(null, QuietHours.parse(" ", ZoneOffset.UTC));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> QuietHours.parse("10pm-7am", ZoneOffset.UTC));
        assertTrue(e.getMessage().contains("22:00-07:00"));
    }

    @Test
    void every_observing_pair_of_glasses_gets_it_and_acks_move_to_the_next() throws Exception {
        DemoHome demo = new DemoHome();
        try (BridgeFixture fx = new BridgeFixture(dir, demo.assistant)) {
            Pair anna = fx.pair("anna");
            Pair ben = fx.pair("ben");
            GlassesClient a = fx.glasses(anna);
            GlassesClient b = fx.glasses(ben);
            List<NotificationMessage> toAnna = new CopyOnWriteArrayList<>();
            List<NotificationMessage> toBen = new CopyOnWriteArrayList<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            a.observe(toAnna::add, errors::add);
            b.observe(toBen::add, errors::add);
            await(() -> toAnna.size() == 1 && toBen.size() == 1);
            assertTrue(toAnna.get(0).empty());

            Notification door = fx.notifications.raise(Notification.of(Priority.HIGH, "The front door is unlocked."));
            Notification washer = fx.notifications.raise(Notification.of(Priority.NORMAL, "The washing is done."));
            await(() -> last(toAnna).pending() == 1 && last(toBen).pending() == 1, () -> toAnna + " / " + toBen);
            assertEquals(door.id(), last(toAnna).id());
            assertEquals(door.id(), last(toBen).id());

            assertTrue(a.ack(door.id()));
            await(() -> washer.id().equals(last(toAnna).id()));
            assertEquals(door.id(), b.currentNotification().id(), "ben still sees the door");
            assertFalse(a.ack("no-such-id"));
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void glasses_that_stop_observing_tell_the_hub_before_they_go() throws Exception {
        DemoHome demo = new DemoHome();
        try (BridgeFixture fx = new BridgeFixture(dir, demo.assistant)) {
            GlassesClient a = fx.glasses(fx.pair("anna"));
            List<NotificationMessage> seen = new CopyOnWriteArrayList<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            a.observe(seen::add, errors::add);
            await(() -> seen.size() == 1);
            assertEquals(1, fx.bridge.observers());
            a.close();
            assertEquals(0, fx.bridge.observers(), "the hub ended the observation before close() returned");
            assertEquals(1, seen.size(), "the answer to the cancellation is no notification: " + seen);
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    static NotificationMessage last(List<NotificationMessage> l) {
        return l.isEmpty() ? NotificationMessage.none() : l.get(l.size() - 1);
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        await(condition, () -> "");
    }

    static void await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 5 s: " + state.get());
            }
            Thread.sleep(10);
        }
    }
}
