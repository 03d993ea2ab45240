package io.glint.nlu.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalisation and tokenisation shared by templates, utterances and the gazetteer, so that all three agree on
 * what a token is: a run of letters or digits (a decimal point inside a number stays), a single Han character,
 * or one of the symbols % and °. Everything else separates tokens.
 */
public final class Text {
    private Text() {
    }

    public static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    public static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The language of a text by its script: zh when it contains Han characters, else en. */
    public static String language(String s) {
        return hasHan(s) ? "zh" : "en";
    }

    public static List<String> tokens(String raw) {
        String s = normalize(raw);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (isHan(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || (cp == '#' && word.length() == 0)) {
                word.appendCodePoint(cp);
            } else if (cp == '.' && word.length() > 0 && Character.isDigit(cps[i - 1]) && i + 1 < cps.length
                    && Character.isDigit(cps[i + 1])) {
                word.append('.');
            } else if (cp == '\'' || cp == '\u2019') {
                // "don't" and "dont" are the same word to a speech recogniser
            } else if (cp == '%' || cp == '°') {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                flush(word, out);
            }
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    /** Joins tokens back into text the way the wearer would write them: no space next to a Han character. */
    public static String join(List<String> tokens) {
        return join(tokens, 0, tokens.size());
    }

    public static String join(List<String> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            if (sb.length() > 0 && !isHan(t.codePointAt(0)) && !isHan(sb.codePointBefore(sb.length()))
                    && !t.equals("%") && !t.equals("°")) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /** A lookup key for a phrase: its tokens joined by single spaces. */
    public static String key(List<String> tokens, int from, int to) {
        if (to - from == 1) {
            return tokens.get(from); // the common case, without a joiner
        }
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(tokens.get(i));
        }
        return key.toString();
    }

    public static String key(String phrase) {
        return String.join(" ", tokens(phrase));
    }
}
