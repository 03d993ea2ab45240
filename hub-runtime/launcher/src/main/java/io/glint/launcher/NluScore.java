package io.glint.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;

/**
 * Turns one row and what the hub understood into an {@link Outcome}: the gold intent after the none-mapping, the
 * prediction after its own, and the room and device slots on both sides, ready for {@link NluFigures}.
 */
final class NluScore {
    static final String NONE = "none";
    static final String DIALOG_PREFIX = "dialog.";

    /**
     * Slot types that name a room or a device, in the data sets (HWU64: house_place, device_type) and in the hub
     * (room, device). Every other type is left out of the slot figures.
     */
    static final Map<String, String> SLOT_KINDS = Map.of("room", "room", "house_place", "room",
            "device", "device", "device_type", "device");

    private final Set<String> installed;

    /** @param installed the intents the installed skills declare ({@code Assistant#intents()}) */
    NluScore(Set<String> installed) {
        this.installed = Set.copyOf(installed);
    }

    /**
     * What was scored for one row. Slot lists hold trimmed lower-case words per kind ({@code room},
     * {@code device}); {@code predictedSlots} is empty when the prediction counts as none.
     */
    record Outcome(String text, String gold, String predicted, double score, Map<String, List<String>> goldSlots,
            Map<String, List<String>> predictedSlots, long nanos, boolean failed) {
    }

    /** The row's intent when an installed skill declares it, else none. */
    String gold(EvalSet.Row row) {
        return installed.contains(row.intent()) ? row.intent() : NONE;
    }

    /** The understood intent's name; none when nothing was understood or only a hub dialog answer was. */
    static String predicted(Optional<Intent> understood) {
        return understood.map(Intent::name).filter(n -> !n.startsWith(DIALOG_PREFIX)).orElse(NONE);
    }

    Outcome outcome(EvalSet.Row row, Optional<Intent> understood, long nanos) {
        String predicted = predicted(understood);
        boolean counts = !NONE.equals(predicted);
        double score = counts ? understood.get().confidence() : 0;
        List<Kinded> gold = row.slots().stream().map(s -> new Kinded(s.type(), s.value())).toList();
        List<Kinded> said = counts ? understood.get().slots().values().stream()
                .map((Slot s) -> new Kinded(s.type(), s.raw())).toList() : List.of();
        return new Outcome(row.text(), gold(row), predicted, score, byKind(gold), byKind(said), nanos, false);
    }

    /** {@code understand} threw: scored as nothing understood, and counted apart. */
    Outcome failure(EvalSet.Row row, long nanos) {
        Outcome o = outcome(row, Optional.empty(), nanos);
        return new Outcome(o.text(), o.gold(), o.predicted(), 0, o.goldSlots(), Map.of(), nanos, true);
    }

    private record Kinded(String type, String words) {
    }

    private static Map<String, List<String>> byKind(List<Kinded> slots) {
        List<String> rooms = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        for (Kinded s : slots) {
            String kind = SLOT_KINDS.get(s.type());
            if (kind != null) {
                (kind.equals("room") ? rooms : devices).add(s.words().strip().toLowerCase(Locale.ROOT));
            }
        }
        return Map.of("room", List.copyOf(rooms), "device", List.copyOf(devices));
    }
}
