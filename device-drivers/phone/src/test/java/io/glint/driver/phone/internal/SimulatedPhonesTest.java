package io.glint.driver.phone.internal;

import static io.glint.testing.RecordingRegistry.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.skill.FailureCode;
import io.glint.moquette.EmbeddedBroker;
import io.glint.testing.RecordingRegistry;

/** The demo's simulated phones, configured as the distribution does, answered by the driver. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedPhonesTest {

    static SimulatedPhones.Config config(String[] phones, String[] asleep) {
        return new SimulatedPhones.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SimulatedPhones.Config.class;
            }

            @Override
            public String[] phones() {
                return phones;
            }

            @Override
            public String[] asleep() {
                return asleep;
            }

            @Override
            public String baseTopic() {
                return "glint/phone";
            }

            @Override
            public String brokerUri() {
                return "";
            }
        };
    }

    @Test
    void a_simulated_phone_answers_and_an_asleep_one_runs_into_the_deadline() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            SimulatedPhones sims = new SimulatedPhones(broker, config(new String[] {"phone", "old-phone"},
                    new String[] {"old-phone"}));
            RecordingRegistry registry = new RecordingRegistry();
            PhoneDriver driver = new PhoneDriver(registry, Map.of("phone", "phone", "old-phone", "old phone"),
                    Duration.ofSeconds(1), Clock.systemUTC(), new MqttPhoneTransport(broker.uri(),
                            "glint-test-hub", "", "", "glint/phone"));
            try {
                await("both online", () -> registry.devices.values().stream()
                        .allMatch(d -> d.availability() == Availability.ONLINE));
                CommandResult ok = driver.execute(registry.devices.get("phone:phone"), Command.ring(),
                        Instant.now().plusSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertTrue(ok.ok(), ok::toString);
                assertTrue(sims.phones().stream().filter(p -> p.id().equals("phone")).findFirst().orElseThrow()
                        .ringing());
                CommandResult asleep = driver.execute(registry.devices.get("phone:old-phone"), Command.ring(),
                        Instant.now().plusSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertEquals(FailureCode.DEVICE_UNREACHABLE, asleep.code());
            } finally {
                driver.close();
                sims.close();
            }
        }
    }
}
