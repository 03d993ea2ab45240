package io.glint.skill.phone.internal.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** Short phrases for the glasses: times, days and durations in English and Chinese. */
final class Say {
    private static final String[] ZH_WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private Say() {
    }

    static boolean zh(String lang) {
        return "zh".equals(lang);
    }

    /** "7:30 am", "7:30 am tomorrow", "9:00 am Friday", "9:00 am on 5 Dec"; "上午7:30", "明天上午7:30", "周五上午9:00". */
    static String when(Instant at, ZoneId zone, LocalDate today, String lang) {
        LocalDateTime t = LocalDateTime.ofInstant(at, zone);
        String day = day(t.toLocalDate(), today, lang);
        if (zh(lang)) {
            return day + clock(t, lang);
        }
        return day.isEmpty() ? clock(t, lang) : clock(t, lang) + " " + day;
    }

    /** The time of day alone. */
    static String clock(LocalDateTime t, String lang) {
        int h = t.getHour();
        int h12 = h % 12 == 0 ? 12 : h % 12;
        String hm = h12 + ":" + String.format("%02d", t.getMinute());
        if (zh(lang)) {
            String part = h < 5 ? "凌晨" : h < 12 ? "上午" : h < 13 ? "中午" : h < 18 ? "下午" : "晚上";
            return part + hm;
        }
        return hm + (h < 12 ? " am" : " pm");
    }

    /** "" for today, "tomorrow", "Friday" within a week, else "on 5 Dec"; Chinese likewise. */
    static String day(LocalDate d, LocalDate today, String lang) {
        long ahead = d.toEpochDay() - today.toEpochDay();
        if (ahead == 0) {
            return zh(lang) ? "今天" : "";
        }
        if (ahead == 1) {
            return zh(lang) ? "明天" : "tomorrow";
        }
        if (ahead == 2 && zh(lang)) {
            return "后天";
        }
        if (ahead > 1 && ahead < 7) {
            return zh(lang) ? ZH_WEEKDAYS[d.getDayOfWeek().getValue() - 1]
                    : d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        if (zh(lang)) {
            return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        return "on " + d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    /** A day named on its own: "today", "tomorrow", "Friday", "5 Dec". */
    static String dayAlone(LocalDate d, LocalDate today, String lang) {
        String s = day(d, today, lang);
        if (s.isEmpty()) {
            return "today";
        }
        return s.startsWith("on ") ? s.substring(3) : s;
    }

    /** "8 minutes", "1 hour 30 minutes", "45 seconds"; "8分钟", "1小时30分钟", "45秒". */
    static String duration(Duration d, String lang) {
        long total = Math.max(1, d.toSeconds());
        long h = total / 3600;
        long m = total % 3600 / 60;
        long s = total % 60;
        StringBuilder sb = new StringBuilder();
        if (zh(lang)) {
            if (h > 0) {
                sb.append(h).append("小时");
            }
            if (m > 0) {
                sb.append(m).append("分钟");
            }
            if (s > 0 && h == 0) {
                sb.append(s).append("秒");
            }
            return sb.toString();
        }
        if (h > 0) {
            sb.append(h).append(h == 1 ? " hour" : " hours");
        }
        if (m > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(m).append(m == 1 ? " minute" : " minutes");
        }
        if (s > 0 && h == 0) {
            sb.append(sb.length() > 0 ? " " : "").append(s).append(s == 1 ? " second" : " seconds");
        }
        return sb.toString();
    }

    /** "a, b and c" / "a、b和c". */
    static String list(List<String> items, String lang) {
        if (items.size() == 1) {
            return items.get(0);
        }
        String last = items.get(items.size() - 1);
        String head = String.join(zh(lang) ? "、" : ", ", items.subList(0, items.size() - 1));
        return head + (zh(lang) ? "和" : " and ") + last;
    }

    static String en(String lang, String en, String zh) {
        return zh(lang) ? zh : en;
    }
}
