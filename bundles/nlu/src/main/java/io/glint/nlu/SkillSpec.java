package io.glint.nlu;

import java.util.List;
import java.util.Set;

import io.glint.api.device.Capability;

/**
 * A skill's definition file, read: the capabilities it asks to command and the intents it declares.
 */
public record SkillSpec(Set<Capability> grants, List<IntentSpec> intents) {
    public SkillSpec {
        grants = Set.copyOf(grants);
        intents = List.copyOf(intents);
    }
}
