package io.glint.core.internal;

/** The hub's own sentences, in the wearer's language (English unless the utterance was Chinese). */
final class Say {
    private Say() {
    }

    static String in(String lang, String en, String zh) {
        return "zh".equals(lang) ? zh : en;
    }
}
