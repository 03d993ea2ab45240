package io.glint.skill.phone.internal.clock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * A {@code time} slot's value, as the hub's NLU gives it: a moment ({@code 2026-11-22T07:30}), a whole day
 * ({@code 2026-11-22}) or a part of a day ({@code 2026-11-22T18:00/2026-11-22T22:00}). {@code end} is exclusive.
 */
record When(Shape shape, LocalDateTime start, LocalDateTime end) {
    enum Shape {
        MOMENT, DAY, RANGE
    }

    /** Null when the value is none of the three (a slot filled by a newer NLU, or garbage). */
    static When parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int slash = value.indexOf('/');
            if (slash > 0) {
                LocalDateTime from = LocalDateTime.parse(value.substring(0, slash));
                LocalDateTime to = LocalDateTime.parse(value.substring(slash + 1));
                return to.isAfter(from) ? new When(Shape.RANGE, from, to) : null;
            }
            if (value.contains("T")) {
                LocalDateTime t = LocalDateTime.parse(value);
                return new When(Shape.MOMENT, t, t);
            }
            LocalDate d = LocalDate.parse(value);
            return new When(Shape.DAY, d.atStartOfDay(), d.plusDays(1).atStartOfDay());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    boolean contains(LocalDateTime t) {
        return shape == Shape.MOMENT ? t.equals(start) : !t.isBefore(start) && t.isBefore(end);
    }

    /** The middle of a part of a day, on the hour: "Friday morning" → 9:00. */
    LocalDateTime middle() {
        LocalDateTime m = start.plusMinutes(java.time.Duration.between(start, end).toMinutes() / 2);
        return m.withMinute(0);
    }
}
