package io.glint.skill.phone.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words as the wearer said them. A free-text slot holds the utterance's words normalised for matching (lower case,
 * no punctuation, "I'm" as "im"); a message must go out as spoken, so the slot's words are found again in the
 * utterance and that stretch of it is taken, capitals, apostrophes and inner punctuation included.
 */
final class Spoken {
    private record Token(String text, int start, int end) {
    }

    private Spoken() {
    }

    /** Tokens as the hub's NLU makes them: runs of letters or digits, each Han character alone; ' and ’ dropped. */
    static List<String> tokens(String s) {
        return scan(s).stream().map(Token::text).toList();
    }

    private static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            String norm = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            for (int c : norm.codePoints().toArray()) {
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    if (word.length() > 0) {
                        out.add(new Token(word.toString(), start, i));
                        word.setLength(0);
                    }
                    out.add(new Token(new String(Character.toChars(c)), i, next));
                } else if (Character.isLetterOrDigit(c) || (c == '.' && word.length() > 0
                        && Character.isDigit(word.charAt(word.length() - 1)) && next < s.length()
                        && Character.isDigit(s.codePointAt(next)))) {
                    if (word.length() == 0) {
                        start = i;
                    }
                    word.appendCodePoint(c);
                } else if (c == '\'' || c == '\u2019') {
                    // inside a word: "I'm" is one token, "im"
                } else if (word.length() > 0) {
                    out.add(new Token(word.toString(), start, i));
                    word.setLength(0);
                }
            }
            i = next;
        }
        if (word.length() > 0) {
            out.add(new Token(word.toString(), start, s.length()));
        }
        return out;
    }

    /**
     * The stretch of {@code utterance} whose tokens are {@code raw}'s (the last such stretch: a message follows the
     * words that introduce it), with a ?, ! or … right after it kept; {@code raw} itself when it is not found.
     */
    static String original(String utterance, String raw) {
        List<String> want = tokens(raw);
        List<Token> have = scan(utterance);
        if (want.isEmpty()) {
            return raw;
        }
        for (int from = have.size() - want.size(); from >= 0; from--) {
            boolean same = true;
            for (int k = 0; k < want.size() && same; k++) {
                same = have.get(from + k).text().equals(want.get(k));
            }
            if (same) {
                int start = have.get(from).start();
                int end = have.get(from + want.size() - 1).end();
                while (end < utterance.length() && "?!？！…".indexOf(utterance.charAt(end)) >= 0) {
                    end++;
                }
                return utterance.substring(start, end).strip();
            }
        }
        return raw;
    }
}
