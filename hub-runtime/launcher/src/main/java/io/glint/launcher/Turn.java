package io.glint.launcher;

import java.util.List;

import io.glint.api.device.DeviceChange;
import io.glint.api.voice.Response;

/**
 * One exchange of the demo: what the wearer said, the hub's answer, the device changes reported while it was
 * handled, and how long that took.
 */
record Turn(String text, Response response, List<DeviceChange> changes, double millis) {
    Turn {
        changes = List.copyOf(changes);
    }
}
