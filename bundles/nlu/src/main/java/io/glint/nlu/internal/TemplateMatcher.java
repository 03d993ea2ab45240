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
    private record Compiled(int order, String intent, Map<String, String> slotTypes, Template template,
            Map<String, String> fixed, List<String> excludes) {
    }

    /**
     * Templates of one language, indexed by one clause each (the one with the rarest words), so an utterance
     * is tried only against templates that share a needed word with it: the cost follows what could match,
     * not how many skills are installed.
     */
    private record Index(Map<String, List<Compiled>> byToken, List<Compiled> unindexed) {
        List<Compiled> candidates(Query q) {
            java.util.TreeMap<Integer, Compiled> found = new java.util.TreeMap<>();
            for (Compiled c : unindexed) {
                found.put(c.order(), c);
            }
            for (String t : q.tokenSet()) {
                for (Compiled c : byToken.getOrDefault(t, List.of())) {
                    found.put(c.order(), c);
                }
            }
            return new ArrayList<>(found.values());
        }
    }

    private volatile Map<String, Index> byLanguage = Map.of();

    @Override
    public void update(Catalog catalog) {
        Map<String, List<Compiled>> all = new LinkedHashMap<>();
        int order = 0;
        for (SkillSpec skill : catalog.specs()) {
            for (IntentSpec intent : skill.intents()) {
                for (Map.Entry<String, LanguageSpec> lang : intent.languages().entrySet()) {
                    for (TemplateSpec t : lang.getValue().templates()) {
                        all.computeIfAbsent(lang.getKey(), k -> new ArrayList<>()).add(new Compiled(order++,
                                intent.name(), intent.slots(), Template.compile(t.text(), intent.slots()), t.fixed(),
                                lang.getValue().excludes()));
                    }
                }
            }
        }
        Map<String, Index> next = new LinkedHashMap<>();
        all.forEach((lang, templates) -> next.put(lang, index(templates)));
        byLanguage = next;
    }

    private static Index index(List<Compiled> templates) {
        Map<String, Integer> frequency = new java.util.HashMap<>();
        for (Compiled c : templates) {
            c.template().clauses().forEach(clause -> clause.forEach(t -> frequency.merge(t, 1, Integer::sum)));
        }
        Map<String, List<Compiled>> byToken = new java.util.HashMap<>();
        List<Compiled> unindexed = new ArrayList<>();
        for (Compiled c : templates) {
            java.util.Optional<java.util.Set<String>> rarest = c.template().clauses().stream().min(
                    java.util.Comparator.comparingInt(clause -> clause.stream().mapToInt(frequency::get).sum()));
            if (rarest.isEmpty()) {
                unindexed.add(c);
            } else {
                rarest.get().forEach(t -> byToken.computeIfAbsent(t, k -> new ArrayList<>()).add(c));
            }
        }
        return new Index(byToken, unindexed);
    }

    @Override
    public Optional<Candidate> match(Query q) {
        Template.SlotResolver resolver = new RegistryResolver(q.lexicon(), q.referents());
        Compiled best = null;
        Template.Match bestMatch = null;
        Index index = byLanguage.get(q.lang());
        if (index == null) {
            return Optional.empty();
        }
        for (Compiled c : index.candidates(q)) {
            if (!c.excludes().isEmpty() && q.mentionsAny(c.excludes())) {
                continue;
            }
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
