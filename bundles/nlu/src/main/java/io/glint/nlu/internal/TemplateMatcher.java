package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.glint.api.skill.Slot;
import io.glint.nlu.IntentSpec;
import io.glint.nlu.LanguageSpec;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.TemplateSpec;

/**
 * Matches the whole utterance against every template of its language and keeps the best match: fewest slots
 * that name no known device, then most literal words, then the most specific slot types.
 */
public final class TemplateMatcher implements IntentMatcher {
    private record Compiled(String intent, Map<String, String> slotTypes, Template template,
            Map<String, String> fixed) {
    }

    private volatile Map<String, List<Compiled>> byLanguage = Map.of();

    @Override
    public void update(Catalog catalog) {
        Map<String, List<Compiled>> next = new LinkedHashMap<>();
        for (SkillSpec skill : catalog.specs()) {
            for (IntentSpec intent : skill.intents()) {
                for (Map.Entry<String, LanguageSpec> lang : intent.languages().entrySet()) {
                    for (TemplateSpec t : lang.getValue().templates()) {
                        next.computeIfAbsent(lang.getKey(), k -> new ArrayList<>()).add(new Compiled(intent.name(),
                                intent.slots(), Template.compile(t.text(), intent.slots()), t.fixed()));
                    }
                }
            }
        }
        byLanguage = next;
    }

    @Override
    public Optional<Candidate> match(Query q) {
        Template.SlotResolver resolver = new RegistryResolver(q.lexicon());
        Compiled best = null;
        Template.Match bestMatch = null;
        for (Compiled c : byLanguage.getOrDefault(q.lang(), List.of())) {
            Template.Match m = c.template().match(q.tokens(), q.tokenSet(), resolver);
            if (m != null && (bestMatch == null || m.betterThan(bestMatch))) {
                best = c;
                bestMatch = m;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Map<String, Slot> slots = new LinkedHashMap<>();
        for (Template.SlotMatch s : bestMatch.slots().values()) {
            slots.put(s.name(), new Slot(s.name(), SlotTypes.base(s.type()), s.raw(), s.resolution().value(),
                    s.resolution().candidates()));
        }
        for (Map.Entry<String, String> f : best.fixed().entrySet()) {
            String type = SlotTypes.base(best.slotTypes().get(f.getKey()));
            slots.put(f.getKey(), Slot.of(f.getKey(), type, f.getValue(), f.getValue()));
        }
        return Optional.of(new Candidate(best.intent(), slots, 1.0, "template"));
    }
}
