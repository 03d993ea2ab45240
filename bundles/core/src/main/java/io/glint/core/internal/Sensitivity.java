package io.glint.core.internal;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;

/**
 * Which commands the wearer must confirm, whatever skill sends them: unlocking a lock (a car's doors included),
 * opening a garage door, opening a vehicle's windows or trunk.
 * Decided here, in the hub, from the device and the command, so no skill can declare its way around it.
 */
final class Sensitivity {
    private Sensitivity() {
    }

    /**
     * Conservative: anything to a lock but "locked = true"; anything to a garage door's or a vehicle's cover (its
     * windows, its trunk) but "position 0".
     */
    static boolean isSensitive(Device device, Command command) {
        if (command.capability() == Capability.LOCK) {
            return !Boolean.TRUE.equals(command.value());
        }
        if (opensCovers(device) && command.capability() == Capability.COVER) {
            return !(Attributes.POSITION.equals(command.attribute()) && command.value() instanceof Number n
                    && n.doubleValue() == 0);
        }
        return false;
    }

    private static boolean opensCovers(Device device) {
        return device.type() == DeviceType.GARAGE_DOOR || device.type() == DeviceType.VEHICLE;
    }

    /** A vehicle's own device, whose cover is its windows (its trunk is a device of its own). */
    private static boolean windows(Device device, Command command) {
        return device.type() == DeviceType.VEHICLE && command.capability() == Capability.COVER
                && device.has(Capability.LOCK);
    }

    /** "Unlock the front door lock?" */
    static String question(Device device, Command command, String lang) {
        String name = Names.of(device, lang);
        if (command.capability() == Capability.LOCK) {
            return Say.in(lang, "Unlock the " + name + "?", "要解锁" + name + "吗？");
        }
        if (windows(device, command)) {
            return Say.in(lang, "Open the windows of the " + name + "?", "要打开" + name + "的车窗吗？");
        }
        return Say.in(lang, "Open the " + name + "?", "要打开" + name + "吗？");
    }

    /** "Unlocked the front door lock." */
    static String done(Device device, Command command, String lang) {
        String name = Names.of(device, lang);
        if (command.capability() == Capability.LOCK) {
            return Say.in(lang, "Unlocked the " + name + ".", "已解锁" + name + "。");
        }
        if (windows(device, command)) {
            return Say.in(lang, "Opening the windows of the " + name + ".", "正在打开" + name + "的车窗。");
        }
        return Say.in(lang, "Opening the " + name + ".", "正在打开" + name + "。");
    }

    /** "OK, the front door lock stays locked." */
    static String cancelled(Device device, Command command, String lang) {
        String name = Names.of(device, lang);
        if (command.capability() == Capability.LOCK) {
            return Say.in(lang, "OK, the " + name + " stays locked.", "好的，" + name + "保持上锁。");
        }
        if (windows(device, command)) {
            return Say.in(lang, "OK, the windows of the " + name + " stay closed.", "好的，" + name + "的车窗保持关闭。");
        }
        return Say.in(lang, "OK, the " + name + " stays closed.", "好的，" + name + "保持关闭。");
    }
}
