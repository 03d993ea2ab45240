package io.glint.nlu.internal;

import java.util.List;
import java.util.Set;

/** Percentages and temperatures: a number with the words people put around it, in English and Chinese. */
public final class Quantities {
    private static final Set<String> CELSIUS = Set.of("c", "celsius", "centigrade");
    private static final Set<String> FAHRENHEIT = Set.of("f", "fahrenheit");
    private static final Set<String> DEGREES = Set.of("degree", "degrees", "°");

    private Quantities() {
    }

    /** 0–100, from "40", "40 %", "forty percent", "百分之四十", "四十"; null otherwise. */
    public static Double percent(List<String> tokens, int from, int to) {
        int end = to;
        if (end - from >= 2 && tokens.get(end - 1).equals("%")) {
            end--;
        } else if (end - from >= 2 && tokens.get(end - 1).equals("percent")) {
            end--;
        } else if (end - from >= 3 && tokens.get(end - 2).equals("per") && tokens.get(end - 1).equals("cent")) {
            end -= 2;
        }
        int start = from;
        if (end - start >= 4 && tokens.get(start).equals("百") && tokens.get(start + 1).equals("分")
                && tokens.get(start + 2).equals("之")) {
            start += 3;
        }
        Double v = Numbers.parse(tokens, start, end);
        return v != null && v >= 0 && v <= 100 ? v : null;
    }

    /**
     * A temperature in °C, from "24", "24 degrees", "seventy two fahrenheit", "二十四度", "华氏七十二度". Without a
     * unit, a value from 50 to 90 is taken as Fahrenheit: nobody sets a room to 72 °C.
     */
    public static Double celsius(List<String> tokens, int from, int to) {
        int start = from;
        int end = to;
        Boolean fahrenheit = null;
        if (end - start >= 3 && tokens.get(start).equals("摄") && tokens.get(start + 1).equals("氏")) {
            start += 2;
            fahrenheit = false;
        } else if (end - start >= 3 && tokens.get(start).equals("华") && tokens.get(start + 1).equals("氏")) {
            start += 2;
            fahrenheit = true;
        }
        if (end - start >= 2 && tokens.get(end - 1).equals("度")) {
            end--;
            if (end - start >= 3 && tokens.get(end - 2).equals("摄") && tokens.get(end - 1).equals("氏")) {
                end -= 2;
                fahrenheit = false;
            }
        } else {
            if (end - start >= 2 && CELSIUS.contains(tokens.get(end - 1))) {
                end--;
                fahrenheit = false;
            } else if (end - start >= 2 && FAHRENHEIT.contains(tokens.get(end - 1))) {
                end--;
                fahrenheit = true;
            }
            if (end - start >= 2 && DEGREES.contains(tokens.get(end - 1))) {
                end--;
            }
        }
        Double v = Numbers.parse(tokens, start, end);
        if (v == null) {
            return null;
        }
        if (fahrenheit == null) {
            fahrenheit = v >= 50 && v <= 90;
        }
        double c = fahrenheit ? (v - 32) * 5 / 9 : v;
        if (c < -30 || c > 60) {
            return null;
        }
        return Math.round(c * 2) / 2.0; // thermostats step in half degrees
    }
}
