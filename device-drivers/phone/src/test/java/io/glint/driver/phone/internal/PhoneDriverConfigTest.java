package io.glint.driver.phone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.skill.FailureCode;
import io.glint.testing.RecordingRegistry;

class PhoneDriverConfigTest {

    @Test
    void phones_are_configured_as_id_and_display_name() {
        assertEquals(Map.of("annas-pixel", "Anna's phone", "work", "work"),
                PhoneDriver.phones(new String[] {" annas-pixel = Anna's phone ", "", "work"}));
        assertEquals(List.of("a", "b"), List.copyOf(PhoneDriver.phones(new String[] {"a=A, b=B"}).keySet()));
    }

    @Test
    void a_phone_id_that_is_not_one_topic_level_is_refused_with_what_to_do() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PhoneDriver.phones(new String[] {"Anna's Pixel/2=Anna"}));
        assertTrue(e.getMessage().contains("\"Anna's Pixel/2=Anna\"") && e.getMessage().contains("annas-pixel"),
                e.getMessage());
    }

    @Test
    void without_a_broker_the_phones_are_offline_and_commands_fail_at_once() throws Exception {
        RecordingRegistry registry = new RecordingRegistry();
        PhoneDriver driver = new PhoneDriver(registry, Map.of("p", "the phone"), Duration.ofSeconds(1),
                Clock.systemUTC(), null);
        try {
            RecordingRegistry.await("offline", () -> registry.devices.get("phone:p").availability()
                    == Availability.OFFLINE);
            assertEquals("the hub has no MQTT broker for the phones' app",
                    registry.devices.get("phone:p").availabilityReason());
            CommandResult r = driver.execute(registry.devices.get("phone:p"), Command.ring(),
                    Instant.now().plusSeconds(5)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        } finally {
            driver.close();
        }
    }
}
