package io.glint.driver.virtual.internal;

import java.util.List;

import io.glint.api.device.Attributes;

/**
 * What a value of each state attribute must look like, and its one canonical Java type. The home file (parsed by
 * Jackson: 21 becomes an Integer) and commands (21.0, a Double) must end up with the same type in the registry,
 * or skills comparing state would see 21 and 21.0 as different.
 */
final class AttributeValues {

    /** What a vacuum reports; a command may also say "cleaning:&lt;room&gt;" (see {@link CommandEffects}). */
    static final List<String> VACUUM_STATES = List.of("docked", "cleaning", "returning");

    private AttributeValues() {
    }

    /**
     * The canonical form of a value, or an {@link IllegalArgumentException} whose message says what is expected
     * (it is shown to people writing home files and to skill authors).
     */
    static Object normalize(String attribute, Object value) {
        return switch (attribute) {
            case Attributes.ON, Attributes.LOCKED -> bool(attribute, value);
            case Attributes.BRIGHTNESS, Attributes.POSITION, Attributes.VOLUME -> whole(attribute, value, 0, 100, "%");
            case Attributes.COLOR_TEMPERATURE -> whole(attribute, value, 1000, 10000, " K");
            case Attributes.TARGET_TEMPERATURE -> celsius(attribute, value, 5, 35);
            case Attributes.TEMPERATURE -> celsius(attribute, value, -50, 100);
            case Attributes.COLOR, Attributes.MODE -> text(attribute, value, false);
            // Empty means "nothing": no drink brewing, nothing playing, the whole home.
            case Attributes.BREWING, Attributes.PLAYING, Attributes.VACUUM_ROOM -> text(attribute, value, true);
            case Attributes.VACUUM_STATE -> oneOf(attribute, value, VACUUM_STATES);
            default -> throw new IllegalArgumentException("\"" + attribute + "\" is not a known attribute");
        };
    }

    private static Boolean bool(String attribute, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw expected(attribute, "true or false", value);
    }

    private static Integer whole(String attribute, Object value, int min, int max, String unit) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.intValue();
        }
        throw expected(attribute, "a whole number from " + min + " to " + max + unit, value);
    }

    private static Double celsius(String attribute, Object value, double min, double max) {
        if (value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        throw expected(attribute, "a number of °C from " + (int) min + " to " + (int) max, value);
    }

    private static String text(String attribute, Object value, boolean emptyAllowed) {
        if (value instanceof String s && (emptyAllowed || !s.isBlank())) {
            return s;
        }
        throw expected(attribute, emptyAllowed ? "a string" : "a non-empty string", value);
    }

    private static String oneOf(String attribute, Object value, List<String> allowed) {
        if (value instanceof String s && allowed.contains(s)) {
            return s;
        }
        throw expected(attribute, "one of " + String.join(", ", allowed), value);
    }

    private static IllegalArgumentException expected(String attribute, String what, Object value) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return new IllegalArgumentException(attribute + " must be " + what + ", not " + shown);
    }
}
