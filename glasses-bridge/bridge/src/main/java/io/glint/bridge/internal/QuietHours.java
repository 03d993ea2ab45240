package io.glint.bridge.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** A daily span of local time, {@code HH:MM-HH:MM}, that may wrap past midnight ({@code 22:00-07:00}). */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
    QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** Null for an empty or blank text (no quiet hours). */
    static QuietHours parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                LocalTime start = LocalTime.parse(parts[0]);
                LocalTime end = LocalTime.parse(parts[1]);
                if (!start.equals(end)) {
                    return new QuietHours(start, end, zone);
                }
            }
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("quietHours \"" + text + "\" is not a span of local time like 22:00-07:00 "
                + "(start and end differ; leave it empty for none)");
    }

    boolean contains(Instant instant) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end + " (" + zone + ")";
    }
}
