package io.glint.skill.phone.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phone's contacts (its {@code contacts} state: maps name, number, aliases) and who the wearer means: a name
 * or alias said in full, in any case ("Mum", "妈妈", "老王"), else a first or last name ("Sarah" for Sarah Miller,
 * "建国" for 王建国); with "my", "'s mobile", "的电话" and the like around it left out.
 */
final class Contacts {
    record Contact(String name, String number, List<String> aliases) {
        /** What to call the contact in an answer in {@code lang}: a Han name for Chinese, a Latin one for English. */
        String say(String lang) {
            boolean zh = "zh".equals(lang);
            if (hasHan(name) == zh) {
                return name;
            }
            return aliases.stream().filter(a -> hasHan(a) == zh).findFirst().orElse(name);
        }
    }

    /** Who was meant: one contact, several (ask which), or none. */
    record Lookup(List<Contact> matches) {
        boolean found() {
            return matches.size() == 1;
        }

        Contact contact() {
            return matches.get(0);
        }
    }

    private static final Pattern LEADING = Pattern.compile("^(my|the|our)\\s+|^(我的|我们的|我)");
    private static final Pattern TRAILING = Pattern.compile(
            "(\\s+(mobile phone|mobile|cell phone|cellphone|cell|phone|number|work phone|home phone))+$"
                    + "|(的)?(手机号码|手机号|手机|电话号码|电话|号码)$");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ]{2,19}");

    private final List<Contact> all;

    private Contacts(List<Contact> all) {
        this.all = all;
    }

    /** The contacts from a phone's state; entries that are not maps with a name and a number are left out. */
    static Contacts of(Object state) {
        List<Contact> out = new ArrayList<>();
        if (state instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("name") instanceof String name
                        && m.get("number") instanceof String number && !name.isBlank() && !number.isBlank()) {
                    List<String> aliases = new ArrayList<>();
                    if (m.get("aliases") instanceof List<?> as) {
                        as.stream().filter(String.class::isInstance).map(String.class::cast)
                                .filter(a -> !a.isBlank()).forEach(aliases::add);
                    }
                    out.add(new Contact(name.strip(), number.strip(), List.copyOf(aliases)));
                }
            }
        }
        return new Contacts(List.copyOf(out));
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** A phone number said as digits ("07700 900123"), without spaces; null when the words are not one. */
    static String number(String said) {
        String s = said.strip();
        return NUMBER.matcher(s).matches() ? s.replace(" ", "") : null;
    }

    static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        // no spaces next to Han characters: "给 老王" and "老王" are the same words
        return n.replaceAll("(?<=\\p{IsHan}) | (?=\\p{IsHan})", "");
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The ways of reading what was said, most literal first. */
    static List<String> readings(String said) {
        Set<String> out = new LinkedHashSet<>();
        String n = norm(said);
        out.add(n);
        String bare = TRAILING.matcher(LEADING.matcher(n).replaceFirst("").strip()).replaceFirst("").strip();
        if (!bare.isEmpty()) {
            out.add(bare);
            // "sarahs mobile": the apostrophe of "Sarah's" is gone by now
            if (bare.endsWith("s") && !hasHan(bare) && bare.length() > 2) {
                out.add(bare.substring(0, bare.length() - 1));
            }
            // "我妈" → "妈妈"
            if (bare.length() == 1 && hasHan(bare)) {
                out.add(bare + bare);
            }
        }
        out.remove("");
        return List.copyOf(out);
    }

    /** The contacts whose name or an alias is {@code said} in full. */
    List<Contact> exact(String said) {
        for (String r : readings(said)) {
            List<Contact> exact = all.stream().filter(c -> norm(c.name()).equals(r)
                    || c.aliases().stream().anyMatch(a -> norm(a).equals(r))).distinct().toList();
            if (!exact.isEmpty()) {
                return exact;
            }
        }
        return List.of();
    }

    /** Who {@code said} names. */
    Lookup find(String said) {
        List<String> readings = readings(said);
        List<Contact> exact = exact(said);
        if (!exact.isEmpty()) {
            return new Lookup(exact);
        }
        for (String r : readings) {
            List<Contact> partial = all.stream().filter(c -> partOf(r, c.name())
                    || c.aliases().stream().anyMatch(a -> partOf(r, a))).distinct().toList();
            if (!partial.isEmpty()) {
                return new Lookup(partial);
            }
        }
        return new Lookup(List.of());
    }

    /** A first or last name: a whole word of a Latin name, or two or more Han characters at either end of a Han one. */
    private static boolean partOf(String reading, String name) {
        String n = norm(name);
        if (hasHan(reading)) {
            return reading.length() >= 2 && reading.length() < n.length() && (n.startsWith(reading)
                    || n.endsWith(reading));
        }
        for (String word : n.split(" ")) {
            if (word.equals(reading)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The contact named somewhere in a sentence, for a sentence understood by its meaning, without slots: the
     * longest name or alias found as whole words; null when none is, or when two different people are.
     */
    /** What a contact may be called: its name, aliases, an English name's first word, a Chinese given name. */
    static List<String> sayable(Contact c) {
        List<String> names = new ArrayList<>(c.aliases());
        names.add(c.name());
        String[] words = c.name().strip().split("\\s+");
        if (words.length > 1) {
            names.add(words[0]);
        } else if (hasHan(c.name()) && c.name().codePointCount(0, c.name().length()) == 3) {
            names.add(c.name().substring(c.name().offsetByCodePoints(0, 1)));
        }
        return names;
    }

    Contact in(String sentence) {
        String s = " " + norm(sentence) + " ";
        Contact best = null;
        int bestLength = 0;
        boolean tie = false;
        for (Contact c : all) {
            List<String> names = sayable(c);
            for (String name : names) {
                String n = norm(name);
                boolean found = hasHan(n) ? s.contains(n) : s.contains(" " + n + " ") || s.contains(" " + n + "s ");
                if (found && !n.isEmpty()) {
                    if (n.length() > bestLength) {
                        best = c;
                        bestLength = n.length();
                        tie = false;
                    } else if (n.length() == bestLength && best != c) {
                        tie = true;
                    }
                }
            }
        }
        return tie ? null : best;
    }
}
