package io.glint.skill.climate.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.Card;
import io.glint.api.skill.Intent;

/** What the climate skill says, in English and Chinese, and the few words it reads itself. */
final class Words {
    private Words() {
    }

    private static final Set<DeviceType> HEATING = EnumSet.of(DeviceType.THERMOSTAT, DeviceType.HEATER);
    private static final Set<DeviceType> COOLING = EnumSet.of(DeviceType.AIR_CONDITIONER);
    private static final Pattern HEATING_EN = Pattern.compile("\\b(heating|heater|thermostat|the heat)\\b");
    private static final Pattern COOLING_EN = Pattern.compile(
            "\\b(ac|a c|aircon|air con|air conditioning|air conditioner)\\b");
    private static final Pattern HEATING_ZH = Pattern.compile("暖气|地暖|恒温器|温控器");
    private static final Pattern COOLING_ZH = Pattern.compile("空调|冷气");
    private static final Pattern DIGITS = Pattern.compile("\\d+(\\.\\d+)?");

    static String say(Intent intent, String en, String zh) {
        return zh(intent) ? zh : en;
    }

    static boolean zh(Intent intent) {
        return "zh".equals(intent.lang());
    }

    /**
     * The kind of device a generic word in the sentence names ("the heating", "the AC", "空调"), or empty when
     * it names none ("the temperature", "make it warmer"): then any thermostat or air conditioner will do.
     */
    static Set<DeviceType> kind(String text) {
        String s = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        Set<DeviceType> kind = EnumSet.noneOf(DeviceType.class);
        if (HEATING_EN.matcher(s).find() || HEATING_ZH.matcher(s).find()) {
            kind.addAll(HEATING);
        }
        if (COOLING_EN.matcher(s).find() || COOLING_ZH.matcher(s).find()) {
            kind.addAll(COOLING);
        }
        return kind;
    }

    /** Whether a device name the registry does not know is just a generic word for a kind of device. */
    static boolean generic(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceFirst("^the ", "").trim();
        return !kind(raw).isEmpty() && (s.matches("heating|heater|thermostat|heat|ac|a c|aircon|air con"
                + "|air conditioning|air conditioner|air conditioners|thermostats|heaters")
                || s.matches("暖气|地暖|恒温器|温控器|空调|冷气"));
    }

    /**
     * The °F figure the wearer said, or null when they said °C. The slot holds °C only, so this reads the spoken
     * words the way the hub does: an explicit unit wins, and an unmarked 50–90 is Fahrenheit. When the figure was
     * spelled in words it is recovered from the °C value (exact for whole °F: the hub rounds to 0.5 °C).
     */
    static Double fahrenheit(String raw, double celsius) {
        String s = raw.toLowerCase(Locale.ROOT);
        String[] words = s.split("[^\\p{L}\\p{N}.]+");
        String last = words.length == 0 ? "" : words[words.length - 1];
        if (s.contains("celsius") || s.contains("centigrade") || s.contains("摄氏") || last.equals("c")) {
            return null;
        }
        Matcher digits = DIGITS.matcher(s);
        Double spoken = digits.find() ? Double.valueOf(digits.group()) : null;
        boolean said = s.contains("fahrenheit") || s.contains("华氏") || last.equals("f")
                || (spoken != null ? spoken >= 50 && spoken <= 90
                        : s.matches(".*\\b(fifty|sixty|seventy|eighty|ninety)\\b.*") || s.matches(".*[五六七八九]十.*"));
        if (!said) {
            return null;
        }
        return spoken != null ? spoken : (double) Math.round(celsius * 9 / 5 + 32);
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** "22 °C", "22 °C (72 °F)"; "22度", "22度（华氏72度）". */
    static String degrees(double celsius, Double fahrenheit, String lang) {
        if ("zh".equals(lang)) {
            return number(celsius) + "度" + (fahrenheit == null ? "" : "（华氏" + number(fahrenheit) + "度）");
        }
        return number(celsius) + " °C" + (fahrenheit == null ? "" : " (" + number(fahrenheit) + " °F)");
    }

    // ---- naming devices and groups ---------------------------------------------------------------------

    /** A room's name in a language; one the home does not know by its id ("living_room" → "living room"). */
    static String name(Room room, String id, String lang) {
        return room == null ? id.replace('_', ' ') : room.nameIn(lang);
    }

    /** "the air conditioner in the bedroom" / "卧室的空调"; the room only when the target came from a room. */
    static String one(Device d, Room room, String lang) {
        String name = d.nameIn(lang);
        if ("zh".equals(lang)) {
            String where = room == null ? "" : name(room, room.id(), lang);
            return where.isEmpty() || name.contains(where) ? name : where + "的" + name;
        }
        String where = room == null ? "" : name(room, room.id(), lang);
        return "the " + name + (where.isEmpty() || name.toLowerCase(Locale.ROOT).contains(where.toLowerCase(
                Locale.ROOT)) ? "" : " in the " + where);
    }

    /** "the air conditioner and the thermostat" / "空调和恒温器". */
    static String list(List<Device> ds, String lang) {
        List<String> names = new ArrayList<>();
        for (Device d : ds) {
            names.add(("zh".equals(lang) ? "" : "the ") + d.nameIn(lang));
        }
        if ("zh".equals(lang)) {
            return String.join("和", names);
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        String last = names.remove(names.size() - 1);
        return String.join(", ", names) + " and " + last;
    }

    /** "thermostats", "air conditioners", or both, for a count of several. */
    static String plural(List<Device> ds) {
        boolean heating = ds.stream().allMatch(d -> d.type() == DeviceType.THERMOSTAT);
        boolean cooling = ds.stream().allMatch(d -> d.type() == DeviceType.AIR_CONDITIONER);
        return heating ? "thermostats" : cooling ? "air conditioners" : "thermostats and air conditioners";
    }

    /** What a kind of device is called when there is none of it. */
    static String noun(Set<DeviceType> kind, String lang) {
        boolean zh = "zh".equals(lang);
        if (kind.equals(COOLING)) {
            return zh ? "空调" : "air conditioner";
        }
        if (kind.equals(HEATING)) {
            return zh ? "暖气或恒温器" : "heating or thermostat";
        }
        return zh ? "空调或恒温器" : "thermostat or air conditioner";
    }

    /** "Which one: the air conditioner in the bedroom or the air conditioner in the living room?" */
    static String which(Intent intent, List<Device> ds, Devices devices) {
        String lang = intent.lang();
        List<String> options = new ArrayList<>();
        for (Device d : ds) {
            Room room = d.room() == null ? null : devices.room(d.room()).orElse(null);
            options.add(one(d, room, lang));
        }
        if ("zh".equals(lang)) {
            return "哪一台：" + String.join("还是", options) + "？";
        }
        String last = options.remove(options.size() - 1);
        return "Which one: " + String.join(", ", options) + " or " + last + "?";
    }

    static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
