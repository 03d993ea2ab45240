package io.glint.core.internal;

import java.util.List;

import io.glint.api.device.Device;
import io.glint.api.device.Room;

/** Device and room names as the hub says them: the English name, or the first Chinese alias in Chinese. */
final class Names {
    private Names() {
    }

    static String of(Device device, String lang) {
        return "zh".equals(lang) ? chinese(device.aliases(), device.name()) : device.name();
    }

    static String of(Room room, String lang) {
        return "zh".equals(lang) ? chinese(room.aliases(), room.name()) : room.name();
    }

    private static String chinese(List<String> aliases, String fallback) {
        return aliases.stream().filter(a -> a.codePoints().anyMatch(
                cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).findFirst().orElse(fallback);
    }
}
