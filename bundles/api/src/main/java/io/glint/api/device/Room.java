package io.glint.api.device;

import java.util.List;
import java.util.Objects;

/** A room of the home: an id, a display name, and the other names people use for it (in any language). */
public final class Room {
    private final String id;
    private final String name;
    private final List<String> aliases;

    public Room(String id, String name, List<String> aliases) {
        this.id = requireId(id);
        this.name = Objects.requireNonNull(name, "name");
        this.aliases = List.copyOf(aliases);
    }

    /** Compiled once: every state update of every device checks its ids. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_.:-]*");

    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid id \"" + id
                    + "\": use lower-case letters, digits and . _ : - (e.g. kitchen.ceiling)");
        }
        return id;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /**
     * The name to say in a language: for {@code zh} the first alias written in Chinese characters (people name
     * their things in both languages), otherwise — or when there is none — {@link #name()}.
     */
    public String nameIn(String lang) {
        return Names.in(lang, name, aliases);
    }

    public List<String> aliases() {
        return aliases;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Room r && r.id.equals(id) && r.name.equals(name) && r.aliases.equals(aliases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, aliases);
    }

    @Override
    public String toString() {
        return "Room[" + id + "]";
    }
}
