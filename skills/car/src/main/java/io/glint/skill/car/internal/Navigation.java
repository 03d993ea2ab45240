package io.glint.skill.car.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.Devices;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;

/**
 * car.navigate: a configured place sent to the car's navigation, and a route card for the glasses with the
 * straight-line distance and direction from where the car is, and a rough drive time.
 */
final class Navigation {
    /** Roads are longer than the straight line: a usual detour factor. */
    static final double ROAD_FACTOR = 1.3;
    /** Closer than this the car is already there, metres. */
    static final double ARRIVED_M = 200;

    private Navigation() {
    }

    static SkillResult navigate(Intent intent, Device car, Places places, Devices devices) {
        String lang = intent.lang();
        String name = Words.name(car, lang);
        Optional<String> words = intent.slot("destination").map(Slot::raw).filter(w -> !w.isBlank());
        if (words.isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                    "Where to? " + known(places, "en"), "去哪里？" + known(places, "zh")));
        }
        Optional<Places.Place> place = places.find(words.get());
        if (place.isEmpty()) {
            String problems = places.problems().isEmpty() ? ""
                    : Words.say(intent, " These entries could not be read: ", "这些设置读不懂：")
                            + String.join("; ", places.problems()) + ".";
            return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                    "I don't know where " + words.get() + " is. " + known(places, "en") + " To add a place, write"
                            + " place.NAME = latitude, longitude in conf/io.glint.skill.car.cfg.",
                    "我不知道" + words.get() + "在哪里。" + known(places, "zh") + "要添加地点，请在"
                            + "conf/io.glint.skill.car.cfg里写 place.名称 = 纬度, 经度。") + problems);
        }
        Places.Place to = place.get();
        if (!car.has(Capability.NAVIGATION)) {
            return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                    "The " + name + " can't take a destination from here.", name + "不支持远程设置导航。"));
        }
        Double lat = CarSkill.number(car.state("latitude"));
        Double lon = CarSkill.number(car.state("longitude"));
        String where = to.say(lang);
        if (lat != null && lon != null && Geo.distance(lat, lon, to.latitude(), to.longitude()) < ARRIVED_M) {
            return SkillResult.answer(Words.say(intent, "The " + name + " is already at " + article(where) + ".",
                    name + "已经在" + where + "了。"));
        }
        CommandResult r = devices.execute(car.id(), Command.navigate(to.key(), to.latitude(), to.longitude()));
        if (!r.ok()) {
            return CarSkill.failure(intent, car, r);
        }
        if (lat == null || lon == null) {
            return SkillResult.done(Words.say(intent, "The " + name + " is navigating to " + article(where) + ".",
                    name + "已导航到" + where + "。")).withCard(Card.of(title(where, lang)));
        }
        double metres = Geo.distance(lat, lon, to.latitude(), to.longitude());
        int direction = Geo.compass(lat, lon, to.latitude(), to.longitude());
        String far = Words.distance(metres, lang);
        String drive = minutes(driveMinutes(metres), lang);
        String card1 = Words.distance(metres, "en") + " " + Geo.EN[direction];
        String card2 = "~" + minutes(driveMinutes(metres), "en") + " drive";
        if ("zh".equals(lang)) {
            card1 = Geo.ZH[direction] + "方向 " + Words.distance(metres, "zh");
            card2 = "开车约" + drive;
        }
        return SkillResult.done(Words.say(intent,
                "The " + name + " is navigating to " + article(where) + ", about " + far + " to the "
                        + Geo.EN[direction] + ": roughly " + drive + " by car.",
                name + "已导航到" + where + "：在" + Geo.ZH[direction] + "方向约" + far + "，开车大约" + drive + "。"))
                .withCard(Card.of(title(where, lang), List.of(card1, card2)));
    }

    /** A rough drive time: the straight line times a detour factor, at a speed that grows with the distance. */
    static long driveMinutes(double metres) {
        double km = metres * ROAD_FACTOR / 1000;
        double kmh = km < 10 ? 30 : km < 50 ? 50 : 80;
        double minutes = km / kmh * 60;
        // "about 25 minutes", not "about 23": the figure is rough
        return minutes < 10 ? Math.max(1, Math.round(minutes)) : Math.round(minutes / 5) * 5;
    }

    private static String minutes(long minutes, String lang) {
        boolean zh = "zh".equals(lang);
        if (minutes < 60) {
            return zh ? minutes + "分钟" : minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long h = minutes / 60;
        long m = minutes % 60;
        if (zh) {
            return h + "小时" + (m == 0 ? "" : m + "分钟");
        }
        return h + (h == 1 ? " hour" : " hours") + (m == 0 ? "" : " " + m + " minutes");
    }

    private static String title(String where, String lang) {
        String t = "zh".equals(lang) ? "前往" + where : "Route to " + where;
        return t.length() > Card.MAX_LINE_LENGTH ? t.substring(0, Card.MAX_LINE_LENGTH) : t;
    }

    /** "home" and "work" go without "the"; other places with it. */
    private static String article(String where) {
        return where.equals("home") || where.equals("work") ? where : "the " + where;
    }

    private static String known(Places places, String lang) {
        List<Places.Place> all = places.all();
        if (all.isEmpty()) {
            return "zh".equals(lang) ? "现在还没有设置任何地点。" : "No places are set up yet.";
        }
        if ("zh".equals(lang)) {
            return "我知道的地点有：" + all.stream().map(p -> p.say("zh")).collect(Collectors.joining("、")) + "。";
        }
        List<String> names = all.stream().map(p -> article(p.say("en"))).toList();
        String list = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1))
                + " and " + names.get(names.size() - 1);
        return "I know " + list + ".";
    }
}
