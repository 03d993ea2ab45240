package io.glint.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.glint.api.device.DeviceChange;
import io.glint.api.device.DeviceListener;

/**
 * A {@link DeviceListener} that keeps the changes reported while one utterance is being handled. Drivers may
 * report from their own threads, hence the lock; changes outside a recording are dropped.
 */
final class ChangeRecorder implements DeviceListener {
    private final Object lock = new Object();
    private List<DeviceChange> recording;
    private long lastChangeNanos;

    void begin() {
        synchronized (lock) {
            recording = new ArrayList<>();
        }
    }

    /**
     * Waits for the devices to report what a command did, then stops recording: until a first change has come
     * (at most {@code firstWithin}), then until none has come for {@code quiet}, at most {@code longest} in all.
     * Devices behind a broker report their new state a moment after the hub has answered (the command's answer
     * means the broker took it); devices that report before the answer cost only the quiet period.
     */
    List<DeviceChange> endAfterReports(Duration firstWithin, Duration quiet, Duration longest)
            throws InterruptedException {
        long start = System.nanoTime();
        synchronized (lock) {
            while (recording != null) {
                long now = System.nanoTime();
                long waitNanos;
                if (recording.isEmpty()) {
                    waitNanos = start + firstWithin.toNanos() - now;
                } else {
                    waitNanos = Math.min(lastChangeNanos + quiet.toNanos(), start + longest.toNanos()) - now;
                }
                if (waitNanos <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, waitNanos);
            }
        }
        return end();
    }

    /** The changes reported since {@link #begin()}, in the order they arrived; stops recording. */
    List<DeviceChange> end() {
        synchronized (lock) {
            List<DeviceChange> changes = recording == null ? List.of() : List.copyOf(recording);
            recording = null;
            return changes;
        }
    }

    @Override
    public void deviceChanged(DeviceChange change) {
        synchronized (lock) {
            if (recording != null) {
                recording.add(change);
                lastChangeNanos = System.nanoTime();
                lock.notifyAll();
            }
        }
    }
}
