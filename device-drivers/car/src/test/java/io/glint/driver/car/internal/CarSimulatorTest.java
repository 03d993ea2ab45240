package io.glint.driver.car.internal;

import static io.glint.testing.RecordingRegistry.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.driver.car.simulator.CarSimulator;
import io.glint.driver.car.simulator.Vss;
import io.glint.moquette.EmbeddedBroker;
import io.glint.testing.RecordingRegistry;

/** The simulated car's physics, and two cars by name on the hub's embedded broker (MQTT 3.1.1). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CarSimulatorTest {

    @Test
    void climate_moves_the_cabin_toward_the_set_point_and_drains_the_battery_plugged_in_it_charges()
            throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
                CarSimulator car = CarSimulator.start(broker.uri(), "vss", "ioniq")) {
            RecordingRegistry registry = new RecordingRegistry();
            CarDriver driver = CarDriverTest.driver(broker.uri(), List.of("ioniq"), Duration.ofSeconds(3), registry);
            try {
                String id = CarDriver.deviceId("ioniq");
                await("ioniq state", () -> registry.state(id, Attributes.BATTERY) != null);
                car.outsideTemperature(30);
                car.cabinTemperature(30);
                car.tick(Duration.ofMinutes(10));
                assertEquals(30.0, car.current(Vss.HVAC_CABIN_TEMPERATURE), "no climate: stays at outside");
                assertEquals(80.0, car.current(Vss.BATTERY_SOC), "no climate: no drain");

                assertTrue(driver.execute(registry.devices.get(id), Command.targetTemperature(20),
                        Instant.now().plusSeconds(5)).toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
                car.tick(Duration.ofMinutes(4));
                assertEquals(26.0, car.current(Vss.HVAC_CABIN_TEMPERATURE));
                assertEquals(79.6, car.current(Vss.BATTERY_SOC));
                car.tick(Duration.ofMinutes(56));
                assertEquals(20.0, car.current(Vss.HVAC_CABIN_TEMPERATURE), "stops at the set point");
                assertEquals(74.0, car.current(Vss.BATTERY_SOC));
                await("hub sees the drain", () -> Integer.valueOf(74).equals(registry.state(id, Attributes.BATTERY))
                        && Integer.valueOf(296).equals(registry.state(id, CarMapping.RANGE_KM))
                        && Double.valueOf(20.0).equals(registry.state(id, Attributes.TEMPERATURE)));

                car.plugIn(true);
                car.tick(Duration.ofMinutes(60));
                assertEquals(98.0, car.current(Vss.BATTERY_SOC), "+30 %/h charging, -6 %/h climate");
                assertEquals(true, car.current(Vss.CHARGING));
                car.tick(Duration.ofMinutes(60));
                assertEquals(100.0, car.current(Vss.BATTERY_SOC));
                assertEquals(false, car.current(Vss.CHARGING), "full: no longer charging");
                await("hub sees charging end", () -> Integer.valueOf(100).equals(registry.state(id,
                        Attributes.BATTERY)) && Boolean.FALSE.equals(registry.state(id, CarMapping.CHARGING)));
            } finally {
                driver.close();
            }
        }
    }

    @Test
    void two_cars_by_name_are_two_devices_commanded_apart() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
                CarSimulator model3 = CarSimulator.start(broker.uri(), "vss", "model3");
                CarSimulator ioniq = CarSimulator.start(broker.uri(), "vss", "ioniq")) {
            RecordingRegistry registry = new RecordingRegistry();
            CarDriver driver = CarDriverTest.driver(broker.uri(), List.of("model3", "ioniq"), Duration.ofSeconds(3),
                    registry);
            try {
                String a = CarDriver.deviceId("model3");
                String b = CarDriver.deviceId("ioniq");
                ioniq.location(52.52, 13.405);
                await("both online", () -> registry.devices.get(a).availability() == Availability.ONLINE
                        && registry.devices.get(b).availability() == Availability.ONLINE
                        && Double.valueOf(52.52).equals(registry.state(b, CarMapping.LATITUDE)));
                assertEquals(48.137154, registry.state(a, CarMapping.LATITUDE));

                assertTrue(driver.execute(registry.devices.get(a), Command.unlock(), Instant.now().plusSeconds(5))
                        .toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
                assertEquals(false, model3.current(Vss.DOOR_ROW1_DRIVER_LOCKED));
                assertEquals(true, ioniq.current(Vss.DOOR_ROW1_DRIVER_LOCKED), "the other car is untouched");
                assertEquals(false, registry.state(a, Attributes.LOCKED));
                assertEquals(true, registry.state(b, Attributes.LOCKED));
            } finally {
                driver.close();
            }
        }
    }
}
