package io.glint.nlu.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Numbers as people say them: digits ("24", "24.5"), English words ("twenty four", "a hundred and five") and
 * Chinese numerals ("二十四", "两百", "一百零五", "二十四点五"), which arrive as one token per character.
 */
public final class Numbers {
    /** Digits, and digits with a decimal part: compiled once, as every parse asks. */
    static final Pattern DIGITS = Pattern.compile("\\d+");
    static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");

    private static final Map<String, Integer> EN_UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> EN_TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty",
            50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final String ZH_DIGITS = "零一二三四五六七八九";

    private Numbers() {
    }

    /** The number the tokens spell, or null when they are not (only) a number. */
    public static Double parse(List<String> tokens, int from, int to) {
        if (from >= to) {
            return null;
        }
        if (to - from == 1 && DECIMAL.matcher(tokens.get(from)).matches()) {
            return Double.valueOf(tokens.get(from));
        }
        if (Text.isHan(tokens.get(from).codePointAt(0))) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; i++) {
                sb.append(tokens.get(i));
            }
            return chinese(sb.toString());
        }
        return english(tokens, from, to);
    }

    public static Double parse(List<String> tokens) {
        return parse(tokens, 0, tokens.size());
    }

    private static Double english(List<String> tokens, int from, int to) {
        long total = 0;
        long current = 0;
        boolean any = false;
        boolean afterTens = false;
        boolean afterUnit = false;
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            Integer unit = EN_UNITS.get(t);
            Integer tens = EN_TENS.get(t);
            if (unit != null) {
                boolean fresh = !afterUnit && !afterTens;
                boolean compound = afterTens && unit > 0 && unit < 10; // "twenty four"
                if (!fresh && !compound) {
                    return null; // "five six", "twenty twelve"
                }
                current += unit;
                afterUnit = true;
                afterTens = false;
            } else if (tens != null) {
                if (afterUnit || afterTens) {
                    return null;
                }
                current += tens;
                afterTens = true;
            } else if (t.equals("hundred") && current % 100 < 10 && (afterUnit || !any)) {
                current = (current == 0 ? 1 : current) * 100;
                afterUnit = false;
                afterTens = false;
            } else if (t.equals("thousand")) {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
                afterUnit = false;
                afterTens = false;
            } else if (t.equals("a") && i == from && i + 1 < to
                    && (tokens.get(i + 1).equals("hundred") || tokens.get(i + 1).equals("thousand"))) {
                continue;
            } else if (t.equals("and") && any && i + 1 < to && !afterUnit && !afterTens) {
                continue;
            } else {
                return null;
            }
            any = true;
        }
        return any ? (double) (total + current) : null;
    }

    /** Chinese numerals, with 点 for the decimal point; digits mixed in ("2十") are not accepted. */
    public static Double chinese(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int dot = s.indexOf('点');
        String integer = dot < 0 ? s : s.substring(0, dot);
        Long whole = chineseInteger(integer);
        if (whole == null) {
            return null;
        }
        if (dot < 0) {
            return (double) whole;
        }
        String fraction = s.substring(dot + 1);
        if (fraction.isEmpty()) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : fraction.toCharArray()) {
            int d = digit(c);
            if (d < 0) {
                return null;
            }
            digits.append(d);
        }
        return Double.valueOf(whole + "." + digits);
    }

    private static Long chineseInteger(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean positional = s.length() > 1 && s.chars().allMatch(c -> digit((char) c) >= 0);
        if (positional) { // 二四 read digit by digit, as in room numbers
            long v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + digit(c);
            }
            return v;
        }
        long total = 0;
        long section = 0;
        long number = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                number = d;
                any = true;
            } else if (c == '十') {
                section += (number == 0 ? 1 : number) * 10;
                number = 0;
                any = true;
            } else if (c == '百' || c == '千') {
                if (number == 0) {
                    return null;
                }
                section += number * (c == '百' ? 100 : 1000);
                number = 0;
            } else if (c == '万') {
                total += (section + number) * 10000;
                section = 0;
                number = 0;
            } else {
                return null;
            }
        }
        return any ? total + section + number : null;
    }

    private static int digit(char c) {
        if (c == '两' || c == '俩') {
            return 2;
        }
        if (c == '〇') {
            return 0;
        }
        int i = ZH_DIGITS.indexOf(c);
        if (i >= 0) {
            return i;
        }
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** Formats a value without a trailing ".0" for whole numbers. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
