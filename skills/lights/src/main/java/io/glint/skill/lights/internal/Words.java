package io.glint.skill.lights.internal;

import java.util.List;
import java.util.stream.Collectors;

import io.glint.api.device.Device;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.Card;
import io.glint.api.skill.Intent;

/** What the lights skill says, in English and Chinese. */
final class Words {
    private Words() {
    }

    /** One thing done to lights, said in both languages. */
    record Action(String enVerb, String zhVerb, String enTitle, String zhTitle) {
        String done(String what, String lang) {
            return "zh".equals(lang) ? "已" + zhVerb + what + "。" : capitalise(enVerb) + " " + what + ".";
        }

        String partial(int ok, int total, String lang) {
            return "zh".equals(lang) ? "已" + zhVerb + total + "盏灯中的" + ok + "盏"
                    : capitalise(enVerb) + " " + ok + " of " + total + " lights";
        }

        String title(String lang) {
            return "zh".equals(lang) ? zhTitle : enTitle;
        }
    }

    static final Action TURNED_ON = new Action("turned on", "打开", "Lights on", "开灯");
    static final Action TURNED_OFF = new Action("turned off", "关闭", "Lights off", "关灯");
    static final Action BRIGHTER = new Action("brightened", "调亮", "Brighter", "调亮");
    static final Action DIMMER = new Action("dimmed", "调暗", "Dimmer", "调暗");

    static Action setTo(int percent) {
        return new Action("set to " + percent + " %:", "把亮度调到百分之" + percent + "：", "Brightness " + percent + " %",
                "亮度 " + percent + "%");
    }

    static Action white(int kelvin) {
        boolean warm = kelvin < 4000;
        return new Action(warm ? "set to warm white:" : "set to cool white:", warm ? "调成暖光：" : "调成冷光：",
                warm ? "Warm white" : "Cool white", warm ? "暖光" : "冷光");
    }

    static Action colour(String css, String spoken) {
        return new Action("turned " + css + ":", "调成" + spoken + "：", "Colour " + css, "颜色 " + spoken);
    }

    static String say(Intent intent, String en, String zh) {
        return "zh".equals(intent.lang()) ? zh : en;
    }

    static String describe(LightsSkill.Targets t, String lang) {
        boolean zh = "zh".equals(lang);
        if (t.lights.size() == 1 && t.room == null && !t.wholeHome) {
            return zh ? name(t.lights.get(0), lang) : "the " + name(t.lights.get(0), lang);
        }
        if (t.room != null) {
            String room = name(t.room, t.room.id(), lang);
            if (zh) {
                return room + "的灯";
            }
            return t.lights.size() == 1 ? "the " + name(t.lights.get(0), lang) : "the " + room + " lights";
        }
        int n = t.lights.size();
        if (zh) {
            return "全部" + n + "盏灯";
        }
        return n == 1 ? "the " + name(t.lights.get(0), lang) : "all " + n + " lights";
    }

    static String name(Device d, String lang) {
        return "zh".equals(lang) ? chinese(d.aliases(), d.name()) : d.name();
    }

    static String name(Room room, String id, String lang) {
        if (room == null) {
            return id.replace('_', ' ');
        }
        return "zh".equals(lang) ? chinese(room.aliases(), room.name()) : room.name();
    }

    private static String chinese(List<String> aliases, String fallback) {
        return aliases.stream().filter(a -> a.codePoints().anyMatch(
                cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).findFirst().orElse(fallback);
    }

    /** "Which lamp: the bedside lamp in the bedroom or the floor lamp in the living room?" */
    static String which(Intent intent, List<Device> lights, Devices devices) {
        String lang = intent.lang();
        List<String> options = lights.stream().map(d -> {
            Room room = d.room() == null ? null : devices.room(d.room()).orElse(null);
            String where = d.room() == null ? "" : name(room, d.room(), lang);
            return "zh".equals(lang) ? where + "的" + name(d, lang) : "the " + name(d, lang)
                    + (where.isEmpty() ? "" : " in the " + where);
        }).collect(Collectors.toList());
        if ("zh".equals(lang)) {
            return "哪一盏：" + String.join("还是", options) + "？";
        }
        String last = options.remove(options.size() - 1);
        return "Which one: " + String.join(", ", options) + " or " + last + "?";
    }

    static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
