package io.glint.skill.media.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.Card;
import io.glint.api.skill.Intent;

/** What the media skill says, in English and Chinese, and the few words it reads itself. */
final class Words {
    private Words() {
    }

    static String say(Intent intent, String en, String zh) {
        return zh(intent) ? zh : en;
    }

    static boolean zh(Intent intent) {
        return "zh".equals(intent.lang());
    }

    /** What to play when the wearer did not say: "play some music", "放音乐". */
    static String anything(String lang) {
        return "zh".equals(lang) ? "音乐" : "some music";
    }

    /** What the player is asked for: the words said, without a leading "some" / "a" that it cannot use. */
    static String query(String spoken) {
        String q = spoken.strip().replaceFirst("(?i)^(some|a bit of|a little|a few|a|an)\\s+", "");
        return q.isEmpty() ? spoken : q;
    }

    /**
     * The kind of device a generic word names when the home has no device called that ("the TV", "the speaker",
     * "音箱"); null for any player ("the music", "the sound") or for a real name.
     */
    static DeviceType kind(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceFirst("^(the|my) ", "").strip();
        if (s.matches("tv|telly|television|电视|电视机")) {
            return DeviceType.TV;
        }
        if (s.matches("speaker|smart speaker|音箱|音响|喇叭")) {
            return DeviceType.SPEAKER;
        }
        return null;
    }

    /** Whether a name the registry does not know is a generic word for a player or its sound. */
    static boolean generic(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceFirst("^(the|my) ", "").strip();
        return kind(raw) != null || s.matches("music|sound|audio|volume|音乐|声音|音量");
    }

    /** A room's name in a language; one the home does not know by its id ("living_room" → "living room"). */
    static String name(Room room, String id, String lang) {
        return room == null ? id.replace('_', ' ') : room.nameIn(lang);
    }

    /** "the TV" / "电视". */
    static String the(Device d, String lang) {
        return "zh".equals(lang) ? d.nameIn(lang) : "the " + d.nameIn(lang);
    }

    /** "Which one: the TV in the living room or the TV in the bedroom?" */
    static String which(Intent intent, List<Device> players, Devices devices) {
        String lang = intent.lang();
        List<String> options = new ArrayList<>();
        for (Device d : players) {
            Room room = d.room() == null ? null : devices.room(d.room()).orElse(null);
            String where = d.room() == null ? "" : name(room, d.room(), lang);
            if (d.nameIn(lang).toLowerCase(Locale.ROOT).contains(where.toLowerCase(Locale.ROOT))) {
                where = ""; // "the kitchen speaker", not "the kitchen speaker in the kitchen"
            }
            options.add("zh".equals(lang) ? where + (where.isEmpty() ? "" : "的") + d.nameIn(lang)
                    : "the " + d.nameIn(lang) + (where.isEmpty() ? "" : " in the " + where));
        }
        if ("zh".equals(lang)) {
            return "哪一个：" + String.join("还是", options) + "？";
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
