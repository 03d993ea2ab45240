package io.glint.nlu;

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

    /** Adds (or replaces) the intents declared by one skill, identified by {@code owner}. */
    void register(String owner, SkillSpec spec);

    /** Forgets everything {@code owner} declared. */
    void unregister(String owner);

    /**
     * The intent the utterance expresses, with its slots resolved against the device registry; empty when
     * nothing the installed skills declare matches (the hub says so rather than guessing).
     */
    Optional<Intent> parse(Utterance utterance);
}
