package io.glint.nlu.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeddings place "turn the lights on" and "turn the lights off" almost on top of each other: the sentences
 * differ by one word. After the model has picked an intent, its opposite is taken instead when the utterance
 * carries the opposite's words and none of its own.
 */
final class Polarity {
    private record Side(Set<String> words) {
        boolean in(List<String> tokens) {
            for (String t : tokens) {
                if (words.contains(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Pair(String a, Side aWords, String b, Side bWords) {
    }

    private static final Side ON = new Side(Set.of("on", "开", "启", "亮"));
    private static final Side OFF = new Side(Set.of("off", "关", "熄", "灭"));
    private static final Side UNLOCK = new Side(Set.of("unlock", "unlocked", "解", "开"));
    // not 锁 alone: it is also in 解锁
    private static final Side LOCK = new Side(Set.of("lock", "locked", "上"));
    private static final Side OPEN = new Side(Set.of("open", "raise", "up", "开", "拉开", "升"));
    private static final Side CLOSE = new Side(Set.of("close", "shut", "lower", "down", "关", "合", "拉上", "降"));
    private static final Side START = new Side(Set.of("start", "begin", "clean", "vacuum", "开", "始", "启", "扫"));
    private static final Side STOP = new Side(Set.of("stop", "home", "dock", "停", "回", "别", "充"));

    private static final List<Pair> PAIRS = List.of(
            new Pair("light.turn_on", ON, "light.turn_off", OFF),
            new Pair("device.turn_on", ON, "device.turn_off", OFF),
            new Pair("lock.unlock", UNLOCK, "lock.lock", LOCK),
            new Pair("cover.open", OPEN, "cover.close", CLOSE),
            new Pair("vacuum.start", START, "vacuum.stop", STOP),
            new Pair("car.unlock", UNLOCK, "car.lock", LOCK),
            new Pair("car.climate_start", START, "car.climate_stop", STOP));

    /** Words that ask for a change in a direction ("louder", "turn it down", "调高"). */
    private static final Set<String> UP = Set.of("up", "louder", "brighter", "warmer", "hotter", "higher", "raise",
            "increase", "more", "boost", "高", "大", "加", "升");
    private static final Set<String> DOWN = Set.of("down", "quieter", "softer", "dimmer", "darker", "cooler",
            "colder", "lower", "decrease", "less", "reduce", "低", "小", "减", "降");
    /**
     * Words that describe how things are: the wearer wants the opposite ("it's too dark" → brighter, "好冷" →
     * warmer). A Chinese adjective right after a verb of changing (调亮, 调暗) asks for that direction instead.
     */
    private static final Set<String> WANT_UP = Set.of("dark", "dim", "cold", "chilly", "freezing", "quiet", "暗", "冷",
            "凉", "黑");
    private static final Set<String> WANT_DOWN = Set.of("bright", "hot", "warm", "loud", "noisy", "boiling", "热", "吵",
            "闷", "亮", "暖");
    private static final Set<String> ZH_CHANGE_VERBS = Set.of("调", "变", "弄", "开", "放");

    private Polarity() {
    }

    /** "up", "down", or null when the words do not say. */
    static String change(List<String> tokens) {
        int up = 0;
        int down = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean afterVerb = i > 0 && ZH_CHANGE_VERBS.contains(tokens.get(i - 1));
            if (afterVerb && (t.equals("亮") || t.equals("暖"))) {
                up++;
            } else if (afterVerb && (t.equals("暗") || t.equals("凉"))) {
                down++;
            } else if (WANT_UP.contains(t) || UP.contains(t)) {
                up++;
            } else if (WANT_DOWN.contains(t) || DOWN.contains(t)) {
                down++;
            }
        }
        return up == down ? null : up > down ? "up" : "down";
    }

    /** The intent to take: the model's choice, or its opposite when the words say so and it is installed. */
    static String settle(String intent, List<String> tokens, Set<String> installed) {
        for (Pair p : PAIRS) {
            if (p.a().equals(intent) && installed.contains(p.b()) && p.bWords().in(tokens) && !p.aWords().in(tokens)) {
                return p.b();
            }
            if (p.b().equals(intent) && installed.contains(p.a()) && p.aWords().in(tokens) && !p.bWords().in(tokens)) {
                return p.a();
            }
        }
        return intent;
    }

}
