package io.glint.skill.car.internal;

import java.util.ArrayList;
import java.util.List;

import io.glint.api.device.Attributes;
import io.glint.api.device.Device;

/** Answers about a car's state, with units as people say them. */
final class Status {
    private static final String[] TIRES = {"tire_pressure_front_left", "tire_pressure_front_right",
        "tire_pressure_rear_left", "tire_pressure_rear_right"};
    private static final String[] TIRES_EN = {"front left", "front right", "rear left", "rear right"};
    private static final String[] TIRES_ZH = {"左前", "右前", "左后", "右后"};
    /** Below this a tyre is worth mentioning, kPa. */
    static final double LOW_TIRE_KPA = 210;

    private Status() {
    }

    /** {@code attribute}: battery, range, fuel, doors, windows, tires, charging, or null for a summary. */
    static String say(Device car, String attribute, String lang) {
        boolean zh = "zh".equals(lang);
        String name = Words.name(car, lang);
        String the = zh ? name : "The " + name;
        String a = attribute == null ? "" : attribute;
        return switch (a) {
            case "battery", "range", "fuel" -> energy(car, zh).map(e -> zh ? name + e + "。" : the + " has " + e + ".")
                    .orElse(zh ? name + "还没有报告电量。" : the + " hasn't reported its battery yet.");
            case "doors" -> doors(car, zh, the);
            case "windows" -> known(car.state("windows_open"), zh, the,
                    open -> zh ? (open ? "车窗开着。" : "车窗都关着。") : (open ? ": a window is open." : ": the windows are closed."));
            case "tires" -> tires(car, zh, the);
            case "charging" -> charging(car, zh, the);
            default -> summary(car, zh, the);
        };
    }

    /** "82 percent, about 310 kilometres of range" / "电量82%，还能跑大约310公里". */
    private static java.util.Optional<String> energy(Device car, boolean zh) {
        Object battery = car.state(Attributes.BATTERY);
        Object range = car.state("range_km");
        if (!(battery instanceof Number b)) {
            return java.util.Optional.empty();
        }
        int pct = (int) Math.round(b.doubleValue());
        if (zh) {
            return java.util.Optional.of("电量百分之" + pct + (range instanceof Number r
                    ? "，还能跑大约" + Math.round(r.doubleValue()) + "公里" : ""));
        }
        return java.util.Optional.of(pct + " percent" + (range instanceof Number r
                ? ", about " + Math.round(r.doubleValue()) + " kilometres of range" : " of battery"));
    }

    private static String doors(Device car, boolean zh, String the) {
        Object locked = car.state(Attributes.LOCKED);
        Object open = car.state("doors_open");
        if (!(locked instanceof Boolean) && !(open instanceof Boolean)) {
            return zh ? the + "还没有报告车门状态。" : the + " hasn't reported its doors yet.";
        }
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(open)) {
            parts.add(zh ? "有车门开着" : "a door is open");
        } else if (Boolean.FALSE.equals(open)) {
            parts.add(zh ? "车门都关着" : "the doors are closed");
        }
        if (locked instanceof Boolean l) {
            parts.add(zh ? (l ? "已上锁" : "没有上锁") : (l ? "locked" : "not locked"));
        }
        return zh ? the + String.join("，", parts) + "。" : the + ": " + String.join(" and ", parts) + ".";
    }

    private static String tires(Device car, boolean zh, String the) {
        List<String> low = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        int known = 0;
        for (int i = 0; i < TIRES.length; i++) {
            if (car.state(TIRES[i]) instanceof Number n) {
                known++;
                min = Math.min(min, n.doubleValue());
                max = Math.max(max, n.doubleValue());
                if (n.doubleValue() < LOW_TIRE_KPA) {
                    low.add((zh ? TIRES_ZH[i] : TIRES_EN[i]) + (zh ? "轮" : "") + " " + bar(n.doubleValue()) + (zh ? "巴" : " bar"));
                }
            }
        }
        if (known == 0) {
            return zh ? the + "还没有报告胎压。" : the + " hasn't reported its tyre pressures yet.";
        }
        String range = bar(min).equals(bar(max)) ? bar(min) : bar(min) + (zh ? "到" : " to ") + bar(max);
        if (!low.isEmpty()) {
            return zh ? the + "胎压偏低：" + String.join("，", low).replace(" ", "") + "。"
                    : the + "'s tyres are low: " + String.join(", ", low) + ".";
        }
        return zh ? the + "胎压正常，" + range + "巴。" : the + "'s tyres are fine, " + range + " bar.";
    }

    private static String bar(double kpa) {
        return String.format(java.util.Locale.ROOT, "%.1f", kpa / 100);
    }

    private static String charging(Device car, boolean zh, String the) {
        Object charging = car.state("charging");
        Object cable = car.state("charging_cable");
        String energy = energy(car, zh).orElse(null);
        if (Boolean.TRUE.equals(charging)) {
            return zh ? the + "正在充电" + (energy == null ? "" : "，" + energy) + "。"
                    : the + " is charging" + (energy == null ? "" : ", " + energy) + ".";
        }
        if (Boolean.FALSE.equals(charging)) {
            String plug = Boolean.TRUE.equals(cable) ? (zh ? "插着充电线但" : " plugged in but")
                    : (zh ? "" : "");
            return zh ? the + plug + "没有在充电" + (energy == null ? "" : "，" + energy) + "。"
                    : the + " is" + plug + " not charging" + (energy == null ? "" : ", " + energy) + ".";
        }
        return zh ? the + "还没有报告充电状态。" : the + " hasn't reported whether it is charging.";
    }

    private static String known(Object value, boolean zh, String the, java.util.function.Function<Boolean, String> say) {
        if (value instanceof Boolean b) {
            return the + say.apply(b);
        }
        return zh ? the + "还没有报告这个状态。" : the + " hasn't reported that yet.";
    }

    private static String summary(Device car, boolean zh, String the) {
        List<String> parts = new ArrayList<>();
        Object locked = car.state(Attributes.LOCKED);
        if (locked instanceof Boolean l) {
            parts.add(zh ? (l ? "已上锁" : "没有上锁") : (l ? "is locked" : "is unlocked"));
        }
        energy(car, zh).ifPresent(e -> parts.add(zh ? e : "has " + e));
        if (Boolean.TRUE.equals(car.state("charging"))) {
            parts.add(zh ? "正在充电" : "is charging");
        }
        if (Boolean.TRUE.equals(car.state("doors_open"))) {
            parts.add(zh ? "有车门开着" : "has a door open");
        }
        if (Boolean.TRUE.equals(car.state("windows_open"))) {
            parts.add(zh ? "车窗开着" : "has a window open");
        }
        if (Boolean.TRUE.equals(car.state("trunk_open"))) {
            parts.add(zh ? "后备箱开着" : "has the trunk open");
        }
        if (Boolean.TRUE.equals(car.state("climate"))) {
            parts.add(zh ? "空调开着" : "has the climate on");
        }
        if (parts.isEmpty()) {
            return zh ? the + "还没有报告状态。" : the + " hasn't reported anything yet.";
        }
        if (zh) {
            return the + String.join("，", parts) + "。";
        }
        String last = parts.remove(parts.size() - 1);
        return the + " " + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last) + ".";
    }

    /** The card's line: "82 % · 310 km · locked". */
    static String card(Device car) {
        List<String> parts = new ArrayList<>();
        if (car.state(Attributes.BATTERY) instanceof Number b) {
            parts.add(Math.round(b.doubleValue()) + " %");
        }
        if (car.state("range_km") instanceof Number r) {
            parts.add(Math.round(r.doubleValue()) + " km");
        }
        if (car.state(Attributes.LOCKED) instanceof Boolean l) {
            parts.add(l ? "locked" : "unlocked");
        }
        return String.join(" · ", parts);
    }
}
