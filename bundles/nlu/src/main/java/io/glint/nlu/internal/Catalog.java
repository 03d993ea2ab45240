package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.glint.nlu.SkillSpec;

/** The definitions of the installed skills, by owner, in the order they arrived. Immutable. */
public final class Catalog {
    private final Map<String, SkillSpec> specs;

    private Catalog(Map<String, SkillSpec> specs) {
        this.specs = Collections.unmodifiableMap(specs);
    }

    public static Catalog empty() {
        return new Catalog(new LinkedHashMap<>());
    }

    public Catalog with(String owner, SkillSpec spec) {
        Map<String, SkillSpec> copy = new LinkedHashMap<>(specs);
        copy.remove(owner);
        copy.put(owner, spec);
        return new Catalog(copy);
    }

    public Catalog without(String owner) {
        Map<String, SkillSpec> copy = new LinkedHashMap<>(specs);
        copy.remove(owner);
        return new Catalog(copy);
    }

    public List<SkillSpec> specs() {
        return new ArrayList<>(specs.values());
    }
}
