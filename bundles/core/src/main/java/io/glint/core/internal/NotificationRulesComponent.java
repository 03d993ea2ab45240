package io.glint.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.glint.api.notify.Notifications;

/**
 * The hub's built-in notification rules (PID {@code io.glint.core.rules}): a lock left unlocked, a device that went
 * offline. Raised through whichever {@link Notifications} service there is (the glasses bridge's); without one the
 * rules watch and say nothing.
 */
@Component(immediate = true, service = {}, configurationPid = "io.glint.core.rules")
@Designate(ocd = NotificationRulesComponent.Config.class)
public final class NotificationRulesComponent {

    @ObjectClassDefinition(name = "Glint built-in notifications")
    public @interface Config {
        @AttributeDefinition(description = "Tell the wearers when a lock has been unlocked this long (seconds; "
                + "0: never)", min = "0")
        long doorUnlockedSeconds() default 600;

        @AttributeDefinition(description = "Tell the wearers when a device went offline and stayed offline this "
                + "long (seconds; -1: never)", min = "-1")
        long offlineGraceSeconds() default 30;

        @AttributeDefinition(description = "Tell the wearers when a device's or a car's battery falls below this "
                + "level (percent; 0: never)", min = "0", max = "100")
        int batteryLowPercent() default 20;

        @AttributeDefinition(description = "Language of these notifications: en or zh")
        String lang() default "en";
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Notifications notifications;

    private final Registry registry;
    private final ScheduledExecutorService timer;
    private final NotificationRules rules;

    @Activate
    public NotificationRulesComponent(@Reference Registry registry, Config config) {
        this.registry = registry;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glint-notification-rules");
            t.setDaemon(true);
            return t;
        });
        NotificationRules.Settings settings = new NotificationRules.Settings(
                Duration.ofSeconds(config.doorUnlockedSeconds()), Duration.ofSeconds(config.offlineGraceSeconds()),
                config.batteryLowPercent(), config.lang());
        this.rules = new NotificationRules(registry::get, () -> notifications, Clock.systemUTC(), this::schedule,
                settings);
        registry.addListener(rules);
        rules.start(registry.all());
    }

    private Runnable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = timer.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(rules);
        rules.close();
        timer.shutdownNow();
    }
}
