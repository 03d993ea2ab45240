package io.glint.nlu;

import java.util.List;

/** An intent's templates and example utterances in one language. */
public record LanguageSpec(List<TemplateSpec> templates, List<String> examples) {
    public LanguageSpec {
        templates = List.copyOf(templates);
        examples = List.copyOf(examples);
    }
}
