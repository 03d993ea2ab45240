package io.glint.nlu.internal;

import java.util.Map;
import java.util.Optional;

import io.glint.api.skill.Slot;

/**
 * One stage of understanding. The hub asks its matchers in order and takes the first answer: templates first
 * (exact, they win), then statistical matchers that generalise from the skills' examples.
 */
public interface IntentMatcher {

    record Candidate(String intent, Map<String, Slot> slots, double confidence, String matcher) {
    }

    /** Rebuilds whatever the matcher derives from the installed skills; called when skills come or go. */
    void update(Catalog catalog);

    Optional<Candidate> match(Query query);
}
