package io.glint.nlu;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.glint.api.skill.Intent;
import io.glint.api.voice.Utterance;

/**
 * Understands utterances against the intents of the installed skills. The hub registers a skill's definition
 * when the skill arrives and removes it when the skill leaves; what is understood follows at once.
 */
@ProviderType
public interface Nlu {

    /** The value of a device slot filled by "it" when there is nothing it can refer to: the hub asks. */
    String UNRESOLVED_REFERENCE = "@it";

    /** Adds (or replaces) the intents declared by one skill, identified by {@code owner}. */
    void register(String owner, SkillSpec spec);

    /** Forgets everything {@code owner} declared. */
    void unregister(String owner);

    /**
     * The intent the utterance expresses, with its slots resolved against the device registry; empty when
     * nothing the installed skills declare matches (the hub says so rather than guessing).
     */
    default Optional<Intent> parse(Utterance utterance) {
        return parse(utterance, List.of());
    }

    /**
     * As {@link #parse(Utterance)}, with the devices the wearer was last talking about: "it", "them", "它" in a
     * device slot stand for those of them the slot accepts (a light for a light intent, a fan for a fan intent).
     * A pronoun with nothing to refer to still fills the slot, with no value, so the hub can ask.
     */
    Optional<Intent> parse(Utterance utterance, List<String> referents);

    /** The intent names registered now, by every owner. */
    java.util.Set<String> intents();

    /** The languages for which a model is loaded and the examples are indexed. */
    default java.util.Set<String> modelLanguages() {
        return java.util.Set.of();
    }
}
