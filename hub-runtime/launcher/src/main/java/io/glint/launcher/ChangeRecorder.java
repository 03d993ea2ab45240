package io.glint.launcher;

import java.util.ArrayList;
import java.util.List;

import io.glint.api.device.DeviceChange;
import io.glint.api.device.DeviceListener;

/**
 * A {@link DeviceListener} that keeps the changes reported while one utterance is being handled. Drivers may
 * report from their own threads, hence the lock; changes outside a recording are dropped.
 */
final class ChangeRecorder implements DeviceListener {
    private final Object lock = new Object();
    private List<DeviceChange> recording;

    void begin() {
        synchronized (lock) {
            recording = new ArrayList<>();
        }
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
            }
        }
    }
}
