package io.glint.nlu.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times and days as people say them, resolved against now in the hub's time zone: "at 7", "7:30 am",
 * "half past six", "noon", "tomorrow at 8", "Friday morning", "tonight", "in 20 minutes", "June 3rd",
 * "明天早上七点", "七点半", "下午三点一刻", "周五晚上", "后天", "十分钟后".
 *
 * <p>The value is ISO-8601 in one of three shapes: a date-time ({@code 2026-11-22T07:30}) when a clock time was
 * said or follows from what was said; a date ({@code 2026-11-22}) for a day alone; an interval
 * ({@code 2026-11-22T18:00/2026-11-22T22:00}) for a part of a day without a clock time ("tonight", "周五上午").
 *
 * <p>An hour without am/pm or a part of the day is the next time the clock shows it ("at 7" at 9 am is 7 pm); on
 * another day, 6 to 11 are mornings and 1 to 5 afternoons. A bare number ("7") is a time only where a time is
 * expected: at the start of the utterance or after "at", "for", "until", "by", "to", "around".
 */
public final class Times {
    private static volatile Clock clock = Clock.systemDefaultZone();

    /** Parts of a day: the interval a part alone stands for, and how it makes an hour am or pm. */
    enum Part {
        EARLY(0, 6), MORNING(6, 12), NOON(11, 14), AFTERNOON(12, 18), EVENING(18, 22), NIGHT(20, 24);

        final int start;
        final int end;

        Part(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    private static final Set<String> FILLERS = Set.of("at", "on", "for", "by", "around", "about", "this", "the",
            "of", "until", "till", "til", "to", "before", "approximately", "exactly", "sharp", "o", "in");
    /** Words after which a bare number is a clock time ("alarm for 7", "wake me at 7"). */
    private static final Set<String> BARE_OK_AFTER = Set.of("at", "for", "to", "till", "until", "by", "around",
            "about", "alarm", "before", "after");
    private static final Set<String> RELATIONS = Set.of("past", "after", "to", "before", "til", "till");
    private static final Map<String, Integer> EN_ORDINALS = new HashMap<>();
    private static final Map<String, DayOfWeek> EN_DAYS = new HashMap<>();
    private static final Map<String, Integer> EN_MONTHS = new HashMap<>();
    private static final Map<String, Part> EN_PARTS = Map.of("morning", Part.MORNING, "afternoon", Part.AFTERNOON,
            "evening", Part.EVENING, "night", Part.NIGHT, "tonight", Part.NIGHT, "tonite", Part.NIGHT,
            "lunchtime", Part.NOON, "dawn", Part.EARLY);

    static {
        String[] ord = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth", "twentieth"};
        for (int i = 0; i < ord.length; i++) {
            EN_ORDINALS.put(ord[i], i + 1);
        }
        EN_ORDINALS.put("thirtieth", 30);
        String[] days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        String[][] shortDays = {{"mon"}, {"tue", "tues"}, {"wed"}, {"thu", "thur", "thurs"}, {"fri"}, {}, {}};
        for (int i = 0; i < 7; i++) {
            DayOfWeek d = DayOfWeek.of(i + 1);
            EN_DAYS.put(days[i], d);
            EN_DAYS.put(days[i] + "s", d);
            for (String s : shortDays[i]) {
                EN_DAYS.put(s, d);
            }
        }
        String[] months = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        for (int i = 0; i < 12; i++) {
            EN_MONTHS.put(months[i], i + 1);
            if (months[i].length() > 4) {
                EN_MONTHS.put(months[i].substring(0, 3), i + 1);
            }
        }
        EN_MONTHS.put("sept", 9);
    }

    private Times() {
    }

    /** The clock "now" is read from; the hub's time zone is its zone. Tests set a fixed one. */
    public static void useClock(Clock c) {
        clock = c;
    }

    public static Clock clock() {
        return clock;
    }

    /** The ISO value of the time the tokens say, relative to now; null when they say something else. Never throws. */
    public static String parse(List<String> tokens, int from, int to) {
        return parse(tokens, from, to, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    static String parse(List<String> tokens, int from, int to, LocalDateTime now) {
        try {
            if (from >= to) {
                return null;
            }
            boolean zh = Text.isHan(tokens.get(from).codePointAt(0)) || Text.isHan(tokens.get(to - 1).codePointAt(0));
            Said said = zh ? chinese(Durations.join(tokens, from, to), now)
                    : english(expand(tokens, from, to), now);
            if (said == null) {
                return null;
            }
            if (said.bare && from > 0 && !BARE_OK_AFTER.contains(tokens.get(from - 1))) {
                return null; // "buy 2": a number, not a time
            }
            return resolve(said, now);
        } catch (RuntimeException e) {
            return null; // a span that is not a time; understanding never fails on it
        }
    }

    /** What the words said, before it is put on the calendar. */
    static final class Said {
        LocalDate date;
        DayOfWeek weekday;
        int weekdayWeeksAhead = -1; // -1: the next one; 0: this week's; 1: next week's (下周五)
        Part part;
        Integer hour;
        int minute;
        Boolean pm;
        boolean midnight;
        Duration relative;
        boolean bare = true;
        boolean any;
    }

    private static List<String> expand(List<String> tokens, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            Matcher m;
            if ((m = CLOCK_AMPM.matcher(t)).matches()) {
                out.add(m.group(1));
                out.add(m.group(2).startsWith("a") ? "am" : "pm");
            } else if ((m = CLOCK_DOT.matcher(t)).matches()) {
                out.add(m.group(1)); // 6.30
                out.add(m.group(2));
            } else if ((t.equals("m") || t.equals("m.")) && !out.isEmpty()
                    && (out.get(out.size() - 1).equals("a") || out.get(out.size() - 1).equals("p"))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "m"); // "a.m."
            } else if (t.equals("tmrw") || t.equals("tmr") || t.equals("tomorow") || t.equals("tommorow")) {
                out.add("tomorrow");
            } else if (t.equals("clock") && !out.isEmpty() && out.get(out.size() - 1).equals("o")) {
                out.set(out.size() - 1, "oclock");
            } else {
                out.addAll(Durations.expand(tokens, i, i + 1));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- English

    static Said english(List<String> t, LocalDateTime now) {
        Said s = new Said();
        int i = 0;
        boolean lastFiller = false;
        while (i < t.size()) {
            int j;
            if ((j = enRelative(t, i, s)) > i || (j = enDay(t, i, s, now.toLocalDate())) > i
                    || (j = enPart(t, i, s)) > i || (j = enClock(t, i, s)) > i) {
                lastFiller = false;
                s.any = true;
            } else if (FILLERS.contains(t.get(i)) || t.get(i).equals("and")) {
                if (t.get(i).equals("at") || t.get(i).equals("by")) {
                    s.bare = false;
                }
                j = i + 1;
                lastFiller = true;
            } else {
                return null;
            }
            i = j;
        }
        return s.any && !lastFiller ? s : null;
    }

    private static int enRelative(List<String> t, int i, Said s) {
        if (t.get(i).equals("in") || t.get(i).equals("within")) {
            Duration d = durationPrefix(t, i + 1, t.size());
            if (d != null && s.relative == null) {
                s.relative = d;
                s.bare = false;
                return t.size();
            }
            return i;
        }
        // "20 minutes from now", "an hour later"
        for (int end = t.size(); end > i; end--) {
            int k = end;
            if (k - i >= 3 && t.get(k - 2).equals("from") && t.get(k - 1).equals("now")) {
                k -= 2;
            } else if (k - i >= 2 && t.get(k - 1).equals("later")) {
                k -= 1;
            } else {
                continue;
            }
            Duration d = Durations.english(t.subList(i, k));
            if (d != null && s.relative == null) {
                s.relative = d;
                s.bare = false;
                return end;
            }
        }
        return i;
    }

    private static Duration durationPrefix(List<String> t, int from, int to) {
        Duration d = Durations.english(t.subList(from, to));
        return d == null || d.isZero() || d.compareTo(Durations.MAX) > 0 ? null : d;
    }

    private static int enDay(List<String> t, int i, Said s, LocalDate today) {
        String w = t.get(i);
        if (w.equals("today")) {
            return setDate(s, today, i + 1);
        }
        if (w.equals("tonight") || w.equals("tonite")) {
            if (s.part != null) {
                return i;
            }
            s.part = Part.NIGHT;
            return setDate(s, today, i + 1);
        }
        if (w.equals("tomorrow")) {
            return setDate(s, today.plusDays(1), i + 1);
        }
        if (w.equals("day") && i + 2 < t.size() && t.get(i + 1).equals("after") && t.get(i + 2).equals("tomorrow")) {
            return setDate(s, today.plusDays(2), i + 3);
        }
        if (w.equals("weekend") && s.date == null && s.weekday == null) {
            s.weekday = DayOfWeek.SATURDAY;
            s.bare = false;
            return i + 1;
        }
        int k = i;
        int ahead = -1;
        if (w.equals("next") && i + 1 < t.size()) {
            ahead = 1;
            k++;
        } else if (w.equals("coming") && i + 1 < t.size()) {
            k++;
        }
        if (EN_DAYS.containsKey(t.get(k))) {
            if (s.weekday != null || s.date != null) {
                return i;
            }
            s.weekday = EN_DAYS.get(t.get(k));
            s.weekdayWeeksAhead = ahead == 1 ? -2 : -1; // "next friday": the next one that is not today
            s.bare = false;
            return k + 1;
        }
        // "june 3", "june 3rd", "june the third", "3rd of june", "the 3rd"
        Integer month = EN_MONTHS.get(w);
        if (month != null && i + 1 < t.size()) {
            int j = i + 1;
            if (t.get(j).equals("the") && j + 1 < t.size()) {
                j++;
            }
            int[] day = dayOfMonth(t, j, true);
            if (day != null) {
                return setMonthDay(s, month, day[0], j + day[1]);
            }
            return i;
        }
        int[] day = dayOfMonth(t, i, false);
        if (day != null) {
            int j = i + day[1];
            if (j + 1 < t.size() && t.get(j).equals("of") && EN_MONTHS.containsKey(t.get(j + 1))) {
                return setMonthDay(s, EN_MONTHS.get(t.get(j + 1)), day[0], j + 2);
            }
            if (j < t.size() && EN_MONTHS.containsKey(t.get(j))) {
                return setMonthDay(s, EN_MONTHS.get(t.get(j)), day[0], j + 1);
            }
            if (isOrdinal(t, i) && i > 0 && t.get(i - 1).equals("the")) {
                return setMonthDay(s, 0, day[0], j); // "on the 5th": this month or the next
            }
        }
        return i;
    }

    private static boolean isOrdinal(List<String> t, int i) {
        String w = t.get(i);
        return ORDINAL_DIGITS.matcher(w).matches() || EN_ORDINALS.containsKey(w)
                || (i + 1 < t.size() && EN_ORDINALS.containsKey(t.get(i + 1)) && Numbers.parse(t, i, i + 1) != null);
    }

    /** {day, tokens used} for "3", "3rd", "third", "twenty third"; null otherwise. */
    private static int[] dayOfMonth(List<String> t, int i, boolean plainNumberOk) {
        String w = t.get(i);
        Matcher m = DAY_DIGITS.matcher(w);
        if (m.matches() && (plainNumberOk || m.group(2) != null)) {
            return new int[] {Integer.parseInt(m.group(1)), 1};
        }
        if (EN_ORDINALS.containsKey(w)) {
            return new int[] {EN_ORDINALS.get(w), 1};
        }
        if ((w.equals("twenty") || w.equals("thirty")) && i + 1 < t.size() && EN_ORDINALS.containsKey(t.get(i + 1))
                && EN_ORDINALS.get(t.get(i + 1)) < 10) {
            return new int[] {(w.equals("twenty") ? 20 : 30) + EN_ORDINALS.get(t.get(i + 1)), 2};
        }
        if (plainNumberOk) {
            for (int len = Math.min(2, t.size() - i); len >= 1; len--) {
                Double v = Numbers.parse(t, i, i + len);
                if (v != null && v >= 1 && v <= 31 && v == Math.rint(v)) {
                    return new int[] {v.intValue(), len};
                }
            }
        }
        return null;
    }

    private static int setDate(Said s, LocalDate d, int next) {
        if (s.date != null || s.weekday != null) {
            return -1;
        }
        s.date = d;
        s.bare = false;
        return next;
    }

    /** month 0: the next time the month has that day. */
    private static int setMonthDay(Said s, int month, int day, int next) {
        if (s.date != null || s.weekday != null || day < 1 || day > 31) {
            return -1;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate d = null;
        for (int k = 0; k < 14 && d == null; k++) {
            LocalDate base = today.plusMonths(month == 0 ? k : 0).plusYears(month == 0 ? 0 : k);
            try {
                LocalDate c = LocalDate.of(base.getYear(), month == 0 ? base.getMonthValue() : month, day);
                if (!c.isBefore(today)) {
                    d = c;
                }
            } catch (DateTimeException e) {
                if (month != 0 && k > 4) {
                    return -1; // February 30th
                }
            }
        }
        if (d == null) {
            return -1;
        }
        s.date = d;
        s.bare = false;
        return next;
    }

    private static int enPart(List<String> t, int i, Said s) {
        String w = t.get(i);
        if (w.equals("noon") || w.equals("midday")) {
            return setClock(s, 12, 0, false, i + 1);
        }
        if (w.equals("midnight")) {
            int r = setClock(s, 0, 0, false, i + 1);
            s.midnight = true;
            return r;
        }
        int k = i;
        if ((w.equals("in") || w.equals("this") || w.equals("at") || w.equals("early") || w.equals("late"))
                && i + 1 < t.size()) {
            k++;
            if (t.get(k).equals("the") && k + 1 < t.size()) {
                k++;
            }
        }
        Part p = EN_PARTS.get(t.get(k));
        if (p == null || s.part != null && !(s.part == Part.NIGHT && p == Part.NIGHT)) {
            return i;
        }
        if (t.get(k).startsWith("toni")) {
            if (s.date != null) {
                return i;
            }
            s.date = LocalDate.now(clock);
        }
        s.part = p;
        s.bare = false;
        return k + 1;
    }

    private static int enClock(List<String> t, int i, Said s) {
        String w = t.get(i);
        // "half past six", "quarter to seven", "ten past six", "20 minutes to 7"; k: the last word of the minutes
        int k = -1;
        int past = 0;
        if (w.equals("half")) {
            past = 30;
            k = i;
        } else if (w.equals("quarter")) {
            past = 15;
            k = i;
        } else if (w.equals("a") && i + 1 < t.size() && t.get(i + 1).equals("quarter")) {
            past = 15;
            k = i + 1;
        } else {
            for (int len = Math.min(2, t.size() - i); len >= 1 && k < 0; len--) {
                Double v = Numbers.parse(t, i, i + len);
                int after = i + len;
                if (after < t.size() && (t.get(after).equals("minutes") || t.get(after).equals("minute")
                        || t.get(after).equals("mins"))) {
                    after++;
                }
                if (v != null && v >= 1 && v < 60 && v == Math.rint(v) && after < t.size()
                        && RELATIONS.contains(t.get(after))) {
                    past = v.intValue();
                    k = after - 1;
                }
            }
        }
        if (k >= 0 && k + 2 < t.size() && RELATIONS.contains(t.get(k + 1))) {
            boolean to = !t.get(k + 1).equals("past") && !t.get(k + 1).equals("after");
            int[] h = hour(t, k + 2);
            if (h == null || h[0] > 12 || to && past == 30) {
                return i;
            }
            int hh = h[0];
            int mm = past;
            if (to) {
                hh = h[0] - 1 <= 0 ? h[0] + 11 : h[0] - 1;
                mm = 60 - past;
            }
            int r = setClock(s, hh, mm, true, k + 2 + h[1]);
            return suffix(t, r, s);
        }
        if (k >= 0 && (w.equals("half") || w.equals("quarter") || w.equals("a"))) {
            return i;
        }
        int[] h = hour(t, i);
        if (h == null) {
            return i;
        }
        int j = i + h[1];
        int minute = 0;
        boolean said = false;
        // "seven thirty", "7 30", "six oh five", "seven fifteen"
        if (j < t.size() && (t.get(j).equals("oh") || t.get(j).equals("o")) && j + 1 < t.size()) {
            Double v = Numbers.parse(t, j + 1, j + 2);
            if (v != null && v >= 1 && v <= 9) {
                minute = v.intValue();
                j += 2;
                said = true;
            }
        }
        if (!said) {
            for (int len = Math.min(2, t.size() - j); len >= 1; len--) {
                if (j + len > t.size()) {
                    continue;
                }
                Double v = Numbers.parse(t, j, j + len);
                boolean digits = TWO_DIGITS.matcher(t.get(j)).matches();
                if (v != null && v >= 0 && v < 60 && v == Math.rint(v) && (digits || v >= 10)
                        && (j + len == t.size() || !Durations.expand(t, j + len, j + len + 1).stream()
                                .anyMatch(u -> u.startsWith("minute") || u.startsWith("hour")))) {
                    minute = v.intValue();
                    j += len;
                    said = true;
                    break;
                }
            }
        }
        int r = setClock(s, h[0], minute, said, j);
        return suffix(t, r, s);
    }

    /** am / pm / o'clock after a clock time. */
    private static int suffix(List<String> t, int j, Said s) {
        if (j < 0) {
            return j;
        }
        if (j < t.size() && (t.get(j).equals("oclock") || t.get(j).equals("sharp"))) {
            s.bare = false;
            j++;
        }
        if (j < t.size() && (t.get(j).equals("am") || t.get(j).equals("pm"))) {
            s.pm = t.get(j).equals("pm");
            s.bare = false;
            j++;
        }
        return j;
    }

    /** {hour, tokens used} for "7", "seven", "19", "twenty one". */
    private static int[] hour(List<String> t, int i) {
        for (int len = Math.min(2, t.size() - i); len >= 1; len--) {
            if (len == 2 && !(t.get(i).equals("twenty"))) {
                continue;
            }
            Double v = Numbers.parse(t, i, i + len);
            if (v != null && v >= 0 && v <= 24 && v == Math.rint(v) && !t.get(i).contains(".")) {
                return new int[] {v.intValue() % 24, len};
            }
        }
        return null;
    }

    private static int setClock(Said s, int h, int m, boolean minutesSaid, int next) {
        if (s.hour != null || h < 0 || h > 23 || m < 0 || m > 59) {
            return -1;
        }
        s.hour = h;
        s.minute = m;
        if (minutesSaid || h > 12 || h == 0) {
            s.bare = false;
        }
        return next;
    }

    // ---------------------------------------------------------------- Chinese

    private static final String ZN = "[零〇一二两三四五六七八九十\\d]+";
    private static final Pattern ZH_WEEKDAY = Pattern.compile("(下下个?|下个?|这个?|本|上个?)?(周|星期|礼拜)([一二三四五六日天1-7])");
    private static final Pattern ZH_MONTH_DAY = Pattern.compile("(?:(" + ZN + ")月)?(" + ZN + ")[日号]");
    private static final Pattern ZH_CLOCK = Pattern.compile("(" + ZN + ")[点點时]钟?(整|半|一刻|三刻|过?(" + ZN
            + ")分?)?");
    private static final Pattern ZH_DIGITAL = Pattern.compile("(\\d{1,2}):(\\d{2})");
    // compiled once: String.matches and Pattern.compile in a method compile the expression on every call
    private static final Pattern CLOCK_AMPM = Pattern.compile("(\\d{1,2})(am|pm|a|p)");
    private static final Pattern CLOCK_DOT = Pattern.compile("(\\d{1,2})\\.(\\d{2})");
    private static final Pattern ORDINAL_DIGITS = Pattern.compile("\\d{1,2}(st|nd|rd|th)");
    private static final Pattern DAY_DIGITS = Pattern.compile("(\\d{1,2})(st|nd|rd|th)?");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Map<String, Part> ZH_PARTS = Map.ofEntries(Map.entry("早上", Part.MORNING),
            Map.entry("早晨", Part.MORNING), Map.entry("清晨", Part.MORNING), Map.entry("上午", Part.MORNING),
            Map.entry("早", Part.MORNING), Map.entry("中午", Part.NOON), Map.entry("午饭", Part.NOON),
            Map.entry("下午", Part.AFTERNOON), Map.entry("午后", Part.AFTERNOON), Map.entry("傍晚", Part.EVENING),
            Map.entry("晚上", Part.EVENING), Map.entry("晚间", Part.EVENING), Map.entry("晚", Part.EVENING),
            Map.entry("夜里", Part.NIGHT), Map.entry("夜间", Part.NIGHT), Map.entry("半夜", Part.NIGHT),
            Map.entry("深夜", Part.NIGHT), Map.entry("凌晨", Part.EARLY));
    private static final Map<String, Integer> ZH_DAYS = Map.of("今天", 0, "今日", 0, "今儿", 0, "明天", 1, "明日", 1,
            "明儿", 1, "后天", 2, "大后天", 3);

    static Said chinese(String str, LocalDateTime now) {
        Said s = new Said();
        s.bare = false;
        LocalDate today = now.toLocalDate();
        int i = 0;
        int n = str.length();
        while (i < n) {
            int j = zhStep(str, i, s, today);
            if (j <= i) {
                return null;
            }
            i = j;
        }
        return s.any ? s : null;
    }

    private static int zhStep(String str, int i, Said s, LocalDate today) {
        char c = str.charAt(i);
        if ((c == '在' || c == '于' || c == '的' || c == '到' || c == '等') && i + 1 < str.length()) {
            return i + 1;
        }
        // relative: "十分钟后", "半小时以后", "两个小时之后"
        for (String after : new String[] {"以后", "之后", "过后", "后"}) {
            int k = str.indexOf(after, i + 1);
            while (k > i) {
                Duration d = Durations.chinese(str.substring(i, k));
                if (d != null && s.relative == null) {
                    s.relative = d;
                    s.any = true;
                    return k + after.length();
                }
                k = str.indexOf(after, k + 1);
            }
        }
        // days; 大后天 before 后天
        for (String d : new String[] {"大后天", "今天", "今日", "今儿", "明天", "明日", "明儿", "后天"}) {
            if (str.startsWith(d, i)) {
                if (setDate(s, today.plusDays(ZH_DAYS.get(d)), 0) < 0) {
                    return -1;
                }
                s.any = true;
                return i + d.length();
            }
        }
        for (String[] d : new String[][] {{"明早上", "1", "MORNING"}, {"今晚", "0", "EVENING"}, {"明晚", "1", "EVENING"},
            {"今早", "0", "MORNING"}, {"明早", "1", "MORNING"}, {"今夜", "0", "NIGHT"}}) {
            if (str.startsWith(d[0], i) && s.date == null && s.part == null) {
                s.date = today.plusDays(Integer.parseInt(d[1]));
                s.part = Part.valueOf(d[2]);
                s.any = true;
                return i + d[0].length();
            }
        }
        Matcher m = ZH_WEEKDAY.matcher(str).region(i, str.length());
        if (m.lookingAt() && s.date == null && s.weekday == null) {
            String d = m.group(3);
            int dow = "一二三四五六".indexOf(d) + 1;
            if (dow == 0) {
                dow = d.equals("日") || d.equals("天") ? 7 : Integer.parseInt(d);
            }
            String which = m.group(1) == null ? "" : m.group(1);
            if (which.startsWith("上")) {
                return -1; // last week: nothing to set or ask about here
            }
            s.weekday = DayOfWeek.of(dow);
            s.weekdayWeeksAhead = which.startsWith("下下") ? 2 : which.startsWith("下") ? 1
                    : which.isEmpty() ? -1 : 0;
            s.any = true;
            return m.end();
        }
        m = ZH_MONTH_DAY.matcher(str).region(i, str.length());
        if (m.lookingAt()) {
            int month = m.group(1) == null ? 0 : zhInt(m.group(1));
            int day = zhInt(m.group(2));
            if (setMonthDay(s, month, day, 0) < 0) {
                return -1;
            }
            s.any = true;
            return m.end();
        }
        for (String p : new String[] {"早上", "早晨", "清晨", "上午", "中午", "下午", "午后", "傍晚", "晚上", "晚间", "夜里",
            "夜间", "半夜", "深夜", "凌晨", "早", "晚"}) {
            if (str.startsWith(p, i)) {
                if (s.part != null && !(s.part == ZH_PARTS.get(p))) {
                    return -1;
                }
                s.part = ZH_PARTS.get(p);
                s.any = true;
                return i + p.length();
            }
        }
        m = ZH_DIGITAL.matcher(str).region(i, str.length());
        if (m.lookingAt()) {
            int r = setClock(s, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), true, m.end());
            s.any = r >= 0;
            return r;
        }
        m = ZH_CLOCK.matcher(str).region(i, str.length());
        if (m.lookingAt()) {
            int h = zhInt(m.group(1));
            int minute = 0;
            String rest = m.group(2);
            if (rest != null) {
                minute = switch (rest) {
                    case "整" -> 0;
                    case "半" -> 30;
                    case "一刻" -> 15;
                    case "三刻" -> 45;
                    default -> zhInt(m.group(3));
                };
            }
            int r = setClock(s, h == 24 ? 0 : h, minute, true, m.end());
            s.midnight = h == 24;
            s.any = r >= 0;
            return r;
        }
        return -1;
    }

    private static int zhInt(String s) {
        if (Numbers.DIGITS.matcher(s).matches()) {
            return Integer.parseInt(s);
        }
        Double v = Numbers.chinese(s);
        if (v == null) {
            throw new IllegalArgumentException(s);
        }
        return v.intValue();
    }

    // ---------------------------------------------------------------- on the calendar

    static String resolve(Said s, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        if (s.relative != null) {
            if (s.hour != null || s.date != null || s.weekday != null || s.part != null) {
                return null;
            }
            return iso(now.plus(s.relative));
        }
        LocalDate date = s.date;
        boolean dateSaid = date != null || s.weekday != null;
        if (s.hour != null) {
            int h = s.hour;
            Integer h24 = hour24(h, s.pm, s.part);
            if (h24 == null && s.pm != null) {
                return null; // "13 am"
            }
            boolean nextDay = (s.part == Part.NIGHT || s.part == Part.EVENING) && h24 != null && h24 < 6
                    || s.midnight && s.date != null;
            if (s.weekday != null) {
                LocalTime at = LocalTime.of(h24 != null ? h24 : dayHour(h), s.minute);
                date = weekday(s, today, now.toLocalTime().isBefore(at));
                h24 = at.getHour();
            }
            if (h24 != null) {
                if (date != null) {
                    return iso(date.plusDays(nextDay ? 1 : 0).atTime(h24, s.minute));
                }
                LocalDateTime at = today.plusDays(nextDay ? 1 : 0).atTime(h24, s.minute);
                return iso(at.isAfter(now) ? at : at.plusDays(1));
            }
            // no am / pm: the next time the clock shows it
            if (date != null && !date.equals(today)) {
                return iso(date.atTime(dayHour(h), s.minute));
            }
            LocalDateTime am = today.atTime(h % 12, s.minute);
            for (LocalDateTime c : List.of(am, am.plusHours(12), am.plusHours(24))) {
                if (c.isAfter(now)) {
                    return iso(c);
                }
            }
            return iso(am.plusHours(12)); // "today at 7" said at 11 pm: today's, already passed
        }
        if (s.part != null) {
            if (s.weekday != null) {
                date = weekday(s, today, now.getHour() < s.part.end);
            }
            LocalDate d = date != null ? date : today;
            if (date == null && now.getHour() >= s.part.end) {
                d = d.plusDays(1);
            }
            LocalDateTime from = d.atTime(s.part.start, 0);
            LocalDateTime to = s.part.end == 24 ? d.plusDays(1).atStartOfDay() : d.atTime(s.part.end, 0);
            return iso(from) + "/" + iso(to);
        }
        if (dateSaid) {
            if (s.weekday != null) {
                date = weekday(s, today, true);
            }
            return date.toString();
        }
        return null;
    }

    /** On another day, an hour without am / pm: 6 to 11 in the morning, 12 at noon, 1 to 5 in the afternoon. */
    private static int dayHour(int h) {
        return h >= 6 && h <= 12 || h == 0 || h > 12 ? h : h + 12;
    }

    private static Integer hour24(int h, Boolean pm, Part part) {
        if (h > 12 || h == 0) {
            return pm == Boolean.FALSE && h > 12 ? null : h;
        }
        if (pm != null) {
            return pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        }
        if (part == null) {
            return null;
        }
        switch (part) {
            case EARLY:
                return h == 12 ? 0 : h;
            case MORNING:
                return h;
            case NOON:
                return h >= 10 ? h : h + 12;
            case AFTERNOON:
                return h == 12 ? 12 : h + 12;
            case EVENING:
                return h == 12 ? 0 : h + 12;
            default: // NIGHT
                return h == 12 ? 0 : h >= 6 ? h + 12 : h;
        }
    }

    private static LocalDate weekday(Said s, LocalDate today, boolean todayStillAhead) {
        if (s.weekdayWeeksAhead >= 0) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .plusWeeks(s.weekdayWeeksAhead);
            LocalDate d = monday.plusDays(s.weekday.getValue() - 1);
            return d.isBefore(today) ? d.plusWeeks(1) : d;
        }
        LocalDate d = today.with(TemporalAdjusters.nextOrSame(s.weekday));
        if (d.equals(today) && (!todayStillAhead || s.weekdayWeeksAhead == -2)) {
            d = d.plusWeeks(1);
        }
        return d;
    }

    private static String iso(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
