package io.glint.api.device;

import java.util.List;

/** Picks the name to say in a language, for {@link Device#nameIn} and {@link Room#nameIn}. */
final class Names {
    private Names() {
    }

    static String in(String lang, String name, List<String> aliases) {
        if (!"zh".equals(lang)) {
            return name;
        }
        for (String alias : aliases) {
            if (alias.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                return alias;
            }
        }
        return name;
    }
}
