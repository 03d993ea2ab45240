package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.glint.api.skill.Slot;

/**
 * Fills an intent's slots when the intent was recognised by meaning rather than by a template: every span of the
 * utterance is tried against the slot's type (rooms and devices from the registry, numbers, percentages,
 * temperatures, colours), longest first, and a span is used once. Unknown device names are not guessed here:
 * without a template there is no telling which words were meant as a name.
 */
final class SlotFiller {
    static final int MAX_SPAN = 6;

    private SlotFiller() {
    }

    static Map<String, Slot> fill(Map<String, String> slotTypes, Query q) {
        Map<String, Slot> slots = new LinkedHashMap<>();
        // no referents: in "it is far too dark in here" the "it" refers to nothing
        RegistryResolver resolver = new RegistryResolver(q.lexicon());
        List<String> tokens = q.tokens();
        boolean[] used = new boolean[tokens.size()];
        for (Map.Entry<String, String> slot : inFillingOrder(slotTypes)) {
            String type = slot.getValue();
            if (SlotTypes.isFreeText(type)) {
                continue;
            }
            int maxSpan = Math.max(MAX_SPAN, SlotTypes.maxTokens(SlotTypes.base(type)));
            found:
            for (int len = Math.min(maxSpan, tokens.size()); len >= 1; len--) {
                for (int from = 0; from + len <= tokens.size(); from++) {
                    if (free(used, from, from + len)) {
                        Template.Resolution r = resolver.resolve(type, tokens, from, from + len);
                        if (r != null && r.resolved() && !r.candidates().isEmpty()
                                && !io.glint.nlu.Nlu.UNRESOLVED_REFERENCE.equals(r.value())) {
                            slots.put(slot.getKey(), new Slot(slot.getKey(), SlotTypes.base(type),
                                    Text.join(tokens, from, from + len), r.value(), r.candidates()));
                            for (int i = from; i < from + len; i++) {
                                used[i] = true;
                            }
                            break found;
                        }
                    }
                }
            }
        }
        if (slotTypes.containsKey("change") && !slots.containsKey("level") && !slots.containsKey("temperature")) {
            String change = Polarity.change(tokens);
            if (change != null) {
                slots.put("change", Slot.of("change", SlotTypes.base(slotTypes.get("change")), change, change));
            }
        }
        return slots;
    }

    /**
     * Rooms first, then devices, then the rest by name: "my bedroom lights" is the bedroom's lights rather than a
     * device called "bedroom lights", and the same sentence gets the same slots whatever order the skill's
     * definition (an unordered map) hands them in.
     */
    static List<Map.Entry<String, String>> inFillingOrder(Map<String, String> slotTypes) {
        List<Map.Entry<String, String>> order = new ArrayList<>(slotTypes.entrySet());
        order.sort(Comparator.<Map.Entry<String, String>>comparingInt(e -> rank(SlotTypes.base(e.getValue())))
                .thenComparing(Map.Entry::getKey));
        return order;
    }

    private static int rank(String baseType) {
        return baseType.equals(SlotTypes.ROOM) ? 0 : baseType.equals(SlotTypes.DEVICE) ? 1 : 2;
    }

    private static boolean free(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }
}
