package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.glint.nlu.SkillSpec;

/**
 * The definitions of the installed skills, by owner: first the hub's own answers (a definition of {@code dialog.}
 * intents only: "yes", "no", "the kitchen one"), so no skill's template can take the wearer's answer to the hub's
 * question, then the skills in the order of their owners' names rather than the order they arrived: when two
 * skills' templates match a sentence equally well, the same skill answers after every start of the hub, whichever
 * of them happened to start first. Immutable.
 */
public final class Catalog {
    private final Map<String, SkillSpec> specs;

    private Catalog(Map<String, SkillSpec> specs) {
        this.specs = Collections.unmodifiableMap(specs);
    }

    public static Catalog empty() {
        return new Catalog(new TreeMap<>());
    }

    public Catalog with(String owner, SkillSpec spec) {
        Map<String, SkillSpec> copy = new TreeMap<>(specs);
        copy.remove(owner);
        copy.put(owner, spec);
        return new Catalog(copy);
    }

    public Catalog without(String owner) {
        Map<String, SkillSpec> copy = new TreeMap<>(specs);
        copy.remove(owner);
        return new Catalog(copy);
    }

    public List<SkillSpec> specs() {
        List<SkillSpec> ordered = new ArrayList<>();
        specs.values().stream().filter(Catalog::answers).forEach(ordered::add);
        specs.values().stream().filter(spec -> !answers(spec)).forEach(ordered::add);
        return ordered;
    }

    /** Whether a definition holds only the hub's answers to its own questions. */
    private static boolean answers(SkillSpec spec) {
        return !spec.intents().isEmpty() && spec.intents().stream().allMatch(i -> i.name().startsWith("dialog."));
    }
}
