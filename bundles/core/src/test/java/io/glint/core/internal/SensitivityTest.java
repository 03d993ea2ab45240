package io.glint.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;

class SensitivityTest {
    private static final Device CAR = Device.builder("car:model3").name("model3").aliases(List.of("特斯拉"))
            .type(DeviceType.VEHICLE).driver("car")
            .capability(Capability.LOCK, Capability.THERMOSTAT, Capability.COVER).build();
    private static final Device TRUNK = Device.builder("car:model3:trunk").name("model3 trunk")
            .type(DeviceType.VEHICLE).driver("car").capability(Capability.COVER).build();
    private static final Device BLINDS = Device.builder("living.blinds").name("living room blinds")
            .type(DeviceType.BLINDS).driver("virtual").capability(Capability.COVER).build();
    private static final Device GARAGE = Device.builder("garage.door").name("garage door")
            .type(DeviceType.GARAGE_DOOR).driver("virtual").capability(Capability.COVER).build();

    @Test
    void unlocking_a_car_is_held_and_locking_it_is_not() {
        assertTrue(Sensitivity.isSensitive(CAR, Command.unlock()));
        assertFalse(Sensitivity.isSensitive(CAR, Command.lock()));
        assertEquals("Unlock the model3?", Sensitivity.question(CAR, Command.unlock(), "en"));
        assertEquals("要解锁特斯拉吗？", Sensitivity.question(CAR, Command.unlock(), "zh"));
    }

    @Test
    void opening_a_cars_windows_is_held_and_closing_them_is_not() {
        assertTrue(Sensitivity.isSensitive(CAR, Command.coverPosition(100)));
        assertTrue(Sensitivity.isSensitive(CAR, Command.coverPosition(20)), "a crack is still open");
        assertFalse(Sensitivity.isSensitive(CAR, Command.coverPosition(0)));
        assertEquals("Open the windows of the model3?", Sensitivity.question(CAR, Command.coverPosition(100), "en"));
        assertEquals("要打开特斯拉的车窗吗？", Sensitivity.question(CAR, Command.coverPosition(100), "zh"));
        assertEquals("Opened the windows of the model3. The car confirms it.",
                Sensitivity.done(CAR, Command.coverPosition(100), "en"));
        assertEquals("OK, the windows of the model3 stay closed.",
                Sensitivity.cancelled(CAR, Command.coverPosition(100), "en"));
    }

    @Test
    void opening_a_cars_trunk_is_held_and_closing_it_is_not() {
        assertTrue(Sensitivity.isSensitive(TRUNK, Command.coverPosition(100)));
        assertFalse(Sensitivity.isSensitive(TRUNK, Command.coverPosition(0)));
        assertEquals("Open the model3 trunk?", Sensitivity.question(TRUNK, Command.coverPosition(100), "en"));
    }

    @Test
    void the_cars_climate_is_not_held() {
        assertFalse(Sensitivity.isSensitive(CAR, Command.targetTemperature(21)));
    }

    @Test
    void garage_doors_stay_held_and_other_covers_stay_free() {
        assertTrue(Sensitivity.isSensitive(GARAGE, Command.coverPosition(100)));
        assertFalse(Sensitivity.isSensitive(GARAGE, Command.coverPosition(0)));
        assertFalse(Sensitivity.isSensitive(BLINDS, Command.coverPosition(100)));
        assertEquals("Open the garage door?", Sensitivity.question(GARAGE, Command.coverPosition(100), "en"));
    }
}
