package io.glint.nlu;

import java.util.Map;
import java.util.Objects;

/**
 * One declared intent: its name, its slots (name → slot type: room, device, device:light, number, percent,
 * color, temperature, text) and, per language code, templates and examples.
 */
public record IntentSpec(String name, Map<String, String> slots, Map<String, LanguageSpec> languages) {
    public IntentSpec {
        Objects.requireNonNull(name, "name");
        slots = Map.copyOf(slots);
        languages = Map.copyOf(languages);
    }
}
