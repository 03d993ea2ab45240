package io.glint.skill.appliances.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.Devices;
import io.glint.api.skill.Card;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;

/** What the appliances skill says, in English and Chinese. */
final class Words {
    private Words() {
    }

    /**
     * One thing done to devices. {@code en}/{@code zh} take the devices' description (%s); the verbs start a
     * partial report ("Closed 1 of 2 (the blinds)").
     */
    record Action(String en, String zh, String enVerb, String zhVerb, String enTitle, String zhTitle) {
        String done(String what, String lang) {
            return Words.zh(lang) ? String.format(zh, what) : capitalise(String.format(en, what));
        }

        String partial(int ok, int total, String what, String lang) {
            return Words.zh(lang) ? zhVerb + total + "个中的" + ok + "个（" + what + "）"
                    : enVerb + " " + ok + " of " + total + " (" + what + ")";
        }

        String title(String lang) {
            return Words.zh(lang) ? zhTitle : enTitle;
        }
    }

    static final Action TURNED_ON = new Action("Turned on %s.", "已打开%s。", "Turned on", "已打开", "On", "已打开");
    static final Action TURNED_OFF = new Action("Turned off %s.", "已关闭%s。", "Turned off", "已关闭", "Off", "已关闭");
    static final Action OPENED = new Action("Opened %s.", "已打开%s。", "Opened", "已打开", "Opened", "已打开");
    static final Action CLOSED = new Action("Closed %s.", "已关上%s。", "Closed", "已关上", "Closed", "已关上");
    static final Action LOCKED = new Action("Locked %s.", "已锁上%s。", "Locked", "已锁上", "Locked", "已上锁");
    static final Action UNLOCKED = new Action("Unlocked %s.", "已解锁%s。", "Unlocked", "已解锁", "Unlocked", "已解锁");
    static final Action VACUUM_HOME = new Action("Sent %s back to its dock.", "已让%s回去充电。", "Sent back",
            "已让回去", "Back to the dock", "回去充电");

    /** Covers moved to a position between closed and open, by opening or by closing them. */
    static Action position(int percent, boolean opening) {
        if (percent == 50) {
            return opening
                    ? new Action("Opened %s halfway.", "已把%s开到一半。", "Opened halfway", "已开到一半", "Half open", "开一半")
                    : new Action("Closed %s halfway.", "已把%s关到一半。", "Closed halfway", "已关到一半", "Half open", "关一半");
        }
        return new Action("Set %s to " + percent + " %% open.", "已把%s开到" + percent + "%%。", "Set",
                "已调整", percent + " % open", "开到" + percent + "%");
    }

    /** The vacuum sent to clean a room, or the whole home when {@code roomId} is null. */
    static Action vacuumStart(String roomId, Devices devices) {
        if (roomId == null) {
            return new Action("Started %s.", "%s开始打扫了。", "Started", "已启动", "Vacuum", "扫地机器人");
        }
        String en = roomName(devices, roomId, "en");
        String zh = roomName(devices, roomId, "zh");
        return new Action("Sent %s to clean the " + en + ".", "已让%s去打扫" + zh + "。", "Sent", "已派出",
                "Vacuuming the " + en, "打扫" + zh);
    }

    // ---- drinks ---------------------------------------------------------------------------------------

    /** Drinks the templates name, by the value they set: English and Chinese names. */
    private static final Map<String, String> DRINKS_ZH = Map.of("coffee", "咖啡", "espresso", "浓缩咖啡", "latte", "拿铁",
            "cappuccino", "卡布奇诺", "americano", "美式咖啡", "flat white", "澳白", "mocha", "摩卡", "macchiato", "玛奇朵");

    /**
     * What to brew for a {@code kind} slot: a drink the templates name, or the free words of "a strong coffee" /
     * "冰咖啡", which the templates leave without their "coffee".
     */
    static String drink(String kind) {
        String k = kind.strip().toLowerCase(Locale.ROOT);
        if (DRINKS_ZH.containsKey(k) || DRINKS_ZH.containsValue(k)) {
            return k;
        }
        return hasHan(k) ? k + "咖啡" : k + " coffee";
    }

    static Action brewing(String drink) {
        String zh = DRINKS_ZH.getOrDefault(drink, drink);
        String en = hasHan(drink) ? drink : (startsWithVowel(drink) ? "an " : "a ") + drink;
        return new Action("Making you " + en + ".", "正在给你做一杯" + zh + "。", "Making", "正在做",
                capitalise(drink), zh);
    }

    // ---- names ----------------------------------------------------------------------------------------

    static String say(Intent intent, String en, String zh) {
        return zh(intent.lang()) ? zh : en;
    }

    static boolean zh(String lang) {
        return "zh".equals(lang);
    }

    /**
     * A device's name as the wearer said it when that is one of its names ("the front door" for the front door
     * lock), else its registry name; in Chinese its Chinese alias.
     */
    static String name(Device d, Intent intent) {
        boolean zh = zh(intent.lang());
        String said = intent.slot("device").filter(s -> d.id().equals(s.value())).map(Slot::raw).orElse(null);
        if (said != null) {
            for (String n : Stream.concat(Stream.of(d.name()), d.aliases().stream()).toList()) {
                if (squash(n).equals(squash(said)) && hasHan(n) == zh) {
                    return n;
                }
            }
        }
        return d.nameIn(intent.lang());
    }

    /** "the TV" in English, "电视" in Chinese. */
    static String the(Device d, Intent intent) {
        return zh(intent.lang()) ? name(d, intent) : "the " + name(d, intent);
    }

    /** "the blinds and the curtains", "百叶窗和窗帘"; more than four: "5 devices". */
    static String list(List<Device> devices, Intent intent) {
        boolean zh = zh(intent.lang());
        if (devices.size() > 4) {
            return zh ? devices.size() + "个设备" : devices.size() + " devices";
        }
        List<String> names = new ArrayList<>(devices.stream().map(d -> the(d, intent)).toList());
        if (zh) {
            return String.join("、", names.subList(0, names.size() - 1)) + (names.size() > 1 ? "和" : "")
                    + names.get(names.size() - 1);
        }
        String last = names.remove(names.size() - 1);
        return names.isEmpty() ? last : String.join(", ", names) + " and " + last;
    }

    static String roomName(Devices devices, String roomId, String lang) {
        return devices.room(roomId).map(room -> room.nameIn(lang)).orElse(roomId.replace('_', ' '));
    }

    /** "Which one: the fan in the bedroom or the fan in the office?" */
    static String which(Intent intent, List<Device> options, Devices devices) {
        boolean zh = zh(intent.lang());
        List<String> said = new ArrayList<>(options.stream().map(d -> {
            String where = d.room() == null ? null : roomName(devices, d.room(), intent.lang());
            if (zh) {
                return (where == null ? "" : where + "的") + name(d, intent);
            }
            return the(d, intent) + (where == null ? "" : " in the " + where);
        }).toList());
        if (zh) {
            return "哪一个：" + String.join("还是", said) + "？";
        }
        String last = said.remove(said.size() - 1);
        return "Which one: " + String.join(", ", said) + " or " + last + "?";
    }

    /** What the skill looks for, for "there are no … here": a capability as a kind of device. */
    static String kind(Capability capability, String lang) {
        boolean zh = zh(lang);
        if (capability == null) {
            return zh ? "这样的设备" : "devices like that";
        }
        return switch (capability) {
            case COVER -> zh ? "窗帘或百叶窗" : "blinds or curtains";
            case LOCK -> zh ? "门锁" : "locks";
            case VACUUM -> zh ? "扫地机器人" : "robot vacuum";
            case COFFEE_MAKER -> zh ? "咖啡机" : "coffee machine";
            default -> zh ? "这样的设备" : "devices like that";
        };
    }

    /** "The fan can't be switched on or off." */
    static String cannot(Device d, Capability capability, Intent intent) {
        boolean zh = zh(intent.lang());
        String what = the(d, intent);
        String en = switch (capability) {
            case ON_OFF -> " can't be switched on or off.";
            case COVER -> " can't be opened or closed.";
            case LOCK -> " can't be locked or unlocked.";
            default -> " can't do that.";
        };
        String cn = switch (capability) {
            case ON_OFF -> "不能开关。";
            case COVER -> "不能打开或关上。";
            case LOCK -> "不能上锁或解锁。";
            default -> "做不到这个。";
        };
        return zh ? what + cn : capitalise(what + en);
    }

    // ---- how things are -------------------------------------------------------------------------------

    /** "the front door is locked" / "前门锁着": one capability's state, as a clause without a full stop. */
    static String state(Device d, Capability about, Intent intent, Devices devices) {
        boolean zh = zh(intent.lang());
        String it = the(d, intent);
        String is = plural(d, intent) ? " are " : " is ";
        switch (about == null ? Capability.ON_OFF : about) {
            case LOCK:
                boolean locked = Boolean.TRUE.equals(d.state(Attributes.LOCKED));
                return zh ? it + (locked ? "锁着" : "没锁") : it + is + (locked ? "locked" : "unlocked");
            case COVER:
                int pos = d.state(Attributes.POSITION) instanceof Number n ? n.intValue() : 0;
                if (pos <= 0 || pos >= 100) {
                    return zh ? it + (pos > 0 ? "开着" : "关着") : it + is + (pos > 0 ? "open" : "closed");
                }
                return zh ? it + "开了" + pos + "%" : it + is + pos + " % open";
            case VACUUM:
                return vacuum(d, it, is, intent, devices);
            case THERMOSTAT:
                return zh ? it + "现在" + degrees(d.state(Attributes.TEMPERATURE)) + "度，设定在"
                        + degrees(d.state(Attributes.TARGET_TEMPERATURE)) + "度"
                        : it + " reads " + degrees(d.state(Attributes.TEMPERATURE)) + " °C and is set to "
                                + degrees(d.state(Attributes.TARGET_TEMPERATURE)) + " °C";
            case MEDIA:
                String playing = String.valueOf(d.state().getOrDefault(Attributes.PLAYING, ""));
                return zh ? it + (playing.isEmpty() ? "没在播放" : "正在播放" + playing)
                        : it + (playing.isEmpty() ? is + "not playing anything" : is + "playing " + playing);
            default:
                boolean on = Boolean.TRUE.equals(d.state(Attributes.ON));
                String brewing = String.valueOf(d.state().getOrDefault(Attributes.BREWING, ""));
                if (on && !brewing.isEmpty()) {
                    String drink = zh ? DRINKS_ZH.getOrDefault(brewing, brewing) : brewing;
                    return zh ? it + "开着，正在做" + drink : it + is + "on, making " + drink;
                }
                return zh ? it + (on ? "开着" : "关着") : it + is + (on ? "on" : "off");
        }
    }

    private static String vacuum(Device d, String it, String is, Intent intent, Devices devices) {
        boolean zh = zh(intent.lang());
        String state = String.valueOf(d.state().getOrDefault(Attributes.VACUUM_STATE, "docked"));
        String room = String.valueOf(d.state().getOrDefault(Attributes.VACUUM_ROOM, ""));
        switch (state) {
            case "cleaning":
                if (room.isEmpty()) {
                    return zh ? it + "正在打扫" : it + is + "cleaning";
                }
                return zh ? it + "正在打扫" + roomName(devices, room, "zh")
                        : it + is + "cleaning the " + roomName(devices, room, "en");
            case "returning":
                return zh ? it + "正在回充电座" : it + is + "on its way back to the dock";
            default:
                return zh ? it + "在充电座上" : it + is + "on its dock";
        }
    }

    /** "Yes, the front door is locked." / "是的，前门锁着。"; {@code yes} null: just the state. */
    static String answer(Boolean yes, String clause, Intent intent) {
        if (zh(intent.lang())) {
            return (yes == null ? "" : yes ? "是的，" : "没有，") + clause + "。";
        }
        return yes == null ? capitalise(clause) + "." : (yes ? "Yes, " : "No, ") + clause + ".";
    }

    static String offline(Device d, Intent intent) {
        return zh(intent.lang()) ? the(d, intent) + "现在离线，我不知道它的状态。"
                : capitalise(the(d, intent)) + " is offline, so I can't tell.";
    }

    /** "It's 25.5 °C in the living room" / "客厅现在25.5度", without a full stop. */
    static String temperature(Object celsius, String roomId, Devices devices, String lang) {
        String room = roomId == null ? null : roomName(devices, roomId, lang);
        if (zh(lang)) {
            return (room == null ? "" : room) + "现在" + degrees(celsius) + "度";
        }
        return "it's " + degrees(celsius) + " °C" + (room == null ? "" : " in the " + room);
    }

    static String degrees(Object value) {
        if (!(value instanceof Number n)) {
            return "?";
        }
        double v = Math.round(n.doubleValue() * 10) / 10.0;
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---- small things ---------------------------------------------------------------------------------

    /** Whether an English name is plural ("the blinds are", "the curtains are"). */
    private static boolean plural(Device d, Intent intent) {
        String n = name(d, intent).toLowerCase(Locale.ROOT);
        return n.endsWith("blinds") || n.endsWith("curtains") || n.endsWith("drapes") || n.endsWith("shutters")
                || n.endsWith("shades");
    }

    static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "The curtains did not answer" → "the curtains did not answer", to follow a semicolon. */
    static String decapitalise(String s) {
        return s.startsWith("The ") ? "t" + s.substring(1) : s;
    }

    /** A name as a lookup key: lower case, no spaces or apostrophes ("Front Door" = "front door" = "frontdoor"). */
    static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s'’]", "");
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "aeiou".indexOf(Character.toLowerCase(s.charAt(0))) >= 0;
    }
}
