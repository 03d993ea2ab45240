package io.glint.nlu.internal;

import java.util.List;

/**
 * Politeness and wake words around a command ("hey glint, could you … please", "请帮我…"). They carry no
 * meaning for the hub; stripping them lets one template serve every polite variant.
 */
final class Fillers {
    private static final List<List<String>> LEADING = List.of(
            List.of("hey", "glint"), List.of("ok", "glint"), List.of("glint"), List.of("please"),
            List.of("could", "you"), List.of("can", "you"), List.of("would", "you"), List.of("will", "you"),
            List.of("i", "want", "you", "to"), List.of("i", "would", "like", "you", "to"), List.of("just"), List.of("now"),
            List.of("ok"), List.of("okay"), List.of("then"), List.of("and", "now"), List.of("现", "在"), List.of("再"),
            List.of("请"), List.of("帮", "我"), List.of("麻", "烦"), List.of("给", "我"), List.of("你", "能"),
            List.of("能", "不", "能"));
    private static final List<List<String>> TRAILING = List.of(List.of("please"), List.of("thanks"),
            List.of("thank", "you"), List.of("for", "me"), List.of("now"), List.of("吧"), List.of("一", "下"),
            List.of("谢", "谢"), List.of("好", "吗"), List.of("吗"));

    private Fillers() {
    }

    /** The tokens without leading and trailing fillers (repeatedly), or the same list when there were none. */
    static List<String> strip(List<String> tokens) {
        int from = 0;
        int to = tokens.size();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<String> f : LEADING) {
                if (to - from > f.size() && tokens.subList(from, from + f.size()).equals(f)) {
                    from += f.size();
                    changed = true;
                }
            }
            for (List<String> f : TRAILING) {
                if (to - from > f.size() && tokens.subList(to - f.size(), to).equals(f)) {
                    to -= f.size();
                    changed = true;
                }
            }
        }
        return tokens.subList(from, to);
    }
}
