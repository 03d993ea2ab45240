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

    /** What the command acts on, as said in a sentence: "the front door lock", "the windows of the car". */
    private static String what(Device device, Command command, String lang) {
        String name = Names.of(device, lang);
        return windows(device, command) ? Say.in(lang, "the windows of the " + name, name + "的车窗")
                : Say.in(lang, "the " + name, name);
    }

    /** "Unlock the front door lock?" */
    static String question(Device device, Command command, String lang) {
        String what = what(device, command, lang);
        return command.capability() == Capability.LOCK ? Say.in(lang, "Unlock " + what + "?", "要解锁" + what + "吗？")
                : Say.in(lang, "Open " + what + "?", "要打开" + what + "吗？");
    }

    /**
     * "Unlocked the front door lock." A car's command succeeds only once the car reports the new state, so for a
     * car the wearer hears that too: "Unlocked the car. The car confirms it."
     */
    static String done(Device device, Command command, String lang) {
        String what = what(device, command, lang);
        if (command.capability() == Capability.LOCK) {
            String done = Say.in(lang, "Unlocked " + what + ".", "已解锁" + what + "。");
            return device.type() == DeviceType.VEHICLE ? done + carConfirms(lang) : done;
        }
        return device.type() == DeviceType.VEHICLE
                ? Say.in(lang, "Opened " + what + ".", "已打开" + what + "。") + carConfirms(lang)
                : Say.in(lang, "Opening " + what + ".", "正在打开" + what + "。");
    }

    private static String carConfirms(String lang) {
        return Say.in(lang, " The car confirms it.", "车辆已确认。");
    }

    /** "OK, the front door lock stays locked." */
    static String cancelled(Device device, Command command, String lang) {
        String what = what(device, command, lang);
        String stays = windows(device, command) ? " stay " : " stays ";
        return command.capability() == Capability.LOCK
                ? Say.in(lang, "OK, " + what + stays + "locked.", "好的，" + what + "保持上锁。")
                : Say.in(lang, "OK, " + what + stays + "closed.", "好的，" + what + "保持关闭。");
    }
}
