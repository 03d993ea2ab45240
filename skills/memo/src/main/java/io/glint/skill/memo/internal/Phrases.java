package io.glint.skill.memo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what to remember, which list and which items from the wearer's own words: the templates give slots,
 * but a sentence understood by meaning comes with none, and a slot's words lose the wearer's capitals and commas.
 */
final class Phrases {
    /** A list's canonical key and its name in each language. */
    record ListName(String key, String en, String zh) {
        String in(String lang) {
            return Words.zh(lang) ? zh : en;
        }
    }

    private static final Map<String, ListName> KNOWN = known();

    private static Map<String, ListName> known() {
        Map<String, ListName> m = new java.util.HashMap<>();
        ListName shopping = new ListName("shopping", "shopping", "购物");
        for (String s : List.of("shopping", "grocery", "groceries", "supermarket", "购物", "买菜", "超市", "采购", "买东西")) {
            m.put(s, shopping);
        }
        ListName todo = new ListName("todo", "to do", "待办");
        for (String s : List.of("to do", "todo", "to-do", "to dos", "todos", "task", "tasks", "待办", "待办事项", "任务",
                "要做的事")) {
            m.put(s, todo);
        }
        ListName packing = new ListName("packing", "packing", "行李");
        for (String s : List.of("packing", "行李", "打包")) {
            m.put(s, packing);
        }
        return Map.copyOf(m);
    }

    private Phrases() {
    }

    /** The list known under this canonical key ("shopping", "todo", "packing"), if it is one of those. */
    static Optional<ListName> byKey(String key) {
        return KNOWN.values().stream().filter(n -> n.key().equals(key)).findFirst();
    }

    /** The list a spoken name stands for: "my grocery", "购物" and "shopping" are one list. */
    static Optional<ListName> list(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = Words.normalize(raw).replaceAll("[\\p{Punct}，。、！？]+", " ").strip();
        s = s.replaceAll("^(?:(?:my|the|a|an|our|new|this|that)\\s+)+", "");
        s = s.replaceAll("\\s+(?:list|lists)$", "");
        s = s.replaceAll("^(?:我的|我|新的)", "").replaceAll("(?:清单|列表|单子|事项)$", "");
        s = s.strip();
        if (s.isEmpty() || s.equals("list") || s.equals("it") || s.equals("them")) {
            return Optional.empty();
        }
        ListName known = KNOWN.get(s);
        if (known != null) {
            return Optional.of(known);
        }
        return Optional.of(new ListName(s, s, s));
    }

    /** The name of a list the sentence mentions ("… on the packing list", "行李清单里…"), if any. */
    static Optional<ListName> mentionedList(String text) {
        String s = Words.normalize(text);
        Matcher en = Pattern.compile("\\b(?:(to)\\s+)?([\\p{L}\\p{N}-]+)\\s+list\\b").matcher(s);
        while (en.find()) {
            String word = en.group(1) != null && en.group(2).equals("do") ? "to do" : en.group(2);
            if (!Set.DETERMINERS.contains(word)) {
                return list(word);
            }
        }
        Matcher zh = Pattern.compile("(待办事项|待办|购物|买菜|超市|行李|[\\p{IsHan}]{1,4}?)(?:清单|列表|单子)").matcher(s);
        while (zh.find()) {
            String name = zh.group(1).replaceAll("^(?:我的|把|在|往|从|给|个|一个|新的|的)+", "");
            name = name.replaceAll("^.*(?:列个|列一个|建个|建一个|开个|开一个|一个|个)", "");
            if (!name.isEmpty() && !name.equals("的")) {
                return list(name);
            }
        }
        for (Map.Entry<String, ListName> e : KNOWN.entrySet()) {
            String k = e.getKey();
            boolean han = Words.hasHan(k);
            if (han ? s.contains(k) : Pattern.compile("\\b" + Pattern.quote(k) + "\\b").matcher(s).find()) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static final class Set {
        static final java.util.Set<String> DETERMINERS = java.util.Set.of("the", "my", "a", "this", "that", "new",
                "our", "your", "any", "every", "whole", "entire", "of", "on", "to");
    }

    /**
     * The words of a slot as the wearer said them: the template matcher hands over lowercase tokens ("level 3 bay
     * 42"); this finds the same words in the utterance ("level 3, bay 42").
     */
    static String original(String raw, String text) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        List<String> parts = new ArrayList<>();
        for (String token : raw.strip().split("\\s+")) {
            StringBuilder p = new StringBuilder();
            token.codePoints().forEach(cp -> p.append(Pattern.quote(new String(Character.toChars(cp))))
                    .append("['\u2019]?"));
            parts.add(p.toString());
        }
        Pattern pattern = Pattern.compile(String.join("[^\\p{L}\\p{N}]*", parts),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher m = pattern.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
        return m.find() ? m.group() : raw;
    }

    // ---- what to remember

    private static final Pattern EN_NOTE_LEAD = Pattern.compile("^(?:(?:hey glint|please|ok|okay|could you|can you|"
            + "would you)[, ]+)*(?:remember|keep in mind|note down|note|make a note|take a note|jot down|write down|"
            + "save a note saying|save a note|don't let me (?:lose|forget) this|do not let me forget)"
            + "(?:\\s+(?:that|this|of))?\\s*[:,-]?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_NOTE_TAIL = Pattern.compile("[,;.]?\\s*(?:please\\s*)?(?:remember (?:it|that|this)|"
            + "note that|note it|hang on to that|hold on to that|keep that in mind|keep it in mind|"
            + "don't let me forget(?: it)?|for me|please)[.!]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_NOTE_LEAD = Pattern.compile("^(?:请|帮我|麻烦你|你)*(?:记住|记着|记一下|记下来|记下|"
            + "记录一下|记录|记个备忘|做个备忘|写个备忘|备忘一下|帮我存一下)[，,：:]?");
    private static final Pattern ZH_NOTE_TAIL = Pattern.compile("[，,。]?(?:帮我|请)?(?:记着|记住|记下来|记下|记一笔|"
            + "记一下|别让我忘了|存一下|备忘一下)[吧。!！]*$");

    /** The note itself: "remember I parked on level 3, bay 42" → "I parked on level 3, bay 42". */
    static String note(String text) {
        String s = text.strip();
        for (int i = 0; i < 2; i++) {
            s = EN_NOTE_LEAD.matcher(s).replaceFirst("");
            s = EN_NOTE_TAIL.matcher(s).replaceFirst("");
            s = ZH_NOTE_LEAD.matcher(s).replaceFirst("");
            s = ZH_NOTE_TAIL.matcher(s).replaceFirst("");
            s = s.strip();
        }
        return s.replaceAll("^[,:;，：]+|[,;，]+$", "").strip();
    }

    /** Items said together: "milk, eggs and bread" → three; "牛奶、鸡蛋和面包" → three. */
    static List<String> items(String said) {
        List<String> out = new ArrayList<>();
        if (said == null) {
            return out;
        }
        String[] parts = Words.hasHan(said) ? said.split("[、，,和跟及]|还有")
                : said.split("\\s*(?:,|;|&|\\band\\b|\\bplus\\b)\\s*");
        for (String p : parts) {
            String item = p.strip()
                    .replaceAll("(?i)^(?:some more|some|more|a few|a couple of|an|a|the|another)\\s+", "")
                    .replaceAll("^(?:一些|一点|一个|一袋|一瓶|一盒|点|个)", "")
                    .replaceAll("[.!?。！？]+$", "").strip();
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    /** What was added to a list, in a sentence the templates did not cover. */
    record Addition(String items, ListName list) {
    }

    private static final Pattern EN_ADD = Pattern.compile("\\b(?:add|put|stick|throw|pop|write|include)\\s+(.+?)\\s+"
            + "(?:to|on|onto|in|into)\\s+(?:my|the|our|a)\\s+(.*?)\\s*list\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_ADD_PRONOUN = Pattern.compile("^(.+?)[,;]?\\s+(?:so\\s+)?(?:add|put|stick|throw|pop)"
            + "\\s+(?:it|them|that|those|some)\\s+(?:to|on|onto|in|into)\\s+(?:my|the|our)\\s+(.*?)\\s*list\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_NEED = Pattern.compile("^(?:we|i)(?:'re| are|'m| am)?\\s+(?:need|needs|out of|"
            + "running low on|low on|almost out of|run out of|ran out of)\\s+(?:more\\s+|some\\s+)?(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_ADD = Pattern.compile("把(.+?)(?:加到|加进|放到|放进|添加到|写到|写进|记到|加入)"
            + "(?:我的)?(.*?)(?:清单|列表|单子|事项)");
    private static final Pattern ZH_ADD_IN = Pattern.compile("(?:在|往)?(?:我的)?(.+?)(?:清单|列表|单子|事项)?(?:里|上)"
            + "(?:加上|添上|加个|加|添加|写上)(.+)$");
    private static final Pattern ZH_ADD_PRONOUN = Pattern.compile("^(.+?)[，,](?:把它|帮我)?(?:加到|加进|放到|放进|"
            + "添加到|写到|加入)(?:我的)?(.*?)(?:清单|列表|单子)");

    /** Items for a list, and which list, from a sentence such as "we need coffee beans, put them on the list". */
    static Optional<Addition> addition(String text) {
        String s = text.strip().replaceAll("[.!?。！？]+$", "");
        Matcher m = EN_ADD_PRONOUN.matcher(s);
        if (m.find()) {
            String what = m.group(1).replaceAll("(?i)^i'm\\s+", "i am ");
            Matcher need = EN_NEED.matcher(what.strip());
            return Optional.of(new Addition(need.matches() ? need.group(1) : what, list(m.group(2)).orElse(null)));
        }
        m = EN_ADD.matcher(s);
        if (m.find()) {
            return Optional.of(new Addition(m.group(1), list(m.group(2)).orElse(null)));
        }
        m = ZH_ADD.matcher(s);
        if (m.find()) {
            return Optional.of(new Addition(m.group(1), list(m.group(2)).orElse(null)));
        }
        m = ZH_ADD_PRONOUN.matcher(s);
        if (m.find()) {
            String what = m.group(1).replaceAll("(?:快没了|用完了|没了|不够了|快用完了)$", "");
            return Optional.of(new Addition(what, list(m.group(2)).orElse(null)));
        }
        m = ZH_ADD_IN.matcher(s);
        if (m.find() && Words.hasHan(s)) {
            String listName = m.group(1).replaceAll("^(?:在|往|给)", "");
            return Optional.of(new Addition(m.group(2), list(listName).orElse(null)));
        }
        return Optional.empty();
    }

    /** Whether the sentence is about starting a list ("start a packing list", "列个行李清单"). */
    static boolean startsList(String text) {
        String s = Words.normalize(text);
        return Pattern.compile("\\b(?:start|create|make|begin|set up|open|new)\\b.*\\blist\\b").matcher(s).find()
                && !Pattern.compile("\\b(?:add|put|stick|throw)\\b").matcher(s).find()
                || Pattern.compile("(?:新建|创建|建|开|列)(?:一个|个)?(?:新的)?.{0,6}(?:清单|列表|单子)").matcher(s).find()
                && !s.contains("把") && !s.contains("加");
    }

    /** The name given to a new list: "a new list for the garden centre" → "garden centre". */
    static Optional<ListName> newListName(String text) {
        String s = Words.normalize(text).replaceAll("[.!?。！？]+$", "");
        Matcher called = Pattern.compile("\\blist\\s+(?:called|named|for)\\s+(?:the\\s+|my\\s+)?(.+)$").matcher(s);
        Optional<ListName> mentioned = mentionedList(s);
        if (mentioned.isPresent()) {
            return mentioned;
        }
        if (called.find()) {
            return list(called.group(1));
        }
        return Optional.empty();
    }

    // ---- what to find or forget

    private static final Pattern EN_QUERY_LEAD = Pattern.compile("^(?:(?:hey glint|please|ok|okay|so)[, ]+)*"
            + "(?:you can forget|forget about|forget|delete|scrap|erase|drop|remove|bin|what did i (?:say|note|write down|"
            + "tell you) about|what do you remember about|do you remember|remind me|anything in my notes about|"
            + "did i write anything down about|no need to remember)\\s+(?:the note about\\s+|the note on\\s+|that\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_QUERY_TAIL = Pattern.compile("[,;]?\\s*(?:any ?more|anymore|now|again|"
            + "i told you earlier|drop that note|that note|please)[?.!]*$", Pattern.CASE_INSENSITIVE);

    /** What the wearer is looking for, without the asking: "what did I say about the plumber" → "the plumber". */
    static String query(String text) {
        String s = text.strip().replaceAll("[?!.。？！]+$", "");
        s = EN_QUERY_LEAD.matcher(s).replaceFirst("");
        s = EN_QUERY_TAIL.matcher(s).replaceFirst("");
        s = s.replaceAll("^(?:关于)", "").replaceAll("(?:的备忘|的记录|的笔记|那条备忘|那条记录)?(?:删了|删掉|去掉|不用记了|不用再记了)?吧?$", "");
        return s.strip().isEmpty() ? text.strip() : s.strip();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
