package io.glint.driver.mqtt.internal.z2m;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.skill.FailureCode;

/**
 * Glint commands to the JSON zigbee2mqtt takes on {@code <base>/<friendly_name>/set}, and what it publishes on
 * {@code <base>/<friendly_name>} and {@code .../availability} back to Glint attribute values.
 */
public final class Z2mPayloads {
    /** A device's state message is well under 2 KiB; anything this big is not one. */
    public static final int MAX_STATE_BYTES = 64 * 1024;
    public static final int MAX_AVAILABILITY_BYTES = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Z2mPayloads.class);
    private static final double BRIGHTNESS_MAX = 254;
    /** The mired range zigbee2mqtt itself assumes when a bulb does not say (≈ 2000–6500 K). */
    private static final double MIRED_MIN = 153;
    private static final double MIRED_MAX = 500;

    private Z2mPayloads() {
    }

    /** The JSON to publish on {@link Z2mDevice#setTopic} for a command. */
    public static String set(Z2mDevice device, Command command) throws Z2mCommandException {
        String attribute = command.attribute();
        Z2mProperty p = device.property(attribute);
        if (p == null || !p.settable()) {
            throw new Z2mCommandException(FailureCode.NOT_SUPPORTED, "The " + device.device().name()
                    + " cannot " + what(attribute) + ".");
        }
        Object value = command.value();
        Object z2m = switch (attribute) {
            case Attributes.ON, Attributes.LOCKED -> binary(device, attribute, p, value);
            case Attributes.BRIGHTNESS -> (int) Math.round(percent(device, value) * p.maxOr(BRIGHTNESS_MAX) / 100);
            case Attributes.COLOR -> color(device, value);
            case Attributes.COLOR_TEMPERATURE -> mireds(device, p, value);
            case Attributes.TARGET_TEMPERATURE -> setpoint(device, p, value);
            case Attributes.MODE -> oneOf(device, p, value);
            case Attributes.POSITION -> position(device, p, value);
            default -> throw new Z2mCommandException(FailureCode.NOT_SUPPORTED, "The " + device.device().name()
                    + " cannot " + what(attribute) + ".");
        };
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(p.name(), z2m);
        try {
            return Json.MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + payload, e);
        }
    }

    /**
     * The Glint attribute values in a state message. Properties Glint does not bind are ignored; a bound one
     * with a value of the wrong type is left out with a log line, and the rest of the message still counts.
     */
    public static Map<String, Object> state(Z2mDevice device, byte[] payload) throws Z2mPayloadException {
        String topic = device.friendlyName();
        if (payload.length > MAX_STATE_BYTES) {
            throw new Z2mPayloadException("State of " + topic + " is " + payload.length + " bytes, more than the "
                    + MAX_STATE_BYTES + " accepted");
        }
        JsonNode root;
        try {
            root = Json.TREE.readTree(payload);
        } catch (IOException e) {
            throw new Z2mPayloadException("State of " + topic + " is not valid JSON: " + Json.reason(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new Z2mPayloadException("State of " + topic + " must be a JSON object, not "
                    + (root == null || root.isMissingNode() ? "an empty message"
                            : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Z2mProperty> binding : device.properties().entrySet()) {
            String attribute = binding.getKey();
            Z2mProperty p = binding.getValue();
            JsonNode raw = root.get(p.name());
            if (attribute.equals(Attributes.LOCKED) && root.path("lock_state").isTextual()) {
                raw = root.get("lock_state");
            }
            if (raw == null || raw.isNull()) {
                continue;
            }
            try {
                Object value = read(attribute, p, raw, root);
                if (value != null) {
                    values.put(attribute, value);
                }
            } catch (RuntimeException e) {
                // One odd value must not cost the device the rest of its message.
                LOG.warn("{}: {} {} ignored: {}", topic, p.name(), raw, e.getMessage());
            }
        }
        return values;
    }

    /**
     * Availability from {@code .../availability}: zigbee2mqtt 1.x sends {@code online}/{@code offline}, 2.x
     * {@code {"state":"online"}}. Anything else is {@link Availability#UNKNOWN}, with a log line.
     */
    public static Availability availability(byte[] payload) {
        if (payload.length > MAX_AVAILABILITY_BYTES) {
            LOG.warn("Availability message of {} bytes ignored (at most {})", payload.length,
                    MAX_AVAILABILITY_BYTES);
            return Availability.UNKNOWN;
        }
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            try {
                JsonNode state = Json.MAPPER.readTree(text).path("state");
                text = state.isTextual() ? state.asText() : "";
            } catch (IOException e) {
                text = "";
            }
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "online" -> Availability.ONLINE;
            case "offline" -> Availability.OFFLINE;
            default -> {
                LOG.warn("Availability message \"{}\" is neither online nor offline; ignored",
                        new String(payload, StandardCharsets.UTF_8));
                yield Availability.UNKNOWN;
            }
        };
    }

    private static Object read(String attribute, Z2mProperty p, JsonNode raw, JsonNode root) {
        return switch (attribute) {
            case Attributes.ON -> onOff(p, raw);
            case Attributes.LOCKED -> locked(p, raw);
            // Some bulbs report 255 on a 0–254 scale: that is still full.
            case Attributes.BRIGHTNESS -> (int) Math.min(100, Math.round(number(raw, 0, 1000) * 100
                    / p.maxOr(BRIGHTNESS_MAX)));
            case Attributes.COLOR -> "color_temp".equals(root.path("color_mode").asText()) ? null : color(raw);
            case Attributes.COLOR_TEMPERATURE -> kelvin(number(raw, 50, 1000));
            case Attributes.TARGET_TEMPERATURE, Attributes.TEMPERATURE -> number(raw, -50, 100);
            case Attributes.MODE -> {
                if (!raw.isTextual()) {
                    throw new IllegalArgumentException("expected text");
                }
                yield raw.asText();
            }
            case Attributes.POSITION -> p.values().isEmpty() ? (Integer) (int) Math.round(number(raw, 0, 100))
                    : coverState(raw);
            default -> null;
        };
    }

    private static Boolean onOff(Z2mProperty p, JsonNode raw) {
        Object on = p.valueOn() == null ? "ON" : p.valueOn();
        Object off = p.valueOff() == null ? "OFF" : p.valueOff();
        Object value = raw.isTextual() ? raw.asText() : raw.isBoolean() ? raw.asBoolean() : null;
        if (on.equals(value)) {
            return true;
        }
        if (off.equals(value)) {
            return false;
        }
        // "TOGGLE" and the like are commands, not states.
        throw new IllegalArgumentException("expected " + on + " or " + off);
    }

    private static Boolean locked(Z2mProperty p, JsonNode raw) {
        if (raw.isTextual()) {
            switch (raw.asText()) {
                case "locked":
                    return true;
                case "unlocked", "not_fully_locked":
                    // A bolt that is not fully thrown does not keep anyone out.
                    return false;
                default:
                    break;
            }
        }
        Z2mProperty defaults = new Z2mProperty(p.name(), p.settable(), p.valueOn() == null ? "LOCK" : p.valueOn(),
                p.valueOff() == null ? "UNLOCK" : p.valueOff(), p.min(), p.max(), p.step(), p.values());
        return onOff(defaults, raw);
    }

    private static Integer coverState(JsonNode raw) {
        return switch (raw.asText("")) {
            case "OPEN" -> 100;
            case "CLOSE", "CLOSED" -> 0;
            default -> null; // STOP, or moving: no position to report
        };
    }

    private static String color(JsonNode raw) {
        if (!raw.isObject()) {
            throw new IllegalArgumentException("expected an object with x and y, or hue and saturation");
        }
        if (raw.path("hex").isTextual() && Colors.toHex(raw.path("hex").asText()) != null) {
            return Colors.toHex(raw.path("hex").asText());
        }
        if (raw.path("x").isNumber() && raw.path("y").isNumber()) {
            return Colors.fromXy(raw.path("x").asDouble(), raw.path("y").asDouble());
        }
        if (raw.path("hue").isNumber() && raw.path("saturation").isNumber()) {
            return Colors.fromHueSaturation(raw.path("hue").asDouble(), raw.path("saturation").asDouble());
        }
        throw new IllegalArgumentException("expected x and y, or hue and saturation");
    }

    private static double number(JsonNode raw, double min, double max) {
        if (!raw.isNumber()) {
            throw new IllegalArgumentException("expected a number");
        }
        double v = raw.asDouble();
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("outside " + min + "–" + max);
        }
        return v;
    }

    /** Kelvin to the nearest 50 K: a mired is coarse enough that 2700 K comes back as 2703 K otherwise. */
    static int kelvin(double mireds) {
        return (int) (Math.round(1_000_000 / mireds / 50) * 50);
    }

    private static Object binary(Z2mDevice device, String attribute, Z2mProperty p, Object value)
            throws Z2mCommandException {
        if (!(value instanceof Boolean b)) {
            throw invalid(device, "true or false", value);
        }
        boolean lock = Attributes.LOCKED.equals(attribute);
        Object on = p.valueOn() != null ? p.valueOn() : lock ? "LOCK" : "ON";
        Object off = p.valueOff() != null ? p.valueOff() : lock ? "UNLOCK" : "OFF";
        return b ? on : off;
    }

    private static double percent(Z2mDevice device, Object value) throws Z2mCommandException {
        if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 100) {
            return n.doubleValue();
        }
        throw invalid(device, "a percentage from 0 to 100", value);
    }

    private static Map<String, String> color(Z2mDevice device, Object value) throws Z2mCommandException {
        String hex = value instanceof String s ? Colors.toHex(s) : null;
        if (hex == null) {
            throw invalid(device, "a colour name or #rrggbb", value);
        }
        return Map.of("hex", hex);
    }

    private static int mireds(Z2mDevice device, Z2mProperty p, Object value) throws Z2mCommandException {
        if (!(value instanceof Number n) || n.doubleValue() < 1000 || n.doubleValue() > 10000) {
            throw invalid(device, "a colour temperature from 1000 to 10000 K", value);
        }
        long mireds = Math.round(1_000_000 / n.doubleValue());
        // Past the bulb's range the nearest it can do is what "warmest" or "coldest" means.
        return (int) Math.max(p.minOr(MIRED_MIN), Math.min(p.maxOr(MIRED_MAX), mireds));
    }

    private static double setpoint(Z2mDevice device, Z2mProperty p, Object value) throws Z2mCommandException {
        if (!(value instanceof Number n)) {
            throw invalid(device, "a temperature in °C", value);
        }
        double step = Double.isNaN(p.step()) || p.step() <= 0 ? 0.5 : p.step();
        double v = Math.round(n.doubleValue() / step) * step;
        double min = p.minOr(5);
        double max = p.maxOr(35);
        if (v < min || v > max) {
            throw new Z2mCommandException(FailureCode.INVALID_VALUE, "The " + device.device().name()
                    + " can only be set from " + plain(min) + " to " + plain(max) + " °C.");
        }
        return v;
    }

    private static String oneOf(Z2mDevice device, Z2mProperty p, Object value) throws Z2mCommandException {
        if (value instanceof String s && (p.values().isEmpty() || p.values().contains(s))) {
            return s;
        }
        throw invalid(device, "one of " + String.join(", ", p.values()), value);
    }

    private static Object position(Z2mDevice device, Z2mProperty p, Object value) throws Z2mCommandException {
        double percent = percent(device, value);
        if (p.values().isEmpty()) {
            return (int) Math.round(percent);
        }
        // A cover without a position feature only opens and closes.
        if (percent == 100 && p.values().contains("OPEN")) {
            return "OPEN";
        }
        if (percent == 0 && p.values().contains("CLOSE")) {
            return "CLOSE";
        }
        throw new Z2mCommandException(FailureCode.NOT_SUPPORTED, "The " + device.device().name()
                + " can only open fully or close; it cannot stop at " + plain(percent) + " %.");
    }

    private static Z2mCommandException invalid(Z2mDevice device, String expected, Object value) {
        return new Z2mCommandException(FailureCode.INVALID_VALUE, "The " + device.device().name() + " needs "
                + expected + ", not " + value + ".");
    }

    private static String what(String attribute) {
        return switch (attribute) {
            case Attributes.ON -> "be switched on or off";
            case Attributes.BRIGHTNESS -> "be dimmed";
            case Attributes.COLOR -> "change colour";
            case Attributes.COLOR_TEMPERATURE -> "change its white temperature";
            case Attributes.TARGET_TEMPERATURE -> "be set to a temperature";
            case Attributes.MODE -> "change mode";
            case Attributes.POSITION -> "open or close";
            case Attributes.LOCKED -> "lock or unlock";
            default -> "set " + attribute.replace('_', ' ');
        };
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
