package io.glint.driver.car.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.driver.car.simulator.Vss;

class CarMappingTest {

    @Test
    void vss_signals_become_device_attributes() {
        Map<String, Object> vss = new HashMap<>();
        Vss.DOOR_LOCKS.forEach(p -> vss.put(p, true));
        vss.put(Vss.DOOR_ROW2_PASSENGER_LOCKED, false);
        vss.put(Vss.BATTERY_SOC, 72.6);
        vss.put(Vss.RANGE, 290_400);
        vss.put(Vss.HVAC_CABIN_TEMPERATURE, 18.5);
        vss.put(Vss.HVAC_DRIVER_TEMPERATURE, 22);
        vss.put(Vss.HVAC_AC_ACTIVE, true);
        vss.put(Vss.TRUNK_OPEN, false);
        vss.put(Vss.WINDOW_ROW1_DRIVER, 30);
        vss.put(Vss.WINDOW_ROW1_PASSENGER, 0);
        vss.put(Vss.CHARGING, false);
        vss.put(Vss.LATITUDE, 48.1);
        vss.put(Vss.LONGITUDE, 11.5);
        vss.put(Vss.TIRE_REAR_LEFT, 180.0);

        Map<String, Object> s = CarMapping.state(vss);

        assertEquals(false, s.get(Attributes.LOCKED), "one unlocked door: the car is not locked");
        assertEquals(73, s.get(Attributes.BATTERY));
        assertEquals(290, s.get(CarMapping.RANGE_KM));
        assertEquals(18.5, s.get(Attributes.TEMPERATURE));
        assertEquals(22.0, s.get(Attributes.TARGET_TEMPERATURE));
        assertEquals("auto", s.get(Attributes.MODE));
        assertEquals(true, s.get(CarMapping.CLIMATE));
        assertEquals(false, s.get(CarMapping.TRUNK_OPEN));
        assertEquals(30, s.get(Attributes.POSITION));
        assertEquals(true, s.get(CarMapping.WINDOWS_OPEN));
        assertEquals(false, s.get(CarMapping.CHARGING));
        assertEquals(48.1, s.get(CarMapping.LATITUDE));
        assertEquals(11.5, s.get(CarMapping.LONGITUDE));
        assertEquals(180.0, s.get(CarMapping.TIRE_REAR_LEFT));
        assertFalse(s.containsKey(CarMapping.TIRE_FRONT_LEFT), "not reported, not invented");
        assertEquals(Map.of(Attributes.POSITION, 0, CarMapping.TRUNK_OPEN, false), CarMapping.trunkState(vss));
    }

    @Test
    void lock_writes_every_door_and_is_confirmed_only_when_all_are_locked() {
        CarMapping.Actuation a = CarMapping.car(Command.lock());
        assertEquals(Vss.DOOR_LOCKS.size(), a.targets().size());
        assertTrue(a.targets().values().stream().allMatch(Boolean.TRUE::equals));
        Map<String, Object> vss = new HashMap<>();
        Vss.DOOR_LOCKS.forEach(p -> vss.put(p, true));
        vss.put(Vss.DOOR_ROW1_PASSENGER_LOCKED, false);
        assertFalse(a.confirmed().test(vss));
        vss.put(Vss.DOOR_ROW1_PASSENGER_LOCKED, true);
        assertTrue(a.confirmed().test(vss));
    }

    @Test
    void climate_windows_and_trunk_map_to_vss_actuators() {
        CarMapping.Actuation start = CarMapping.car(Command.targetTemperature(22));
        assertEquals(Map.of(Vss.HVAC_DRIVER_TEMPERATURE, 22, Vss.HVAC_AC_ACTIVE, true), start.targets());
        CarMapping.Actuation stop = CarMapping.car(new Command(Capability.THERMOSTAT, Attributes.MODE, "off"));
        assertEquals(Map.of(Vss.HVAC_AC_ACTIVE, false), stop.targets());
        CarMapping.Actuation windows = CarMapping.car(Command.coverPosition(100));
        assertEquals(Vss.WINDOWS.size(), windows.targets().size());
        assertTrue(windows.targets().values().stream().allMatch(v -> v.equals(100)));
        assertEquals(Map.of(Vss.TRUNK_OPEN, true), CarMapping.trunk(Command.coverPosition(100)).targets());
        assertThrows(IllegalArgumentException.class, () -> CarMapping.car(Command.turnOn()));
        assertThrows(IllegalArgumentException.class, () -> CarMapping.trunk(Command.lock()));
    }
}
