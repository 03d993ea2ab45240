package io.glint.driver.car.internal;

import static io.glint.testing.RecordingRegistry.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.skill.FailureCode;
import io.glint.driver.car.simulator.CarSimulator;
import io.glint.driver.car.simulator.Vss;
import io.glint.testing.Mosquitto;
import io.glint.testing.RecordingRegistry;

/** The driver and the simulated car on a real Mosquitto on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CarDriverTest {
    static final String BASE = "vss";
    static final String CAR = "model3";
    static final String ID = CarDriver.deviceId(CAR);

    @TempDir
    Path folder;
    Mosquitto mosquitto;
    CarSimulator car;
    RecordingRegistry registry = new RecordingRegistry();
    CarDriver driver;

    @BeforeEach
    void start() throws Exception {
        mosquitto = Mosquitto.start(folder);
        car = CarSimulator.start(mosquitto.uri(), BASE, CAR);
        driver = driver(mosquitto.uri(), List.of(CAR), Duration.ofSeconds(1), registry);
        await("the car is online with its state", () -> registry.devices.get(ID).availability()
                == Availability.ONLINE && registry.state(ID, CarMapping.TIRE_REAR_RIGHT) != null);
    }

    static CarDriver driver(String uri, List<String> cars, Duration confirm, RecordingRegistry registry) {
        return new CarDriver(registry, cars, confirm, Clock.systemUTC(), new MqttVssTransport(uri,
                "glint-test-hub-" + System.nanoTime(), "", "", BASE, Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (driver != null) {
            driver.close();
        }
        if (car != null) {
            car.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    CommandResult run(String deviceId, Command command) throws Exception {
        return driver.execute(registry.devices.get(deviceId), command, Instant.now().plusSeconds(10))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void the_car_is_one_device_with_its_vss_state() {
        var d = registry.devices.get(ID);
        assertEquals(CAR, d.name());
        assertTrue(d.has(Capability.LOCK) && d.has(Capability.THERMOSTAT) && d.has(Capability.COVER));
        assertEquals(true, d.state(Attributes.LOCKED));
        assertEquals(80, d.state(Attributes.BATTERY));
        assertEquals(320, d.state(CarMapping.RANGE_KM));
        assertEquals(15.0, d.state(Attributes.TEMPERATURE));
        assertEquals(false, d.state(CarMapping.TRUNK_OPEN));
        assertEquals(250.0, d.state(CarMapping.TIRE_FRONT_LEFT));
        assertEquals(48.137154, d.state(CarMapping.LATITUDE));
    }

    @Test
    void a_destination_is_ok_once_the_car_reports_it_and_keeps_its_name() throws Exception {
        assertTrue(registry.devices.get(ID).has(Capability.NAVIGATION));
        assertEquals(null, registry.state(ID, Attributes.DESTINATION), "no destination before one is sent");

        CommandResult r = run(ID, Command.navigate("airport", 48.3538, 11.7861));
        assertTrue(r.ok(), r::toString);
        assertEquals(48.3538, car.current(Vss.DESTINATION_LATITUDE));
        assertEquals(11.7861, car.current(Vss.DESTINATION_LONGITUDE));
        assertEquals(java.util.Map.of("name", "airport", "latitude", 48.3538, "longitude", 11.7861),
                registry.state(ID, Attributes.DESTINATION));
    }

    @Test
    void aliases_come_from_car_equals_names_and_a_wrong_entry_says_how_to_write_it() {
        assertEquals(java.util.Map.of("car", List.of("车", "汽车"), "camper", List.of("房车")),
                CarDriver.aliases(new String[] {"car=车|汽车; camper=房车"}));
        assertEquals(List.of("car", "camper"), CarDriver.cars(new String[] {"car, camper"}));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CarDriver.aliases(new String[] {"房车"}));
        assertTrue(e.getMessage().contains("CAR=ALIAS|ALIAS"), e.getMessage());
    }

    @Test
    void unlock_and_lock_are_ok_only_once_the_car_reports_them() throws Exception {
        CommandResult unlocked = run(ID, Command.unlock());
        assertTrue(unlocked.ok(), unlocked::toString);
        // ok means the car's current value already said so
        assertEquals(false, car.current(Vss.DOOR_ROW1_DRIVER_LOCKED));
        assertEquals(false, car.current(Vss.DOOR_ROW2_PASSENGER_LOCKED));
        assertEquals(false, registry.state(ID, Attributes.LOCKED));

        CommandResult locked = run(ID, Command.lock());
        assertTrue(locked.ok(), locked::toString);
        assertEquals(true, car.current(Vss.DOOR_ROW1_PASSENGER_LOCKED));
        assertEquals(true, registry.state(ID, Attributes.LOCKED));
    }

    @Test
    void a_car_that_stops_answering_is_unreachable_within_the_deadline_and_never_unlocks_later() throws Exception {
        car.answering(false);
        long t0 = System.nanoTime();
        CommandResult r = run(ID, Command.unlock());
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code(), r::toString);
        assertEquals("The car model3 is unreachable: it did not confirm within 1 s; it may be out of coverage", r.reason());
        assertTrue(ms >= 900 && ms < 2500, "failed after " + ms + " ms");

        car.answering(true);
        Thread.sleep(500);
        assertEquals(true, car.current(Vss.DOOR_ROW1_DRIVER_LOCKED), "the unlock was not applied later");
        assertEquals(true, registry.state(ID, Attributes.LOCKED));
        // and the car answers the next command again
        assertTrue(run(ID, Command.unlock()).ok());
    }

    @Test
    void a_car_gone_offline_fails_at_once() throws Exception {
        car.close();
        car = null;
        await("offline", () -> registry.devices.get(ID).availability() == Availability.OFFLINE);
        long t0 = System.nanoTime();
        CommandResult r = run(ID, Command.unlock());
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 500, "not waited for");
        assertTrue(r.reason().contains("offline"), r.reason());
    }

    @Test
    void climate_windows_and_trunk_are_confirmed_by_the_car() throws Exception {
        assertTrue(run(ID, Command.targetTemperature(22)).ok());
        assertEquals(true, car.current(Vss.HVAC_AC_ACTIVE));
        assertEquals(22, car.current(Vss.HVAC_DRIVER_TEMPERATURE));
        await("climate on", () -> "auto".equals(registry.state(ID, Attributes.MODE)));
        assertEquals(22.0, registry.state(ID, Attributes.TARGET_TEMPERATURE));

        car.tick(Duration.ofMinutes(3));
        await("cabin warms", () -> Double.valueOf(18.0).equals(registry.state(ID, Attributes.TEMPERATURE)));

        assertTrue(run(ID, new Command(Capability.THERMOSTAT, Attributes.MODE, "off")).ok());
        assertEquals(false, car.current(Vss.HVAC_AC_ACTIVE));

        assertTrue(run(ID, Command.coverPosition(100)).ok());
        assertEquals(100, car.current(Vss.WINDOW_ROW2_PASSENGER));
        assertTrue(run(ID, Command.coverPosition(0)).ok());
        assertEquals(0, car.current(Vss.WINDOW_ROW1_DRIVER));

        String trunk = CarDriver.trunkId(CAR);
        assertTrue(run(trunk, Command.coverPosition(100)).ok());
        assertEquals(true, car.current(Vss.TRUNK_OPEN));
        await("trunk open", () -> Integer.valueOf(100).equals(registry.state(trunk, Attributes.POSITION)));
        assertEquals(true, registry.state(ID, CarMapping.TRUNK_OPEN));
    }

    @Test
    void a_command_a_car_cannot_do_fails_at_once() throws Exception {
        CommandResult r = run(ID, Command.turnOn());
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
    }
}
