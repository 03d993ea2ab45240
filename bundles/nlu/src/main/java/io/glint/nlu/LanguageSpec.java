package io.glint.nlu;

import java.util.List;
import java.util.Map;

/**
 * An intent's templates and example utterances in one language, and for its free-text slots a few values people
 * would say ({@code samples}), which the hub puts in the templates to learn from them; a template with a free-text
 * slot that has no samples teaches the model nothing (a made-up value would teach it the wrong thing). A sentence
 * with one of the {@code excludes} words (lower case; "email" for a text message) is never this intent.
 */
public record LanguageSpec(List<TemplateSpec> templates, List<String> examples, Map<String, List<String>> samples,
        List<String> excludes) {
    public LanguageSpec {
        templates = List.copyOf(templates);
        examples = List.copyOf(examples);
        samples = samples.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        excludes = List.copyOf(excludes);
    }

    public LanguageSpec(List<TemplateSpec> templates, List<String> examples) {
        this(templates, examples, Map.of(), List.of());
    }
}
