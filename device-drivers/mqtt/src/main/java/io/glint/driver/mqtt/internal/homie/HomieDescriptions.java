package io.glint.driver.mqtt.internal.homie;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.driver.mqtt.internal.home.HomeFile;
import io.glint.driver.mqtt.internal.z2m.Json;

/**
 * Reads a Homie 5 {@code $description} (retained JSON: {@code name}, {@code nodes} → {@code properties} with
 * {@code datatype}, {@code settable}, {@code format}, {@code unit}) into a {@link HomieDevice}:
 * <ul>
 * <li>a settable boolean named {@code on}, {@code state} or {@code power} → {@link Capability#ON_OFF};</li>
 * <li>a settable integer or float named {@code brightness} or {@code dim} with format {@code 0:100} or unit
 * {@code %} → {@link Capability#BRIGHTNESS} (scaled from its format range, 0–100 when none);</li>
 * <li>a number in {@code °C}: settable → the thermostat's target temperature, read-only → its measured
 * temperature (only next to a target temperature: a bare thermometer is not something to control);</li>
 * <li>properties named after Glint's own attributes, for what Homie has no convention for: {@code playing}
 * (settable string: what a TV or speaker plays, empty when nothing) and {@code volume} (settable number, {@code %} or
 * {@code 0:100}) → {@link Capability#MEDIA}; {@code brewing} (settable string: the drink being made) →
 * {@link Capability#COFFEE_MAKER}; {@code vacuum-state} (settable string: reports docked, cleaning or returning,
 * takes cleaning, {@code cleaning:<room>} or returning) and {@code vacuum-room} (string) →
 * {@link Capability#VACUUM}.</li>
 * </ul>
 * The first property that fits an attribute wins. A device with nothing settable that fits is skipped (null).
 */
public final class HomieDescriptions {
    public static final int MAX_DESCRIPTION_BYTES = 256 * 1024;
    private static final int MAX_NODES = 64;
    private static final int MAX_PROPERTIES = 128;
    /** Homie's topic ID: lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(-?\\d+(?:\\.\\d+)?)\\s*:\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?::\\s*\\d+(?:\\.\\d+)?\\s*)?");
    private static final Logger LOG = LoggerFactory.getLogger(HomieDescriptions.class);
    /** Settable text properties named after the Glint attribute they carry. */
    private static final Map<String, String> TEXT_SETTINGS = Map.of("playing", Attributes.PLAYING, "brewing",
            Attributes.BREWING, "vacuum-state", Attributes.VACUUM_STATE);

    private final String driver;
    private final HomeFile home;
    private final String base;

    public HomieDescriptions(String driver) {
        this(driver, HomeFile.NONE, "homie/5");
    }

    /**
     * @param home names devices as the home's people call them (id, name, aliases, room, type)
     * @param base the Homie base topic, to find a device's topic in the home file
     */
    public HomieDescriptions(String driver, HomeFile home, String base) {
        this.driver = driver;
        this.home = home;
        this.base = base;
    }

    /** Whether a topic level is a valid Homie id. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The device, or null when it has nothing Glint can control. */
    public HomieDevice parse(String homieId, byte[] payload) throws HomiePayloadException {
        if (!validId(homieId)) {
            throw new HomiePayloadException("\"" + homieId + "\" is not a Homie device id");
        }
        if (payload.length > MAX_DESCRIPTION_BYTES) {
            throw new HomiePayloadException("description of " + homieId + " is " + payload.length
                    + " bytes, more than the " + MAX_DESCRIPTION_BYTES + " accepted");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new HomiePayloadException("description of " + homieId + " is not JSON: " + Json.reason(e));
        }
        if (root == null || !root.isObject()) {
            throw new HomiePayloadException("description of " + homieId + " is not a JSON object");
        }
        JsonNode nodes = root.path("nodes");
        if (!nodes.isObject() && !nodes.isMissingNode()) {
            throw new HomiePayloadException("description of " + homieId + ": nodes is not an object");
        }
        if (nodes.size() > MAX_NODES) {
            throw new HomiePayloadException(homieId + " has " + nodes.size() + " nodes, more than the " + MAX_NODES
                    + " accepted");
        }
        Map<String, HomieProperty> bound = new HashMap<>();
        StringBuilder words = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> n = nodes.fields(); n.hasNext();) {
            Map.Entry<String, JsonNode> node = n.next();
            JsonNode properties = node.getValue().path("properties");
            if (!validId(node.getKey()) || !properties.isObject() || properties.size() > MAX_PROPERTIES) {
                LOG.warn("Homie {}: node {} skipped: bad id or properties", homieId, node.getKey());
                continue;
            }
            words.append(' ').append(node.getKey()).append(' ').append(node.getValue().path("name").asText(""))
                    .append(' ').append(node.getValue().path("type").asText(""));
            for (Iterator<Map.Entry<String, JsonNode>> p = properties.fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> property = p.next();
                if (validId(property.getKey()) && property.getValue().isObject()) {
                    bind(node.getKey(), property.getKey(), property.getValue(), bound);
                }
            }
        }
        if (!bound.containsKey(Attributes.TARGET_TEMPERATURE)) {
            bound.remove(Attributes.TEMPERATURE);
        }
        if (!bound.containsKey(Attributes.VACUUM_STATE)) {
            bound.remove(Attributes.VACUUM_ROOM);
        }
        if (bound.isEmpty()) {
            LOG.info("Homie {} has nothing Glint can control; skipped", homieId);
            return null;
        }
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String attribute : bound.keySet()) {
            capabilities.add(Capability.owning(attribute));
        }
        String name = root.path("name").isTextual() && !root.path("name").asText().isBlank()
                ? root.path("name").asText().strip() : homieId;
        Device device = Device.builder("homie." + homieId).name(name)
                .type(type(bound, (name + words).toLowerCase(Locale.ROOT))).capabilities(capabilities)
                .driver(driver).build();
        HomeFile.Entry named = home.device(base + "/" + homieId);
        if (named != null) {
            device = home.named(device, named);
        }
        return new HomieDevice(homieId, device, bound);
    }

    private static void bind(String node, String id, JsonNode p, Map<String, HomieProperty> bound) {
        String datatype = p.path("datatype").asText("string");
        boolean settable = p.path("settable").asBoolean(false);
        String unit = p.path("unit").asText("");
        String format = p.path("format").asText("");
        double min = Double.NaN;
        double max = Double.NaN;
        var range = RANGE.matcher(format);
        if (range.matches()) {
            min = Double.parseDouble(range.group(1));
            max = Double.parseDouble(range.group(2));
            if (!(min < max)) {
                min = Double.NaN;
                max = Double.NaN;
            }
        }
        boolean number = "integer".equals(datatype) || "float".equals(datatype);
        boolean text = "string".equals(datatype) || "enum".equals(datatype);
        HomieProperty property = new HomieProperty(node, id, datatype, settable, unit, min, max);
        if ("boolean".equals(datatype) && settable && Set.of("on", "state", "power").contains(id)) {
            bound.putIfAbsent(Attributes.ON, property);
        } else if (number && settable && Set.of("brightness", "dim").contains(id)
                && ("%".equals(unit) || (min == 0 && max == 100))) {
            bound.putIfAbsent(Attributes.BRIGHTNESS, property);
        } else if (number && "°C".equals(unit)) {
            bound.putIfAbsent(settable ? Attributes.TARGET_TEMPERATURE : Attributes.TEMPERATURE, property);
        } else if (number && settable && "volume".equals(id) && ("%".equals(unit) || (min == 0 && max == 100))) {
            bound.putIfAbsent(Attributes.VOLUME, property);
        } else if (text && settable && TEXT_SETTINGS.containsKey(id)) {
            bound.putIfAbsent(TEXT_SETTINGS.get(id), property);
        } else if (text && "vacuum-room".equals(id)) {
            bound.putIfAbsent(Attributes.VACUUM_ROOM, property);
        }
    }

    private static DeviceType type(Map<String, HomieProperty> bound, String words) {
        if (bound.containsKey(Attributes.TARGET_TEMPERATURE)) {
            return DeviceType.THERMOSTAT;
        }
        if (bound.containsKey(Attributes.VACUUM_STATE)) {
            return DeviceType.VACUUM;
        }
        if (bound.containsKey(Attributes.BREWING)) {
            return DeviceType.COFFEE_MAKER;
        }
        if (bound.containsKey(Attributes.PLAYING) || bound.containsKey(Attributes.VOLUME)) {
            return words.matches(".*\\b(tv|television|telly)s?\\b.*") ? DeviceType.TV : DeviceType.SPEAKER;
        }
        if (bound.containsKey(Attributes.BRIGHTNESS) || words.matches(".*\\b(light|lamp|bulb)s?\\b.*")) {
            return DeviceType.LIGHT;
        }
        if (words.matches(".*\\b(plug|socket|outlet)s?\\b.*")) {
            return DeviceType.PLUG;
        }
        return DeviceType.SWITCH;
    }
}
