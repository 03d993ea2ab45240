package io.glint.api.skill;

import java.util.List;
import java.util.Objects;

/**
 * What the glasses display next to the spoken answer: a title and at most three short lines.
 */
public final class Card {
    public static final int MAX_LINES = 3;
    public static final int MAX_LINE_LENGTH = 48;

    private final String title;
    private final List<String> lines;

    private Card(String title, List<String> lines) {
        this.title = Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("A card needs a title");
        }
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("A card shows at most " + MAX_LINES + " lines, got " + lines.size()
                    + "; put the rest in the speech");
        }
        for (String line : lines) {
            if (Objects.requireNonNull(line, "line").length() > MAX_LINE_LENGTH) {
                throw new IllegalArgumentException("Card line longer than " + MAX_LINE_LENGTH + " characters: \""
                        + line + "\"; the glasses cannot show it");
            }
        }
        this.lines = List.copyOf(lines);
    }

    public static Card of(String title, String... lines) {
        return new Card(title, List.of(lines));
    }

    public static Card of(String title, List<String> lines) {
        return new Card(title, lines);
    }

    public String title() {
        return title;
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Card c && c.title.equals(title) && c.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, lines);
    }

    @Override
    public String toString() {
        return "Card[" + title + " " + lines + "]";
    }
}
