package io.glint.nlu.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alarms, reminders and notes each come as a family of intents (set or create, query, cancel or delete) whose
 * sentences share nearly every word: "what's on my shopping list" and "add eggs to my shopping list" sit close
 * together for the model. How an English request opens says which one it is: a question word asks, "delete",
 * "scrap", "cross off" take away; a Chinese request says it anywhere (its verb may come last). After the model has
 * picked a family member, the member the request asks for is taken instead, when it asks for exactly one. Likewise
 * a yes/no question about a device asks for its state, not for a command.
 */
final class Operation {
    private enum Kind { CREATE, QUERY, REMOVE }

    /** The family members by what they do. */
    private static final List<Map<Kind, String>> FAMILIES = List.of(
            Map.of(Kind.CREATE, "alarm.set", Kind.QUERY, "alarm.query", Kind.REMOVE, "alarm.cancel"),
            Map.of(Kind.CREATE, "reminder.create", Kind.QUERY, "reminder.query", Kind.REMOVE, "reminder.cancel"),
            Map.of(Kind.CREATE, "memo.create", Kind.QUERY, "memo.query", Kind.REMOVE, "memo.delete"));

    /** Words before the request proper. */
    private static final Set<String> OPENERS = Set.of("please", "can", "could", "would", "will", "you", "hey",
            "ok", "okay", "so", "now", "just", "hi", "glint", "right", "and", "um", "uh", "also", "then");
    /** Words that open a question whatever follows. */
    private static final Set<String> QUERY = Set.of("what", "whats", "which", "any", "anything", "read", "show",
            "tell", "search", "find", "look", "list", "give");
    /** Words that open a question when a subject follows ("is there", "did you"), not a request ("have me up"). */
    private static final Set<String> QUERY_BEFORE_SUBJECT = Set.of("do", "did", "does", "is", "are", "have", "has",
            "was", "were");
    private static final Set<String> SUBJECTS = Set.of("i", "you", "we", "there", "my", "it", "the", "a", "an",
            "any", "that", "this");
    /** Words that open a question when a verb follows ("when is"), not a clause ("when I get home, ..."). */
    private static final Set<String> QUERY_BEFORE_VERB = Set.of("when", "where", "how");
    private static final Set<String> VERBS = Set.of("is", "are", "was", "were", "do", "did", "does", "will", "s",
            "many", "much", "long", "soon", "far");
    private static final Set<String> REMOVE = Set.of("delete", "remove", "erase", "scrap", "drop", "bin", "cancel",
            "clear", "undo", "ditch", "wipe", "kill", "disable", "forget", "empty", "purge");
    private static final Set<String> CREATE = Set.of("set", "add", "make", "create", "put", "note", "save",
            "remember", "remind", "jot", "write", "new", "keep", "stick", "pop", "wake", "schedule", "book",
            "record", "store", "log", "append", "include");
    /** A request that says what not to do is not read from its opening ("make sure it doesn't go off"). */
    private static final Set<String> NEGATIONS = Set.of("not", "dont", "doesnt", "never", "no", "without");

    /** Chinese nouns whose characters would read as a verb below (笔记 is notes, not 记). */
    private static final List<String> ZH_NOUNS = List.of("笔记", "记事", "日记", "记录", "清单");
    private static final List<String> ZH_QUERY = List.of("什么", "啥", "哪", "几", "吗", "有没有", "查", "看看",
            "看一下", "显示", "念", "读", "告诉我", "多少", "是不是");
    private static final List<String> ZH_REMOVE = List.of("删", "去掉", "划掉", "清空", "取消", "不要了", "移除",
            "抹掉", "拿掉", "去除", "撤", "作废", "关掉", "关了", "别响");
    /** Before a word that creates, these ask to take away: 不用记了, 别再提醒我, 明早别叫我了. */
    private static final List<String> ZH_NOT = List.of("不用", "别", "不要", "不必", "不需要", "无需");
    private static final List<String> ZH_CREATE = List.of("记", "加", "添", "写", "存", "设", "建", "提醒我",
            "叫我", "放进", "放到");

    /** Commands to a device; a question about the same device is device.query ("is the porch light on"). */
    private static final Set<String> COMMANDS = Set.of("light.turn_on", "light.turn_off", "device.turn_on",
            "device.turn_off", "cover.open", "cover.close", "lock.lock", "lock.unlock");
    /** Words that make a question a request ("is it possible to…", "are you able to…"). */
    private static final Set<String> REQUEST_WORDS = Set.of("possible", "able", "can", "could", "would", "will",
            "mind", "please");

    private Operation() {
    }

    /** The member of the model's intent's family that the request asks for, or the model's intent. */
    static String settle(String intent, List<String> tokens, Set<String> candidates) {
        if (COMMANDS.contains(intent) && candidates.contains("device.query") && asksAboutState(tokens)) {
            return "device.query";
        }
        for (Map<Kind, String> family : FAMILIES) {
            if (!family.containsValue(intent)) {
                continue;
            }
            Kind asked = tokens.stream().anyMatch(Text::hasHan) ? chinese(String.join("", tokens)) : opening(tokens);
            String member = asked == null ? null : family.get(asked);
            return member != null && candidates.contains(member) ? member : intent;
        }
        return intent;
    }

    /** What the first word after the openers asks for, or null when it does not say. */
    private static Kind opening(List<String> tokens) {
        int i = 0;
        while (i < tokens.size() && OPENERS.contains(tokens.get(i))) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        String first = tokens.get(i);
        String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
        String third = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
        if (tokens.stream().anyMatch(NEGATIONS::contains)) {
            return null;
        }
        boolean off = offSaid(tokens);
        if (first.equals("check") || first.equals("tick") || first.equals("cross")) {
            return off ? Kind.REMOVE : first.equals("check") ? Kind.QUERY : null;
        }
        if (first.equals("turn") || first.equals("switch") || first.equals("get") || first.equals("take")
                || first.equals("set")) {
            // "turn off my alarm", "take ... off", "set the alarm off", "get rid of"; "set" asks for one otherwise
            if (off || next.equals("rid")) {
                return Kind.REMOVE;
            }
            return first.equals("set") ? Kind.CREATE : null;
        }
        if (first.equals("remind") && next.equals("me") && third.equals("what")) {
            return Kind.QUERY; // "remind me what's on the list"
        }
        if (QUERY.contains(first) || (QUERY_BEFORE_SUBJECT.contains(first) && SUBJECTS.contains(next))
                || (QUERY_BEFORE_VERB.contains(first) && VERBS.contains(next))) {
            return Kind.QUERY;
        }
        if (REMOVE.contains(first)) {
            return Kind.REMOVE;
        }
        if (CREATE.contains(first)) {
            return Kind.CREATE;
        }
        return null;
    }

    /**
     * What a Chinese request asks for: its verb may come last (把牛奶从清单上删掉), so the words count wherever
     * they are, and only when one kind of them is said (帮我记一下吗 asks nothing).
     */
    private static Kind chinese(String text) {
        String t = text;
        for (String noun : ZH_NOUNS) {
            t = t.replace(noun, "　");
        }
        for (String not : ZH_NOT) {
            for (int at = t.indexOf(not); at >= 0; at = t.indexOf(not, at + 1)) {
                String after = t.substring(at + not.length(), Math.min(t.length(), at + not.length() + 4));
                if (ZH_CREATE.stream().anyMatch(after::contains)) {
                    return Kind.REMOVE;
                }
            }
        }
        boolean query = ZH_QUERY.stream().anyMatch(t::contains);
        boolean remove = ZH_REMOVE.stream().anyMatch(t::contains);
        boolean create = ZH_CREATE.stream().anyMatch(t::contains);
        if ((query ? 1 : 0) + (remove ? 1 : 0) + (create ? 1 : 0) != 1) {
            return null;
        }
        return query ? Kind.QUERY : remove ? Kind.REMOVE : Kind.CREATE;
    }

    /** An English yes/no question about how things are: "is the garage door open", "did I leave the iron on". */
    private static boolean asksAboutState(List<String> tokens) {
        if (tokens.isEmpty() || tokens.stream().anyMatch(Text::hasHan)) {
            return false;
        }
        String first = tokens.get(0);
        String next = tokens.size() > 1 ? tokens.get(1) : "";
        return QUERY_BEFORE_SUBJECT.contains(first) && SUBJECTS.contains(next) && !next.equals("you")
                && tokens.stream().noneMatch(REQUEST_WORDS::contains);
    }

    /** "off" said, but not as in "goes off" (when an alarm rings). */
    private static boolean offSaid(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("off") && (i == 0 || !tokens.get(i - 1).startsWith("go")
                    && !tokens.get(i - 1).equals("went"))) {
                return true;
            }
        }
        return false;
    }
}
