package io.glint.core.internal;

import io.glint.api.device.Device;
import io.glint.api.device.Room;

/** Device and room names as the hub says them. */
final class Names {
    private Names() {
    }

    static String of(Device device, String lang) {
        return device.nameIn(lang);
    }

    static String of(Room room, String lang) {
        return room.nameIn(lang);
    }
}
