package io.glint.nlu.internal;

/** A template that cannot be compiled; the message quotes it and says what to change. */
public class TemplateSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateSyntaxException(String template, String problem) {
        super("template \"" + template + "\": " + problem);
    }
}
