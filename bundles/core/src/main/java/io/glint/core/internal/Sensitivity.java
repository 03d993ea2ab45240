package io.glint.core.internal;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;

/**
 * Which commands the wearer must confirm, whatever skill sends them: unlocking a lock, opening a garage door.
 * Decided here, in the hub, from the device and the command, so no skill can declare its way around it.
 */
final class Sensitivity {
    private Sensitivity() {
    }

    /** Conservative: anything to a lock but "locked = true", anything to a garage door but "position 0". */
    static boolean isSensitive(Device device, Command command) {
        if (command.capability() == Capability.LOCK) {
            return !Boolean.TRUE.equals(command.value());
        }
        if (device.type() == DeviceType.GARAGE_DOOR && command.capability() == Capability.COVER) {
            return !(Attributes.POSITION.equals(command.attribute()) && command.value() instanceof Number n
                    && n.doubleValue() == 0);
        }
        return false;
    }

    /** "Unlock the front door lock?" */
    static String question(Device device, Command command, String lang) {
        String name = Names.of(device, lang);
        if (command.capability() == Capability.LOCK) {
            return Say.in(lang, "Unlock the " + name + "?", "要解锁" + name + "吗？");
        }
        return Say.in(lang, "Open the " + name + "?", "要打开" + name + "吗？");
    }

    /** "Unlocked the front door lock." */
    static String done(Device device, Command command, String lang) {
        String name = Names.of(device, lang);
        if (command.capability() == Capability.LOCK) {
            return Say.in(lang, "Unlocked the " + name + ".", "已解锁" + name + "。");
        }
        return Say.in(lang, "Opening the " + name + ".", "正在打开" + name + "。");
    }

    /** "OK, the front door lock stays locked." */
    static String cancelled(Device device, Command command, String lang) {
        String name = Names.of(device, lang);
        if (command.capability() == Capability.LOCK) {
            return Say.in(lang, "OK, the " + name + " stays locked.", "好的，" + name + "保持上锁。");
        }
        return Say.in(lang, "OK, the " + name + " stays closed.", "好的，" + name + "保持关闭。");
    }
}
