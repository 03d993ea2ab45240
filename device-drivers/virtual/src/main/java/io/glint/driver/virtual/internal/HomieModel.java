package io.glint.driver.virtual.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;

/**
 * What a simulated device looks like as a Homie 5 device: one node named after its kind, one property per Glint
 * attribute (Homie has no convention for media players, vacuums or coffee machines, so those properties carry
 * Glint's attribute names, as the MQTT driver expects), values as Homie's plain strings.
 */
final class HomieModel {
    /** Homie 5's empty string: an empty payload would delete the retained value instead. */
    static final String EMPTY = "\u0000";

    /** One property: its Homie id and description. */
    record Property(String id, String attribute, String datatype, boolean settable, String format, String unit) {
    }

    private HomieModel() {
    }

    /** The device's properties by Glint attribute, in the order they are described. */
    static Map<String, Property> properties(Device d) {
        Map<String, Property> p = new LinkedHashMap<>();
        if (d.has(Capability.ON_OFF)) {
            p.put(Attributes.ON, new Property("on", Attributes.ON, "boolean", true, null, null));
        }
        if (d.has(Capability.BRIGHTNESS)) {
            p.put(Attributes.BRIGHTNESS, new Property("brightness", Attributes.BRIGHTNESS, "integer", true, "0:100",
                    "%"));
        }
        if (d.has(Capability.THERMOSTAT)) {
            p.put(Attributes.TARGET_TEMPERATURE, new Property("target-temperature", Attributes.TARGET_TEMPERATURE,
                    "float", true, "5:35", "°C"));
            p.put(Attributes.TEMPERATURE, new Property("temperature", Attributes.TEMPERATURE, "float", false, null,
                    "°C"));
        }
        if (d.has(Capability.MEDIA)) {
            p.put(Attributes.PLAYING, new Property("playing", Attributes.PLAYING, "string", true, null, null));
            p.put(Attributes.VOLUME, new Property("volume", Attributes.VOLUME, "integer", true, "0:100", "%"));
        }
        if (d.has(Capability.VACUUM)) {
            p.put(Attributes.VACUUM_STATE, new Property("vacuum-state", Attributes.VACUUM_STATE, "string", true, null,
                    null));
            p.put(Attributes.VACUUM_ROOM, new Property("vacuum-room", Attributes.VACUUM_ROOM, "string", false, null,
                    null));
        }
        if (d.has(Capability.COFFEE_MAKER)) {
            p.put(Attributes.BREWING, new Property("brewing", Attributes.BREWING, "string", true, null, null));
        }
        return p;
    }

    /** The node's id, after what the device is. */
    static String node(Device d) {
        return d.type() == null ? "device" : d.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The retained {@code $description}. */
    static ObjectNode description(Device d) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("homie", "5.0");
        root.put("version", 1);
        root.put("name", d.name());
        ObjectNode node = root.putObject("nodes").putObject(node(d));
        node.put("name", d.name());
        node.put("type", node(d));
        ObjectNode props = node.putObject("properties");
        for (Property p : properties(d).values()) {
            ObjectNode o = props.putObject(p.id());
            o.put("name", p.attribute().replace('_', ' '));
            o.put("datatype", p.datatype());
            if (p.settable()) {
                o.put("settable", true);
            }
            if (p.format() != null) {
                o.put("format", p.format());
            }
            if (p.unit() != null) {
                o.put("unit", p.unit());
            }
        }
        return root;
    }

    /** A Glint value as the property's payload. */
    static String payload(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e9) {
            return Long.toString(d.longValue()) + ".0";
        }
        String s = String.valueOf(value);
        return s.isEmpty() ? EMPTY : s;
    }

    /** A {@code /set} payload as the Glint value of the property's attribute; IllegalArgumentException if not one. */
    static Object value(Property p, byte[] payload) {
        String raw = new String(payload, StandardCharsets.UTF_8);
        switch (p.datatype()) {
            case "boolean" -> {
                if (raw.equals("true") || raw.equals("false")) {
                    return Boolean.parseBoolean(raw);
                }
                throw new IllegalArgumentException("\"" + raw + "\" is not true or false");
            }
            case "integer" -> {
                try {
                    return (int) Math.round(Double.parseDouble(raw.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + raw + "\" is not a number");
                }
            }
            case "float" -> {
                try {
                    return Double.parseDouble(raw.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + raw + "\" is not a number");
                }
            }
            default -> {
                return raw.equals(EMPTY) ? "" : raw;
            }
        }
    }
}
