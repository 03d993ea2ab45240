package io.glint.bridge.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.glint.api.notify.Notification;
import io.glint.api.notify.Notifications;

/** The hub's {@link Notifications} service (PID {@code io.glint.notifications}), delivered by the glasses bridge. */
@Component(service = { Notifications.class, NotificationsComponent.class },
        configurationPid = "io.glint.notifications")
@Designate(ocd = NotificationsComponent.Config.class)
public final class NotificationsComponent implements Notifications {

    @ObjectClassDefinition(name = "Glint notifications")
    public @interface Config {
        @AttributeDefinition(description = "Local time span when only HIGH and URGENT notifications are spoken, "
                + "e.g. 22:00-07:00 (empty: none); the others wait until it ends")
        String quietHours() default "";

        @AttributeDefinition(description = "Time zone of quietHours (empty: the system's)")
        String zone() default "";

        @AttributeDefinition(description = "How long an unacknowledged notification is kept (minutes)", min = "1")
        int retentionMinutes() default 60;

        @AttributeDefinition(description = "How many notifications are kept at most; beyond, the least urgent and "
                + "oldest are dropped", min = "1")
        int capacity() default 100;
    }

    private final NotificationCenter center;

    @Activate
    public NotificationsComponent(Config config) {
        this.center = new NotificationCenter(Clock.systemUTC(), Duration.ofMinutes(Math.max(1, config.retentionMinutes())),
                Math.max(1, config.capacity()), quiet(config));
    }

    @Modified
    void modified(Config config) {
        center.setQuietHours(quiet(config));
    }

    private static QuietHours quiet(Config config) {
        ZoneId zone = config.zone() == null || config.zone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(config.zone());
        return QuietHours.parse(config.quietHours(), zone);
    }

    NotificationCenter center() {
        return center;
    }

    @Override
    public Notification raise(Notification notification) {
        return center.raise(notification);
    }

    @Override
    public void withdraw(String id) {
        center.withdraw(id);
    }
}
