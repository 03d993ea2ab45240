package io.glint.bridge.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One slot of the understood intent, in full: for glasses that show what was heard, or offer the candidates of an
 * ambiguous name.
 *
 * @param type       room, device, number, percent, color, temperature, or a skill's own type
 * @param raw        the words as the wearer said them
 * @param value      the normalised value (a registry id for rooms and devices), or null when unresolved
 * @param candidates the registry ids the words matched (rooms, devices); empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotMessage(String type, String raw, String value, List<String> candidates) {
    public SlotMessage {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
