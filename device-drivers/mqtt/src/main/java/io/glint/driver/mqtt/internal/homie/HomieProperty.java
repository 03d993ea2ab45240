package io.glint.driver.mqtt.internal.homie;

import java.util.Objects;

/**
 * One Homie property a Glint attribute is bound to: where it lives ({@code <node>/<property>}) and what its
 * description says about its values.
 *
 * @param datatype Homie's datatype ("boolean", "integer", "float", "string", "enum")
 * @param min      the lower end of a {@code from:to} format (NaN when not given)
 * @param max      the upper end of a {@code from:to} format (NaN when not given)
 */
public record HomieProperty(String node, String property, String datatype, boolean settable, String unit,
        double min, double max) {

    public HomieProperty {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(datatype, "datatype");
        unit = unit == null ? "" : unit;
    }

    /** {@code <node>/<property>}, below the device's topic. */
    public String path() {
        return node + "/" + property;
    }

    boolean integer() {
        return "integer".equals(datatype);
    }
}
