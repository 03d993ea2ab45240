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

    /**
     * One thing done to lights, in both languages. {@code en}/{@code zh} take the lights' description (%s);
     * {@code enPartial}/{@code zhPartial} take how many did it and how many were asked (%1$d of %2$d).
     */
    record Action(String en, String zh, String enPartial, String zhPartial, String enTitle, String zhTitle) {
        String done(String what, String lang) {
            return "zh".equals(lang) ? String.format(zh, what) : capitalise(String.format(en, what));
        }

        String partial(int ok, int total, String lang) {
            return String.format("zh".equals(lang) ? zhPartial : enPartial, ok, total);
        }

        String title(String lang) {
            return "zh".equals(lang) ? zhTitle : enTitle;
        }
    }

    static final Action TURNED_ON = new Action("Turned on %s.", "已打开%s。", "Turned on %1$d of %2$d lights",
            "已打开%2$d盏灯中的%1$d盏", "Lights on", "开灯");
    static final Action TURNED_OFF = new Action("Turned off %s.", "已关闭%s。", "Turned off %1$d of %2$d lights",
            "已关闭%2$d盏灯中的%1$d盏", "Lights off", "关灯");
    static final Action BRIGHTER = new Action("Brightened %s.", "已调亮%s。", "Brightened %1$d of %2$d lights",
            "已调亮%2$d盏灯中的%1$d盏", "Brighter", "调亮");
    static final Action DIMMER = new Action("Dimmed %s.", "已调暗%s。", "Dimmed %1$d of %2$d lights",
            "已调暗%2$d盏灯中的%1$d盏", "Dimmer", "调暗");

    static Action setTo(int percent) {
        return new Action("Set %s to " + percent + " %%.", "已把%s调到" + percent + "%%。",
                "Set %1$d of %2$d lights to " + percent + " %%", "已把%2$d盏灯中的%1$d盏调到" + percent + "%%",
                "Brightness " + percent + " %", "亮度 " + percent + "%");
    }

    static Action white(int kelvin) {
        String en = kelvin < 4000 ? "warm white" : "cool white";
        String zh = kelvin < 4000 ? "暖光" : "冷光";
        return new Action("Set %s to " + en + ".", "已把%s调成" + zh + "。", "Set %1$d of %2$d lights to " + en,
                "已把%2$d盏灯中的%1$d盏调成" + zh, capitalise(en), zh);
    }

    static Action colour(String css, String spoken) {
        return new Action("Turned %s " + css + ".", "已把%s调成" + spoken + "。", "Turned %1$d of %2$d lights " + css,
                "已把%2$d盏灯中的%1$d盏调成" + spoken, "Colour: " + css, "颜色：" + spoken);
    }

    static String say(Intent intent, String en, String zh) {
        return "zh".equals(intent.lang()) ? zh : en;
    }

    static String describe(LightsSkill.Targets t, String lang) {
        boolean zh = "zh".equals(lang);
        if (t.lights.size() == 1 && t.room == null && !t.wholeHome) {
            return zh ? t.lights.get(0).nameIn(lang) : "the " + t.lights.get(0).nameIn(lang);
        }
        if (t.room != null) {
            String room = name(t.room, t.room.id(), lang);
            if (zh) {
                return room + "的灯";
            }
            return t.lights.size() == 1 ? "the " + t.lights.get(0).nameIn(lang) : "the " + room + " lights";
        }
        int n = t.lights.size();
        if (zh) {
            return "全部" + n + "盏灯";
        }
        return n == 1 ? "the " + t.lights.get(0).nameIn(lang) : "all " + n + " lights";
    }

    /** A room's name in a language; one the home does not know by its id ("living_room" → "living room"). */
    static String name(Room room, String id, String lang) {
        return room == null ? id.replace('_', ' ') : room.nameIn(lang);
    }

    /** "Which lamp: the bedside lamp in the bedroom or the floor lamp in the living room?" */
    static String which(Intent intent, List<Device> lights, Devices devices) {
        String lang = intent.lang();
        List<String> options = lights.stream().map(d -> {
            Room room = d.room() == null ? null : devices.room(d.room()).orElse(null);
            String where = d.room() == null ? "" : name(room, d.room(), lang);
            return "zh".equals(lang) ? where + "的" + d.nameIn(lang) : "the " + d.nameIn(lang)
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

    static String capitalised(String s) {
        return capitalise(s);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
