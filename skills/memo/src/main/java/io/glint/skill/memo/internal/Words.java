package io.glint.skill.memo.internal;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Saying things in the wearer's language, and the words of a note as the search compares them. */
final class Words {
    private static final Set<String> EN_STOP = Set.of("a", "an", "the", "i", "im", "me", "my", "mine", "you", "your",
            "is", "are", "was", "were", "be", "been", "am", "it", "its", "that", "this", "these", "those", "there",
            "to", "of", "on", "in", "at", "for", "with", "and", "or", "but", "so", "do", "did", "does", "done",
            "what", "whats", "where", "wheres", "when", "which", "who", "how", "again", "about", "remember", "note",
            "said", "say", "tell", "told", "please", "can", "could", "would", "will", "should", "have", "has", "had",
            "any", "anything", "some", "up", "now", "then", "just", "thing", "things", "earlier", "before", "we",
            "our", "us", "he", "she", "they", "them", "his", "her", "their", "not", "no", "yes");
    /** Han characters that say nothing about what a note is about. */
    private static final Set<Integer> ZH_STOP = "我你他她它的了在是吗呢吧啊哪那这么什有没和跟还要就都也把被给让说过记住下一个条件事情来着呀嘛"
            .codePoints().boxed().collect(java.util.stream.Collectors.toSet());

    private Words() {
    }

    static boolean zh(String lang) {
        return "zh".equals(lang);
    }

    static String say(String lang, String en, String zh) {
        return zh(lang) ? zh : en;
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /**
     * What a note is about, as comparable units: English content words reduced to a rough stem ("parked" and
     * "park" agree), Chinese as character pairs of content characters (单字 too, for short queries).
     */
    static Set<String> terms(String text) {
        String s = normalize(text);
        Set<String> out = new LinkedHashSet<>();
        StringBuilder han = new StringBuilder();
        for (String word : s.split("[^\\p{L}\\p{N}']+")) {
            word = word.replace("'", "");
            if (word.isEmpty()) {
                continue;
            }
            if (hasHan(word)) {
                word.codePoints().forEach(cp -> {
                    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                        if (!ZH_STOP.contains(cp)) {
                            han.appendCodePoint(cp);
                        } else {
                            flushHan(han, out);
                        }
                    } else {
                        flushHan(han, out);
                    }
                });
                flushHan(han, out);
                for (String latin : word.split("\\p{IsHan}+")) {
                    if (!latin.isEmpty() && !EN_STOP.contains(latin)) {
                        out.add(stem(latin));
                    }
                }
            } else if (!EN_STOP.contains(word)) {
                out.add(stem(word));
            }
        }
        return out;
    }

    private static void flushHan(StringBuilder han, Set<String> out) {
        String run = han.toString();
        if (run.length() == 1) {
            out.add(run);
        }
        for (int i = 0; i + 1 < run.length(); i++) {
            out.add(run.substring(i, i + 2));
        }
        han.setLength(0);
    }

    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 3 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("es") && (w.endsWith("shes") || w.endsWith("ches") || w.endsWith("oes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 2 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The share of the query's terms the note has: 0 when the query has none. */
    static double overlap(Set<String> query, Set<String> note) {
        if (query.isEmpty()) {
            return 0;
        }
        long shared = query.stream().filter(note::contains).count();
        return (double) shared / query.size();
    }

    /** "I parked on level 3" as the wearer hears it back: "you parked on level 3". */
    static String back(String note, String lang) {
        if (zh(lang) || hasHan(note)) {
            return note.replaceAll("[。.!！]+$", "");
        }
        String s = note.strip().replaceAll("[.!]+$", "");
        s = replaceWords(s, "(?i)\\bI am\\b", "you are");
        s = replaceWords(s, "(?i)\\bI'm\\b", "you're");
        s = replaceWords(s, "(?i)\\bI've\\b", "you've");
        s = replaceWords(s, "(?i)\\bI\\b", "you");
        s = replaceWords(s, "(?i)\\bmy\\b", "your");
        s = replaceWords(s, "(?i)\\bmine\\b", "yours");
        s = replaceWords(s, "(?i)\\bme\\b", "you");
        return s;
    }

    private static String replaceWords(String s, String regex, String with) {
        return s.replaceAll(regex, Matcher.quoteReplacement(with));
    }

    /** When a note was made, as a person says it: "today", "yesterday", "on Tuesday", "on 3 March". */
    static String when(Instant at, Instant now, ZoneId zone, String lang) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(day, today);
        if (zh(lang)) {
            if (days <= 0) {
                return "今天";
            }
            if (days == 1) {
                return "昨天";
            }
            if (days < 7) {
                return "周" + "一二三四五六日".charAt(day.getDayOfWeek().getValue() - 1);
            }
            return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
        }
        if (days <= 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days < 7) {
            return "on " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        return "on " + day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** "milk", "milk and eggs", "milk, eggs and bread" / "牛奶、鸡蛋和面包". */
    static String join(List<String> items, String lang) {
        if (zh(lang)) {
            if (items.size() <= 1) {
                return String.join("", items);
            }
            return String.join("、", items.subList(0, items.size() - 1)) + "和" + items.get(items.size() - 1);
        }
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String items(int n, String lang) {
        return zh(lang) ? n + "项" : n == 1 ? "1 item" : n + " items";
    }

    /** The first {@code max} of the items, and "and 3 more" when there are more: glasses show little. */
    static String some(List<String> items, int max, String lang) {
        if (items.size() <= max) {
            return join(items, lang);
        }
        List<String> shown = new ArrayList<>(items.subList(0, max));
        int more = items.size() - max;
        return zh(lang) ? String.join("、", shown) + "等" + items.size() + "项"
                : String.join(", ", shown) + " and " + more + " more";
    }

    static final Pattern SPACES = Pattern.compile("\\s+");
}
