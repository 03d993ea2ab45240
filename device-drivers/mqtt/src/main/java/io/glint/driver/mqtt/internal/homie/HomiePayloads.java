package io.glint.driver.mqtt.internal.homie;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.skill.FailureCode;

/**
 * Homie 5 values: raw strings ("true", "42", "21.5") in both directions, and {@code $state}. An empty string is a
 * single 0x00 byte, as Homie 5 has it: an empty MQTT payload would delete the retained value instead.
 */
public final class HomiePayloads {
    public static final int MAX_VALUE_BYTES = 1024;
    /** Homie 5's empty string. */
    static final String EMPTY_STRING = "\u0000";

    /** What to publish for a command: the raw value on the property's {@code /set} topic. */
    public record Setting(HomieProperty property, String payload) {
    }

    private HomiePayloads() {
    }

    public static Setting set(HomieDevice device, Command command) throws HomieCommandException {
        String attribute = command.attribute();
        HomieProperty p = device.property(attribute);
        String name = device.device().name();
        if (p == null || !p.settable()) {
            throw new HomieCommandException(FailureCode.NOT_SUPPORTED, "The " + name + " cannot "
                    + what(attribute) + ".");
        }
        Object value = command.value();
        switch (attribute) {
            case Attributes.ON -> {
                if (!(value instanceof Boolean on)) {
                    throw invalid(name, "on or off", value);
                }
                return new Setting(p, on.toString());
            }
            case Attributes.BRIGHTNESS, Attributes.VOLUME -> {
                if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100) {
                    throw invalid(name, (attribute.equals(Attributes.VOLUME) ? "a volume" : "a brightness")
                            + " from 0 to 100 %", value);
                }
                double min = Double.isNaN(p.min()) ? 0 : p.min();
                double max = Double.isNaN(p.max()) ? 100 : p.max();
                double raw = min + n.doubleValue() * (max - min) / 100;
                return new Setting(p, p.integer() ? Long.toString(Math.round(raw)) : plain(raw));
            }
            case Attributes.PLAYING, Attributes.BREWING, Attributes.VACUUM_STATE -> {
                if (!(value instanceof String text)) {
                    throw invalid(name, "text", value);
                }
                if (text.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                    throw invalid(name, "at most " + MAX_VALUE_BYTES + " bytes of text", shorten(text));
                }
                return new Setting(p, text.isEmpty() ? EMPTY_STRING : text);
            }
            case Attributes.TARGET_TEMPERATURE -> {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw invalid(name, "a temperature", value);
                }
                double t = n.doubleValue();
                if (!Double.isNaN(p.min()) && (t < p.min() || t > p.max())) {
                    throw new HomieCommandException(FailureCode.INVALID_VALUE, "The " + name + " can be set from "
                            + plain(p.min()) + " to " + plain(p.max()) + " °C, not " + plain(t) + ".");
                }
                return new Setting(p, p.integer() ? Long.toString(Math.round(t)) : plain(t));
            }
            default -> throw new HomieCommandException(FailureCode.NOT_SUPPORTED, "The " + name + " cannot "
                    + what(attribute) + ".");
        }
    }

    /** The Glint value of a property message for the attribute. */
    public static Object value(HomieDevice device, String attribute, byte[] payload) throws HomiePayloadException {
        if (payload.length > MAX_VALUE_BYTES) {
            throw new HomiePayloadException(payload.length + " bytes is too long for a value");
        }
        HomieProperty p = device.property(attribute);
        if (p != null && ("string".equals(p.datatype()) || "enum".equals(p.datatype()))) {
            String text = new String(payload, StandardCharsets.UTF_8);
            return text.equals(EMPTY_STRING) ? "" : text;
        }
        String raw = new String(payload, StandardCharsets.UTF_8).strip();
        if (Attributes.ON.equals(attribute)) {
            return switch (raw) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new HomiePayloadException("\"" + shorten(raw) + "\" is not a boolean");
            };
        }
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new HomiePayloadException("\"" + shorten(raw) + "\" is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new HomiePayloadException("\"" + shorten(raw) + "\" is not a finite number");
        }
        if (Attributes.BRIGHTNESS.equals(attribute) || Attributes.VOLUME.equals(attribute)) {
            double min = Double.isNaN(p.min()) ? 0 : p.min();
            double max = Double.isNaN(p.max()) ? 100 : p.max();
            return (int) Math.max(0, Math.min(100, Math.round((v - min) * 100 / (max - min))));
        }
        return v;
    }

    /** {@code $state}: ready → online; lost, disconnected, sleeping → offline; init, alert, anything else → unknown. */
    public static Availability availability(byte[] payload) {
        return switch (state(payload)) {
            case "ready" -> Availability.ONLINE;
            case "lost", "disconnected", "sleeping" -> Availability.OFFLINE;
            default -> Availability.UNKNOWN;
        };
    }

    /** Why a device is offline, to complete "The desk lamp is offline: …". */
    public static String offlineReason(byte[] payload) {
        return switch (state(payload)) {
            case "sleeping" -> "it is asleep";
            case "disconnected" -> "it disconnected from the MQTT broker";
            default -> "it lost its connection to the MQTT broker";
        };
    }

    private static String state(byte[] payload) {
        if (payload.length > 64) {
            return "";
        }
        return new String(payload, StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
    }

    private static HomieCommandException invalid(String name, String expected, Object value) {
        return new HomieCommandException(FailureCode.INVALID_VALUE, "The " + name + " needs " + expected + ", not "
                + value + ".");
    }

    private static String what(String attribute) {
        return switch (attribute) {
            case Attributes.ON -> "be switched on or off";
            case Attributes.BRIGHTNESS -> "be dimmed";
            case Attributes.TARGET_TEMPERATURE -> "be set to a temperature";
            case Attributes.PLAYING -> "play anything";
            case Attributes.VOLUME -> "change its volume";
            case Attributes.BREWING -> "make coffee";
            case Attributes.VACUUM_STATE, Attributes.VACUUM_ROOM -> "vacuum";
            default -> "set " + attribute.replace('_', ' ');
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
