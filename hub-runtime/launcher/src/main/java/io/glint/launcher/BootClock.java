package io.glint.launcher;

import java.lang.management.ManagementFactory;

/** Milliseconds since the JVM started, so boot figures include JVM and class-path start-up, not just Felix. */
final class BootClock {
    private BootClock() {
    }

    /** Resident set size of this process in MiB, from /proc (Linux); -1 where that is not available. */
    static long residentMebibytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the figure is simply not reported
        }
        return -1;
    }

    static long millisSinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
