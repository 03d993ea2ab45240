package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.api.skill.Slot;

class SlotFillerTest {
    private static final Lexicon HOME = new Lexicon(List.of(new Room("bedroom", "bedroom", List.of()),
            new Room("study", "study", List.of())),
            List.of(Device.builder("bedroom.ceiling").name("bedroom lights").room("bedroom").type(DeviceType.LIGHT)
                    .capability(Capability.ON_OFF).driver("t").build(),
                    Device.builder("study.lamp").name("desk lamp").room("study").type(DeviceType.LIGHT)
                            .capability(Capability.ON_OFF).driver("t").build()), 0);

    private static Map<String, Slot> fill(Map<String, String> slotTypes, String text) {
        return SlotFiller.fill(slotTypes, Query.of(text, "en", Text.tokens(text), HOME));
    }

    @Test
    void a_room_before_a_device_whatever_order_the_skill_declares_them_in() {
        Map<String, String> deviceFirst = new LinkedHashMap<>();
        deviceFirst.put("device", "device:light");
        deviceFirst.put("room", "room");
        Map<String, String> roomFirst = new LinkedHashMap<>();
        roomFirst.put("room", "room");
        roomFirst.put("device", "device:light");
        for (Map<String, String> declared : List.of(deviceFirst, roomFirst)) {
            Map<String, Slot> slots = fill(declared, "shut my bedroom lights off");
            assertEquals("bedroom", slots.get("room").value(), declared.toString());
            assertFalse(slots.containsKey("device"), "\"lights\" alone names no device: " + slots);
            assertEquals("study.lamp", fill(declared, "shut the desk lamp off").get("device").value());
        }
    }
}
