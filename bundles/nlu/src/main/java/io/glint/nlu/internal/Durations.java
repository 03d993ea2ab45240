package io.glint.nlu.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lengths of time as people say them: "10 minutes", "an hour and a half", "90 seconds", "1.5 hours",
 * "two hours and 20 minutes", "十分钟", "半小时", "一个半小时", "一小时二十分钟", "三十秒". The value is a
 * {@link Duration}, which the slot carries as ISO-8601 ({@code PT1H30M}).
 */
public final class Durations {
    /** Longer than this is not a timer or a delay anyone sets by voice. */
    static final Duration MAX = Duration.ofDays(31);

    private static final Map<String, Duration> EN_UNITS = Map.ofEntries(Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("secs", Duration.ofSeconds(1)), Map.entry("s", Duration.ofSeconds(1)),
            Map.entry("minute", Duration.ofMinutes(1)), Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("min", Duration.ofMinutes(1)), Map.entry("mins", Duration.ofMinutes(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)), Map.entry("hr", Duration.ofHours(1)),
            Map.entry("hrs", Duration.ofHours(1)), Map.entry("h", Duration.ofHours(1)),
            Map.entry("day", Duration.ofDays(1)), Map.entry("days", Duration.ofDays(1)));
    private static final Map<String, Integer> FEW = Map.of("a", 1, "an", 1, "couple", 2, "few", 3);
    /** "10min", "2h", "90s": a number glued to its unit. */
    private static final Pattern GLUED = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-z]+)");
    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)");

    private static final String ZH_NUM = "[零〇一二两三四五六七八九十百\\d]+(?:点[零一二三四五六七八九\\d]+)?";
    private static final Pattern ZH_PART = Pattern.compile("(?:(" + ZH_NUM + ")个?半|(" + ZH_NUM + ")个?|(半)个?)"
            + "(小时|钟头|钟|分钟|分|秒钟|秒|天)(半钟?)?");
    private static final Pattern ZH_QUARTER = Pattern.compile("(一|三)刻钟");

    private Durations() {
    }

    /** The duration the tokens say, or null when they say something else. Never throws. */
    public static Duration parse(List<String> tokens, int from, int to) {
        try {
            if (from >= to) {
                return null;
            }
            Duration d = Text.isHan(tokens.get(from).codePointAt(0)) || Text.isHan(tokens.get(to - 1).codePointAt(0))
                    ? chinese(join(tokens, from, to))
                    : english(expand(tokens, from, to));
            return d == null || d.isZero() || d.isNegative() || d.compareTo(MAX) > 0 ? null : d;
        } catch (RuntimeException e) {
            return null; // an odd span is simply not a duration
        }
    }

    public static Duration parse(List<String> tokens) {
        return parse(tokens, 0, tokens.size());
    }

    /** Chinese text with digit runs kept apart by a colon, as {@link Times} expects it too. */
    static String join(List<String> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            if (i > from && Character.isDigit(t.charAt(0)) && Character.isDigit(tokens.get(i - 1).charAt(0))) {
                sb.append(':');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    static List<String> expand(List<String> tokens, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            Matcher m = GLUED.matcher(t);
            if (m.matches() && !ORDINAL.matcher(t).matches()) {
                out.add(m.group(1));
                out.add(m.group(2));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Parts like "two hours", "and a half", "half an hour", "a quarter of an hour", joined by "and" or nothing. */
    static Duration english(List<String> t) {
        int i = 0;
        if (i < t.size() && t.get(i).equals("for")) {
            i++;
        }
        Duration total = Duration.ZERO;
        boolean any = false;
        while (i < t.size()) {
            if (any && t.get(i).equals("and") && i + 1 < t.size()) {
                i++;
                // "an hour and a half": half of the unit just said
                if (i + 1 < t.size() && t.get(i).equals("a") && t.get(i + 1).equals("half") && i + 2 == t.size()) {
                    return total.plus(lastUnit(t, i - 1).dividedBy(2));
                }
            }
            int[] next = {i};
            Duration part = englishPart(t, next);
            if (part == null) {
                return null;
            }
            total = total.plus(part);
            any = true;
            i = next[0];
        }
        return any ? total : null;
    }

    private static Duration lastUnit(List<String> t, int before) {
        for (int k = before; k >= 0; k--) {
            Duration u = EN_UNITS.get(t.get(k));
            if (u != null) {
                return u;
            }
        }
        return Duration.ZERO;
    }

    private static Duration englishPart(List<String> t, int[] pos) {
        int i = pos[0];
        // "half an hour", "half a minute", "a half hour"
        if (t.get(i).equals("a") && i + 1 < t.size() && t.get(i + 1).equals("half")) {
            i++;
        }
        if (t.get(i).equals("half")) {
            int j = i + 1;
            if (j < t.size() && (t.get(j).equals("an") || t.get(j).equals("a"))) {
                j++;
            }
            Duration u = j < t.size() ? EN_UNITS.get(t.get(j)) : null;
            if (u == null) {
                return null;
            }
            pos[0] = j + 1;
            return u.dividedBy(2);
        }
        // "a quarter of an hour", "quarter hour", "three quarters of an hour"
        int q = i;
        double quarters = 0;
        if (t.get(q).equals("a") && q + 1 < t.size() && t.get(q + 1).equals("quarter")) {
            quarters = 1;
            q += 2;
        } else if (t.get(q).equals("quarter")) {
            quarters = 1;
            q += 1;
        } else if (q + 1 < t.size() && t.get(q + 1).equals("quarters")) {
            Double n = Numbers.parse(t, q, q + 1);
            quarters = n == null ? 0 : n;
            q += 2;
        }
        if (quarters > 0) {
            if (q < t.size() && t.get(q).equals("of")) {
                q++;
            }
            if (q < t.size() && (t.get(q).equals("an") || t.get(q).equals("a"))) {
                q++;
            }
            if (q < t.size() && (t.get(q).equals("hour") || t.get(q).equals("hr"))) {
                pos[0] = q + 1;
                return Duration.ofMinutes(Math.round(15 * quarters));
            }
            return null;
        }
        // a number (1 to 4 words, or digits), then "and a half"? then the unit
        Double n = null;
        int j = i;
        if (FEW.containsKey(t.get(i))) {
            j = i + 1;
            if (j < t.size() && (t.get(i).equals("a")) && (t.get(j).equals("couple") || t.get(j).equals("few"))) {
                n = (double) FEW.get(t.get(j));
                j++;
                if (j < t.size() && t.get(j).equals("of")) {
                    j++;
                }
            } else {
                n = (double) FEW.get(t.get(i));
                if (t.get(i).equals("couple") && j < t.size() && t.get(j).equals("of")) {
                    j++;
                }
            }
        } else {
            for (int len = Math.min(4, t.size() - i); len >= 1; len--) {
                Double v = Numbers.parse(t, i, i + len);
                if (v != null && i + len < t.size() && unitAhead(t, i + len)) {
                    n = v;
                    j = i + len;
                    break;
                }
            }
        }
        if (n == null) {
            return null;
        }
        // "one and a half hours"
        if (j + 3 < t.size() && t.get(j).equals("and") && t.get(j + 1).equals("a") && t.get(j + 2).equals("half")) {
            n += 0.5;
            j += 3;
        }
        Duration u = j < t.size() ? EN_UNITS.get(t.get(j)) : null;
        if (u == null) {
            return null;
        }
        pos[0] = j + 1;
        return Duration.ofMillis(Math.round(n * u.toMillis()));
    }

    private static boolean unitAhead(List<String> t, int j) {
        if (EN_UNITS.containsKey(t.get(j))) {
            return true;
        }
        return j + 3 < t.size() && t.get(j).equals("and") && t.get(j + 1).equals("a") && t.get(j + 2).equals("half")
                && EN_UNITS.containsKey(t.get(j + 3));
    }

    /** "十分钟", "半小时", "一个半小时", "一小时二十分钟", "一分半钟", "一刻钟", "90秒". */
    static Duration chinese(String s) {
        int i = 0;
        Duration total = Duration.ZERO;
        boolean any = false;
        String lastUnit = null;
        while (i < s.length()) {
            if (any && s.charAt(i) == '零') {
                i++;
                continue;
            }
            Matcher q = ZH_QUARTER.matcher(s).region(i, s.length());
            if (q.lookingAt()) {
                total = total.plusMinutes(q.group(1).equals("一") ? 15 : 45);
                i = q.end();
                any = true;
                continue;
            }
            Matcher m = ZH_PART.matcher(s).region(i, s.length());
            if (m.lookingAt()) {
                double n;
                if (m.group(1) != null) {
                    n = zhNumber(m.group(1)) + 0.5;
                } else if (m.group(2) != null) {
                    n = zhNumber(m.group(2));
                } else {
                    n = 0.5;
                }
                if (m.group(5) != null) {
                    n += 0.5; // 一分半钟 is read as 一分 + 半 (钟 optional)
                }
                Duration unit = zhUnit(m.group(4));
                total = total.plusMillis(Math.round(n * unit.toMillis()));
                lastUnit = m.group(4);
                i = m.end();
                any = true;
                continue;
            }
            // "一小时二十": the minutes after hours need no unit; "三分二十" the seconds after minutes
            if (any && lastUnit != null) {
                String rest = s.substring(i);
                Double v = Numbers.chinese(rest);
                if (v == null && Numbers.DIGITS.matcher(rest).matches()) {
                    v = Double.valueOf(rest);
                }
                if (v != null) {
                    Duration next = lastUnit.equals("小时") || lastUnit.equals("钟头") ? Duration.ofMinutes(1)
                            : lastUnit.startsWith("分") ? Duration.ofSeconds(1) : null;
                    if (next != null && v < 60) {
                        return total.plusMillis(Math.round(v * next.toMillis()));
                    }
                }
            }
            return null;
        }
        return any ? total : null;
    }

    private static double zhNumber(String s) {
        if (Numbers.DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        Double v = Numbers.chinese(s);
        if (v == null) {
            throw new IllegalArgumentException(s);
        }
        return v;
    }

    private static Duration zhUnit(String unit) {
        switch (unit) {
            case "小时":
            case "钟头":
            case "钟":
                return Duration.ofHours(1);
            case "分钟":
            case "分":
                return Duration.ofMinutes(1);
            case "天":
                return Duration.ofDays(1);
            default:
                return Duration.ofSeconds(1);
        }
    }
}
