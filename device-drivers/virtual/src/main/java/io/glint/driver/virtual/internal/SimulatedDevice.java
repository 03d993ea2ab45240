package io.glint.driver.virtual.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.glint.driver.virtual.internal.CommandEffects.Accepted;

/** One simulated device and its current state; the state is what the device would report if asked. */
final class SimulatedDevice {
    final VirtualDevice spec;
    private final Map<String, Object> state;

    SimulatedDevice(VirtualDevice spec) {
        this.spec = spec;
        this.state = new LinkedHashMap<>(spec.device().state());
    }

    String id() {
        return spec.id();
    }

    String name() {
        return spec.device().name();
    }

    /** Takes a command and returns the attributes that changed because of it. */
    synchronized Map<String, Object> apply(Accepted command) {
        Map<String, Object> changes = CommandEffects.changes(spec.device().capabilities(), state, command);
        state.putAll(changes);
        return changes;
    }

    /** Sets an attribute only if it still has the expected value; returns the change, or nothing. */
    synchronized Map<String, Object> replaceIf(String attribute, Object expected, Object value) {
        if (!expected.equals(state.get(attribute))) {
            return Map.of();
        }
        state.put(attribute, value);
        return Map.of(attribute, value);
    }

    synchronized Map<String, Object> snapshot() {
        return Map.copyOf(state);
    }
}
