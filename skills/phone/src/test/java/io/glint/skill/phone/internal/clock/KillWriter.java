package io.glint.skill.phone.internal.clock;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The writer that {@link ClockStoreCrashTest} kills: saves reminders one after another and prints "ACK id label"
 * after each save has returned, i.e. after the skill would have told the wearer it is saved.
 */
public final class KillWriter {
    private KillWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        try (ClockStore store = ClockStore.open(dir)) {
            System.out.println("OPEN");
            System.out.flush();
            for (int i = 0; ; i++) {
                String label = prefix + "-" + i;
                ClockStore.Item item = store.add(ClockStore.Kind.REMINDER, Instant.parse("2030-01-01T09:00:00Z")
                        .plusSeconds(i), label, "en", Instant.now());
                System.out.println("ACK " + item.id() + " " + label);
                System.out.flush();
            }
        }
    }
}
