package io.glint.api.voice;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.glint.api.skill.Intent;

/** The hub's voice entry point: understands an utterance and has the right skill act on it. */
@ProviderType
public interface Assistant {

    /** Understands and acts. Never throws for bad input or a failing skill: the response says what happened. */
    Response handle(Utterance utterance);

    /** Understands only: the intent and slots the hub would dispatch, or empty when nothing matches. */
    Optional<Intent> understand(Utterance utterance);

    /** The intent names the installed skills declare now (not the hub's own dialog intents). */
    java.util.Set<String> intents();

    /**
     * The languages understood by meaning as well as by templates now: an on-device model is loaded and the
     * installed skills' examples are indexed. Empty while models load, or when none is installed.
     */
    default java.util.Set<String> modelLanguages() {
        return java.util.Set.of();
    }
}
