package io.glint.nlu;

import java.util.Map;
import java.util.Objects;

/**
 * One template of an intent, e.g. {@code "turn (on|off) [the] {room} light[s]"}, and slot values it fixes
 * when it matches (e.g. {@code all=true} for "turn on all the lights").
 */
public record TemplateSpec(String text, Map<String, String> fixed) {
    public TemplateSpec {
        Objects.requireNonNull(text, "text");
        fixed = Map.copyOf(fixed);
    }

    public static TemplateSpec of(String text) {
        return new TemplateSpec(text, Map.of());
    }
}
