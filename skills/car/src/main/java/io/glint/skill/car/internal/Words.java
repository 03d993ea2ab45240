package io.glint.skill.car.internal;

import java.util.Locale;
import java.util.Set;

import io.glint.api.device.Device;
import io.glint.api.skill.Intent;

/** Saying things about cars in the wearer's language. */
final class Words {
    /** Words that mean "the car" without naming one. */
    private static final Set<String> GENERIC = Set.of("car", "the car", "my car", "vehicle", "the vehicle",
            "车", "汽车", "我的车", "车子", "爱车", "我的汽车");

    private Words() {
    }

    static String say(Intent intent, String en, String zh) {
        return "zh".equals(intent.lang()) ? zh : en;
    }

    static boolean generic(String raw) {
        return raw == null || raw.isBlank() || GENERIC.contains(raw.trim().toLowerCase(Locale.ROOT));
    }

    static String name(Device car, String lang) {
        String n = car.nameIn(lang);
        return "zh".equals(lang) && n.equals(car.name()) && n.equalsIgnoreCase("car") ? "车" : n;
    }

    /** "21 degrees" / "21度"; halves kept ("21.5"). */
    static String degrees(double celsius) {
        return number(celsius) + (Math.abs(celsius) == 1 ? " degree" : " degrees");
    }

    static String degreesZh(double celsius) {
        return number(celsius) + "度";
    }

    static String number(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    /** "about 310 kilometres" is said by the caller; this is "310 kilometres" / "1.2 kilometres" / "800 metres". */
    static String distance(double metres, String lang) {
        boolean zh = "zh".equals(lang);
        if (metres < 1000) {
            long m = Math.round(metres / 50) * 50;
            return zh ? m + "米" : m + " metres";
        }
        double km = metres < 10_000 ? Math.round(metres / 100) / 10.0 : Math.round(metres / 1000);
        return zh ? number(km) + "公里" : number(km) + (km == 1 ? " kilometre" : " kilometres");
    }
}
