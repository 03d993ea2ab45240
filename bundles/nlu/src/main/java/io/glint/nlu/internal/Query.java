package io.glint.nlu.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One utterance ready for matching: its tokens, language and the registry's names at this moment. */
public record Query(String text, String lang, List<String> tokens, Set<String> tokenSet, Lexicon lexicon,
        List<String> referents) {
    public static Query of(String text, String lang, List<String> tokens, Lexicon lexicon) {
        return of(text, lang, tokens, lexicon, List.of());
    }

    public static Query of(String text, String lang, List<String> tokens, Lexicon lexicon, List<String> referents) {
        return new Query(text, lang, List.copyOf(tokens), new HashSet<>(tokens), lexicon, List.copyOf(referents));
    }

    /** Whether the utterance says one of the words (a Chinese word anywhere in the text, others as whole words). */
    public boolean mentionsAny(List<String> words) {
        for (String w : words) {
            if (Text.hasHan(w) ? text.contains(w) : w.indexOf(' ') < 0 ? tokenSet.contains(w) : saysPhrase(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether consecutive tokens spell {@code phrase} (words separated by one space), compared in place. */
    private boolean saysPhrase(String phrase) {
        for (int start = 0; start < tokens.size(); start++) {
            int pos = 0;
            for (int j = start; j < tokens.size(); j++) {
                String token = tokens.get(j);
                int end = pos + token.length();
                if (!phrase.startsWith(token, pos) || (end < phrase.length() && phrase.charAt(end) != ' ')) {
                    break;
                }
                if (end == phrase.length()) {
                    return true;
                }
                pos = end + 1;
            }
        }
        return false;
    }
}
