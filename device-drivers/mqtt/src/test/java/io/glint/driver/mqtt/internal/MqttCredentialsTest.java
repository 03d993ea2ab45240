package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.skill.FailureCode;
import io.glint.testing.Mosquitto;

/** A real Mosquitto that takes only its users: wrong credentials are reported by the settings to fix. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttCredentialsTest {
    @TempDir
    Path folder;

    private Mosquitto broker;
    private MqttDriver driver;
    private final MqttDriverTest.RecordingRegistry registry = new MqttDriverTest.RecordingRegistry();

    @BeforeEach
    void startBroker() throws Exception {
        broker = Mosquitto.startWithUsers(folder, Map.of("glint", "correct horse"));
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        broker.close();
    }

    @Test
    void a_wrong_password_is_reported_as_the_credentials_to_check_and_devices_stay_unreachable() throws Exception {
        driver = start("glint", "battery staple");
        TestClients.await("the refusal explained", () -> driver.problem() != null);
        String problem = driver.problem();
        assertTrue(problem.contains("refused the hub's credentials") && problem.contains("username and password"),
                problem);
        assertFalse(driver.connected());
        Device lamp = Device.builder("z2m.lamp").name("lamp").driver(MqttDriver.DRIVER_ID).build();
        CommandResult result = driver.execute(lamp, Command.turnOn(), Instant.now().plusSeconds(2))
                .toCompletableFuture().getNow(null);
        assertEquals(FailureCode.DEVICE_UNREACHABLE, result.code());
        driver.close();

        driver = start("glint", "correct horse");
        TestClients.await("connected with the right password", driver::connected);
        assertNull(driver.problem());
    }

    private MqttDriver start(String user, String password) {
        return new MqttDriver(registry, new MqttDriver.Settings(broker.uri(), "glint-test", user, password, "z2m",
                true, 2000, 2000));
    }
}
