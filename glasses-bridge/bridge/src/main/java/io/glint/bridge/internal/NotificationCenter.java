package io.glint.bridge.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.glint.api.notify.Notification;
import io.glint.api.notify.Notifications;
import io.glint.api.notify.Priority;
import io.glint.bridge.protocol.CardMessage;
import io.glint.bridge.protocol.NotificationMessage;

/**
 * The hub's notifications: kept until every pair of glasses that asks has acknowledged them or they expire, one per
 * de-duplication key, and shown one at a time, most urgent first (the oldest first among equals). During quiet
 * hours, LOW and NORMAL notifications are held back and shown when they end; HIGH and URGENT are shown at once.
 * Each pair of glasses sees its own queue: what one acknowledged the others still see.
 */
final class NotificationCenter implements Notifications {

    /** Told that what some glasses should show may have changed. */
    interface Listener {
        void changed();
    }

    private static final Comparator<Held> ORDER = Comparator.comparing((Held h) -> h.notification.priority())
            .reversed().thenComparingLong(h -> h.seq);

    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    private volatile QuietHours quietHours;
    private final Map<String, Held> byId = new LinkedHashMap<>();
    private final Map<String, String> byKey = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private long seq;
    private boolean quietBefore;

    private static final class Held {
        final Notification notification;
        final long seq;
        final Instant raised;
        final Set<String> acked;

        Held(Notification notification, long seq, Instant raised, Set<String> acked) {
            this.notification = notification;
            this.seq = seq;
            this.raised = raised;
            this.acked = acked;
        }
    }

    NotificationCenter(Clock clock, Duration retention, int capacity, QuietHours quietHours) {
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
        this.quietHours = quietHours;
        this.quietBefore = quietHours != null && quietHours.contains(clock.instant());
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    void removeListener(Listener l) {
        listeners.remove(l);
    }

    void setQuietHours(QuietHours q) {
        this.quietHours = q;
        tick();
    }

    @Override
    public Notification raise(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        Notification kept;
        synchronized (this) {
            expire(clock.instant());
            String existing = notification.dedupeKey() == null ? null : byKey.get(notification.dedupeKey());
            if (existing != null && byId.containsKey(existing)) {
                Held before = byId.get(existing);
                kept = notification.withId(existing);
                // the newer words replace the older; whoever acknowledged it need not hear it again
                byId.put(existing, new Held(kept, ++seq, clock.instant(), before.acked));
            } else {
                String id = notification.id();
                if (id != null) {
                    Held taken = byId.get(id);
                    if (taken != null && !taken.notification.equals(notification)) {
                        throw new IllegalArgumentException("Notification id " + id + " is taken by another notification");
                    }
                    if (taken != null) {
                        return taken.notification;
                    }
                } else {
                    id = "n" + Long.toString(seq + 1, 36) + "-" + Integer.toHexString(random.nextInt(0x10000));
                }
                kept = notification.withId(id);
                byId.put(id, new Held(kept, ++seq, clock.instant(), new HashSet<>()));
                if (notification.dedupeKey() != null) {
                    byKey.put(notification.dedupeKey(), id);
                }
                trim();
            }
        }
        fire();
        return kept;
    }

    @Override
    public void withdraw(String id) {
        boolean removed;
        synchronized (this) {
            removed = remove(id);
        }
        if (removed) {
            fire();
        }
    }

    /** Marks a notification as seen by one pair of glasses; false when there is no such notification. */
    boolean ack(String identity, String id) {
        synchronized (this) {
            Held h = byId.get(id);
            if (h == null || !h.acked.add(identity)) {
                return h != null;
            }
        }
        fire();
        return true;
    }

    /** What this pair of glasses should show now. */
    synchronized NotificationMessage current(String identity) {
        Instant now = clock.instant();
        expire(now);
        boolean quiet = quietHours != null && quietHours.contains(now);
        List<Held> pending = new ArrayList<>();
        for (Held h : byId.values()) {
            if (!h.acked.contains(identity) && (!quiet || h.notification.priority().compareTo(Priority.HIGH) >= 0)) {
                pending.add(h);
            }
        }
        if (pending.isEmpty()) {
            return NotificationMessage.none();
        }
        pending.sort(ORDER);
        Held top = pending.get(0);
        Notification n = top.notification;
        CardMessage card = n.card() == null ? null : new CardMessage(n.card().title(), n.card().lines());
        return new NotificationMessage(n.id(), n.priority().name(), n.speech(), card, top.raised.toEpochMilli(),
                pending.size() - 1);
    }

    /** The revision of what this identity should show: changes whenever {@link #current} would. */
    synchronized String revision(String identity) {
        NotificationMessage m = current(identity);
        if (m.empty()) {
            return "none";
        }
        Held h = byId.get(m.id());
        return m.id() + "#" + (h == null ? 0 : h.seq) + "+" + m.pending();
    }

    /** Expires old notifications and notices the start or end of quiet hours; called periodically. */
    void tick() {
        boolean changed;
        synchronized (this) {
            Instant now = clock.instant();
            changed = expire(now);
            boolean quiet = quietHours != null && quietHours.contains(now);
            changed |= quiet != quietBefore;
            quietBefore = quiet;
        }
        if (changed) {
            fire();
        }
    }

    synchronized int size() {
        return byId.size();
    }

    private boolean expire(Instant now) {
        Instant oldest = now.minus(retention);
        List<String> old = new ArrayList<>();
        for (Held h : byId.values()) {
            if (h.raised.isBefore(oldest)) {
                old.add(h.notification.id());
            }
        }
        old.forEach(this::remove);
        return !old.isEmpty();
    }

    /** Beyond capacity, the least urgent and oldest go first. */
    private void trim() {
        while (byId.size() > capacity) {
            Held least = byId.values().stream().max(ORDER).orElseThrow();
            remove(least.notification.id());
        }
    }

    private boolean remove(String id) {
        Held h = byId.remove(id);
        if (h == null) {
            return false;
        }
        if (h.notification.dedupeKey() != null) {
            byKey.remove(h.notification.dedupeKey(), id);
        }
        return true;
    }

    private void fire() {
        for (Listener l : listeners) {
            l.changed();
        }
    }
}
