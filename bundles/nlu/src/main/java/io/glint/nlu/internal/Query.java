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
            if (Text.hasHan(w) ? text.contains(w) : w.indexOf(' ') < 0 ? tokenSet.contains(w)
                    : (" " + String.join(" ", tokens) + " ").contains(" " + w + " ")) {
                return true;
            }
        }
        return false;
    }
}
