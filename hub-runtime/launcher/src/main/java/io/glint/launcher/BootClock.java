package io.glint.launcher;

import java.lang.management.ManagementFactory;

/** Milliseconds since the JVM started, so boot figures include JVM and class-path start-up, not just Felix. */
final class BootClock {
    private BootClock() {
    }

    static long millisSinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
