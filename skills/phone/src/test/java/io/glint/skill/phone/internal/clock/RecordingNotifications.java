package io.glint.skill.phone.internal.clock;

import java.util.ArrayList;
import java.util.List;

import io.glint.api.notify.Notification;
import io.glint.api.notify.Notifications;

/** Keeps what was raised, as the hub's service would deliver it. */
final class RecordingNotifications implements Notifications {
    final List<Notification> raised = new ArrayList<>();

    @Override
    public synchronized Notification raise(Notification n) {
        raised.add(n);
        return n;
    }

    @Override
    public void withdraw(String id) {
    }

    synchronized List<Notification> raised() {
        return List.copyOf(raised);
    }
}
