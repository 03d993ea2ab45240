package io.glint.driver.virtual.internal;

import java.time.Duration;

/** Durations the way a person says them: "800 ms", "2 s", "2.5 s". */
final class Durations {

    private Durations() {
    }

    static String spoken(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        double s = Math.round(ms / 100.0) / 10.0;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }
}
