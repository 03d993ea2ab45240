package io.glint.nlu.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeddings place "turn the lights on" and "turn the lights off" almost on top of each other: the sentences
 * differ by one word. After the model has picked an intent, its opposite is taken instead when the utterance
 * carries the opposite's words and none of its own. A word said under a negation counts for the other side:
 * "灯不用开了" and "don't turn the heater on" ask for off.
 */
final class Polarity {
    private record Side(Set<String> words) {
        /** Whether the word at {@code i} is this side's, said plainly ({@code negated} false) or negated (true). */
        boolean at(List<String> tokens, int i, boolean negated) {
            return words.contains(tokens.get(i)) && !partOfName(tokens, i) && !aNoun(tokens, i)
                    && negated(tokens, i) == negated;
        }

        Side and(Side other) {
            Set<String> both = new java.util.HashSet<>(words);
            both.addAll(other.words());
            return new Side(Set.copyOf(both));
        }
    }

    /** Words that negate a verb up to six words on ("don't switch the lamp on", "no need to turn the fan on"). */
    private static final Set<String> NEGATIONS_EN = Set.of("dont", "never");
    /** Chinese: 别, and 不 or 没 before 用, 要, 必, 需 (不用, 不要, 不必, 不需要, 没必要), and 无需. */
    private static final Set<String> ZH_NOT = Set.of("不", "没", "无");
    private static final Set<String> ZH_NEED = Set.of("用", "要", "必", "需");

    /** Whether the word at {@code i} is negated: a negation a few words before it. */
    static boolean negated(List<String> tokens, int i) {
        for (int j = Math.max(0, i - 6); j < i; j++) {
            String t = tokens.get(j);
            if (t.equals("别") || NEGATIONS_EN.contains(t)
                    || (t.equals("no") && j + 1 < tokens.size() && tokens.get(j + 1).equals("need"))
                    || (t.equals("do") && j + 1 < tokens.size() && tokens.get(j + 1).equals("not"))
                    || (ZH_NOT.contains(t) && j + 1 < i
                            && ZH_NEED.contains(tokens.get(j + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Words before "lock" that make it the thing rather than the verb ("release the door lock"). */
    private static final Set<String> BEFORE_A_NOUN = Set.of("the", "a", "my", "its", "door", "doors", "front",
            "back", "side", "car", "smart", "gate", "garage", "child", "safety");

    /** "lock" as a noun: "open the deadbolt lock" asks to unlock. */
    private static boolean aNoun(List<String> tokens, int i) {
        String t = tokens.get(i);
        return (t.equals("lock") || t.equals("locks")) && i > 0 && BEFORE_A_NOUN.contains(tokens.get(i - 1));
    }

    /** 扫 in 扫地机 (the robot vacuum's name) is not the verb "sweep". */
    private static boolean partOfName(List<String> tokens, int i) {
        return tokens.get(i).equals("扫") && i + 2 < tokens.size() && tokens.get(i + 1).equals("地")
                && (tokens.get(i + 2).equals("机") || tokens.get(i + 2).equals("器"));
    }

    private record Pair(String a, Side aWords, String b, Side bWords) {
    }

    private static final Side ON = new Side(Set.of("on", "start", "activate", "enable", "energize", "energise",
            "开", "启", "亮"));
    private static final Side OFF = new Side(Set.of("off", "out", "stop", "extinguish", "kill", "deactivate",
            "disable", "unplug", "cut", "关", "熄", "灭"));
    private static final Side UNLOCK = new Side(Set.of("unlock", "unlocked", "unbolt", "disengage", "release", "解",
            "开"));
    // not 锁 alone: it is also in 解锁
    private static final Side LOCK = new Side(Set.of("lock", "locked", "engage", "上"));
    // Chinese is read a character at a time: 拉开 is 开, 放下 is 下, 升起 is 起
    private static final Side OPEN = new Side(Set.of("open", "raise", "up", "undraw", "开", "升", "起"));
    private static final Side CLOSE = new Side(Set.of("close", "closed", "shut", "lower", "down", "关", "合", "降",
            "下"));
    // not "vacuum": it names the machine as often as the job ("halt the vacuum")
    private static final Side START = new Side(Set.of("start", "begin", "clean", "deploy", "send", "going", "开",
            "始", "启", "扫"));
    private static final Side STOP = new Side(Set.of("stop", "end", "halt", "hold", "pause", "park", "enough",
            "quit", "cancel", "home", "dock", "base", "charge", "charging", "停", "回", "充", "关", "够"));

    private static final List<Pair> PAIRS = List.of(
            new Pair("light.turn_on", ON, "light.turn_off", OFF),
            new Pair("device.turn_on", ON, "device.turn_off", OFF),
            new Pair("lock.unlock", UNLOCK, "lock.lock", LOCK),
            new Pair("cover.open", OPEN, "cover.close", CLOSE),
            new Pair("vacuum.start", START, "vacuum.stop", STOP),
            new Pair("car.unlock", UNLOCK, "car.lock", LOCK),
            // the car's climate is switched on and off as often as it is started and stopped; not "out": "before
            // I head out" is when to start it
            new Pair("car.climate_start", ON.and(new Side(Set.of("start", "begin", "始"))), "car.climate_stop",
                    new Side(Set.of("off", "kill", "deactivate", "disable", "stop", "halt", "pause", "cancel", "关",
                            "停", "熄"))));

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

    /**
     * The intent to take: the model's choice, or its opposite when the words say so and the opposite is one of
     * {@code candidates} (installed, and not ruled out by the skill's excludes).
     */
    static String settle(String intent, List<String> tokens, Set<String> candidates) {
        // English: the side said last ("the car is locked, unlock it", "the curtains are open, close them").
        // Chinese is read a character at a time and its characters also build nouns and results (清扫, 开一下,
        // 上车), so there the model's side stays whenever its words are said at all.
        boolean lastWins = tokens.stream().noneMatch(Text::hasHan);
        for (Pair p : PAIRS) {
            if (!p.a().equals(intent) && !p.b().equals(intent)) {
                continue;
            }
            int a = lastSaid(p.aWords(), p.bWords(), tokens);
            int b = lastSaid(p.bWords(), p.aWords(), tokens);
            if (p.a().equals(intent) && candidates.contains(p.b()) && b >= 0 && (lastWins ? b > a : a < 0)) {
                return p.b();
            }
            if (p.b().equals(intent) && candidates.contains(p.a()) && a >= 0 && (lastWins ? a > b : b < 0)) {
                return p.a();
            }
        }
        return intent;
    }

    /**
     * Where the words last ask for {@code side}: one of its own words said plainly, or one of its opposite's under
     * a negation; -1 if they never do.
     */
    private static int lastSaid(Side side, Side opposite, List<String> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (side.at(tokens, i, false) || opposite.at(tokens, i, true)) {
                return i;
            }
        }
        return -1;
    }

}
