package io.glint.api.notify;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The hub's notification service: what is raised here reaches every pair of paired glasses that listens, in
 * priority order, once per de-duplication key, and outside quiet hours unless it is {@link Priority#HIGH} or
 * above. Thread-safe; calls return at once (delivery is asynchronous).
 */
@ProviderType
public interface Notifications {

    /**
     * Raises a notification.
     *
     * @return the notification as the hub keeps it: with the id it was given, or the id of the unacknowledged
     *         notification with the same de-duplication key that it replaced
     * @throws IllegalArgumentException when its id is already taken by a different notification
     */
    Notification raise(Notification notification);

    /** Withdraws a notification that no longer applies (the door was locked after all); unknown ids are ignored. */
    void withdraw(String id);
}
