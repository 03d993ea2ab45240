package io.glint.skill.appliances.internal;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;

/**
 * Which devices a request means. In order: the device the wearer named (narrowed by the room they named, or the
 * room they are in when the name fits several); a name the registry filed under another kind; a word for a kind
 * of device that names no device here ("the shades", "the door"); with nothing named, devices of the right kind
 * in the room named or the wearer's room, then in the whole home.
 */
final class Targets {
    /** How many devices a request that names none may mean. */
    enum Scope {
        /** One: the only one, the only one in the room, or ask which. */
        ONE,
        /** Every one in the room named or the wearer's room; in the whole home, one or ask which. */
        ROOM,
        /** Every one in the room named, else every one in the home ("are the doors locked"). */
        ALL
    }

    /** The devices to act on, or the answer to give instead. */
    record Found(List<Device> devices, SkillResult problem) {
        static Found of(List<Device> devices) {
            return new Found(devices, null);
        }

        static Found problem(FailureCode code, String speech) {
            return new Found(List.of(), SkillResult.failed(code, speech));
        }

        Device first() {
            return devices.get(0);
        }
    }

    /** Words people use for a kind of device, in homes where no device has that name (keys squashed). */
    private static final Map<String, DeviceType> KINDS = Map.ofEntries(
            entry("door", DeviceType.LOCK), entry("doors", DeviceType.LOCK), entry("lock", DeviceType.LOCK),
            entry("locks", DeviceType.LOCK), entry("门", DeviceType.LOCK), entry("门锁", DeviceType.LOCK),
            entry("blinds", DeviceType.BLINDS), entry("blind", DeviceType.BLINDS), entry("shades", DeviceType.BLINDS),
            entry("shutters", DeviceType.BLINDS), entry("百叶窗", DeviceType.BLINDS), entry("卷帘", DeviceType.BLINDS),
            entry("curtains", DeviceType.CURTAINS), entry("curtain", DeviceType.CURTAINS),
            entry("drapes", DeviceType.CURTAINS), entry("窗帘", DeviceType.CURTAINS),
            entry("garage", DeviceType.GARAGE_DOOR), entry("garagedoor", DeviceType.GARAGE_DOOR),
            entry("车库", DeviceType.GARAGE_DOOR), entry("车库门", DeviceType.GARAGE_DOOR),
            entry("fan", DeviceType.FAN), entry("风扇", DeviceType.FAN), entry("电风扇", DeviceType.FAN),
            entry("tv", DeviceType.TV), entry("television", DeviceType.TV), entry("电视", DeviceType.TV),
            entry("ac", DeviceType.AIR_CONDITIONER), entry("aircon", DeviceType.AIR_CONDITIONER),
            entry("airconditioner", DeviceType.AIR_CONDITIONER), entry("空调", DeviceType.AIR_CONDITIONER),
            entry("heater", DeviceType.HEATER), entry("取暖器", DeviceType.HEATER),
            entry("coffeemachine", DeviceType.COFFEE_MAKER), entry("coffeemaker", DeviceType.COFFEE_MAKER),
            entry("咖啡机", DeviceType.COFFEE_MAKER), entry("vacuum", DeviceType.VACUUM),
            entry("扫地机器人", DeviceType.VACUUM), entry("扫地机", DeviceType.VACUUM));

    private final Devices devices;

    Targets(Devices devices) {
        this.devices = devices;
    }

    /**
     * The devices a request means that can do {@code capability} (null: any device). {@code byDefault} limits
     * what is picked when the wearer named nothing (never the garage door when opening).
     */
    Found find(Intent intent, Capability capability, Predicate<Device> byDefault, Scope scope) {
        Predicate<Device> able = d -> capability == null || d.has(capability);
        Optional<Slot> slot = intent.slot("device");
        if (slot.isEmpty()) {
            return around(intent, able.and(byDefault), scope, capability);
        }
        Slot s = slot.get();
        List<String> ids = s.value() != null ? List.of(s.value()) : s.candidates();
        List<Device> named = ids.stream().map(devices::get).flatMap(Optional::stream).toList();
        if (!named.isEmpty()) {
            return narrow(intent, named, capability);
        }
        // a name the registry does not know for this kind of device
        String key = Words.squash(s.raw());
        List<Device> known = devices.all().stream().filter(d -> Words.squash(d.name()).equals(key)
                || d.aliases().stream().anyMatch(a -> Words.squash(a).equals(key))).toList();
        if (!known.isEmpty()) {
            return narrow(intent, known, capability);
        }
        DeviceType kind = KINDS.get(key);
        if (kind != null) {
            return around(intent, able.and(d -> d.type() == kind), scope, capability);
        }
        return Found.problem(FailureCode.NO_DEVICE, Words.say(intent,
                "I couldn't find anything called \"" + s.raw() + "\".", "我找不到叫“" + s.raw() + "”的设备。"));
    }

    /** The one device in the home that can do {@code capability} (a vacuum, a coffee machine). */
    Found only(Intent intent, Capability capability) {
        List<Device> all = devices.with(capability, null);
        if (all.isEmpty()) {
            return Found.problem(FailureCode.NO_DEVICE, Words.say(intent,
                    "There's no " + Words.kind(capability, "en") + " in this home.",
                    "家里没有" + Words.kind(capability, "zh") + "。"));
        }
        List<Device> here = all.stream().filter(d -> d.room() != null && d.room().equals(intent.room())).toList();
        return all.size() == 1 ? Found.of(all) : here.size() == 1 ? Found.of(here) : ask(intent, all);
    }

    /** Named devices, narrowed by the room named (or the wearer's room, when that settles it). */
    private Found narrow(Intent intent, List<Device> named, Capability capability) {
        String roomId = intent.slot("room").map(Slot::value).orElse(null);
        List<Device> options = named;
        if (roomId != null) {
            options = named.stream().filter(d -> roomId.equals(d.room())).toList();
            if (options.isEmpty()) {
                return Found.problem(FailureCode.NO_DEVICE, Words.say(intent,
                        "I couldn't find " + Words.the(named.get(0), intent) + " in the "
                                + Words.roomName(devices, roomId, "en") + ".",
                        Words.roomName(devices, roomId, "zh") + "没有" + Words.the(named.get(0), intent) + "。"));
            }
        } else if (named.size() > 1 && intent.room() != null) {
            List<Device> here = named.stream().filter(d -> intent.room().equals(d.room())).toList();
            options = here.isEmpty() ? named : here;
        }
        if (options.size() > 1) {
            return ask(intent, options);
        }
        Device d = options.get(0);
        if (capability != null && !d.has(capability)) {
            return Found.problem(FailureCode.NOT_SUPPORTED, Words.cannot(d, capability, intent));
        }
        return Found.of(options);
    }

    /** Nothing named: devices that pass {@code filter} in the room, then in the home. */
    private Found around(Intent intent, Predicate<Device> filter, Scope scope, Capability capability) {
        String named = intent.slot("room").map(Slot::value).orElse(null);
        String roomId = named != null || scope == Scope.ALL ? named : intent.room();
        List<Device> all = devices.all().stream().filter(filter).toList();
        if (roomId != null) {
            List<Device> here = all.stream().filter(d -> roomId.equals(d.room())).toList();
            if (!here.isEmpty()) {
                return scope == Scope.ONE && here.size() > 1 ? ask(intent, here) : Found.of(here);
            }
            if (named != null) {
                return Found.problem(FailureCode.NO_DEVICE, Words.say(intent,
                        "There are no " + Words.kind(capability, "en") + " in the "
                                + Words.roomName(devices, roomId, "en") + ".",
                        Words.roomName(devices, roomId, "zh") + "没有" + Words.kind(capability, "zh") + "。"));
            }
        }
        if (all.isEmpty()) {
            return Found.problem(FailureCode.NO_DEVICE, Words.say(intent,
                    "I couldn't find any " + Words.kind(capability, "en") + " here.",
                    "我找不到" + Words.kind(capability, "zh") + "。"));
        }
        return scope == Scope.ALL || all.size() == 1 ? Found.of(all) : ask(intent, all);
    }

    private Found ask(Intent intent, List<Device> options) {
        return Found.problem(FailureCode.AMBIGUOUS_DEVICE, Words.which(intent, options, devices));
    }
}
