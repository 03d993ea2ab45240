package io.glint.driver.mqtt.internal.z2m;

import java.util.List;
import java.util.Objects;

/**
 * One zigbee2mqtt property a Glint attribute is bound to, with what its expose says about the values:
 * {@code name} is the JSON key in state messages and {@code /set} payloads ("state", "state_l1", "brightness").
 *
 * @param valueOn  for binary exposes, the value meaning on / locked ("ON", "LOCK"); null otherwise
 * @param valueOff for binary exposes, the value meaning off / unlocked
 * @param min      for numeric exposes, value_min (NaN when not given)
 * @param max      for numeric exposes, value_max (NaN when not given)
 * @param step     for numeric exposes, value_step (NaN when not given)
 * @param values   for enum exposes, the allowed values; empty otherwise
 */
public record Z2mProperty(String name, boolean settable, Object valueOn, Object valueOff, double min, double max,
        double step, List<String> values) {

    public Z2mProperty {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }

    /** min, or the fallback when the expose gave none. */
    public double minOr(double fallback) {
        return Double.isNaN(min) ? fallback : min;
    }

    /** max, or the fallback when the expose gave none. */
    public double maxOr(double fallback) {
        return Double.isNaN(max) ? fallback : max;
    }
}
