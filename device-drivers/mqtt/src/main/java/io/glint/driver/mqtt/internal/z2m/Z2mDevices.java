package io.glint.driver.mqtt.internal.z2m;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.driver.mqtt.internal.home.HomeFile;

/**
 * Reads the retained {@code <base>/bridge/devices} payload of zigbee2mqtt into Glint devices. One bad entry is
 * skipped with a log line; only a payload that is not a JSON array of devices at all is an error.
 */
public final class Z2mDevices {
    /** Real bridges with a few hundred devices publish a few MiB (exposes are verbose); more is not a bridge. */
    public static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
    public static final int MAX_DEVICES = 5_000;
    static final int MAX_EXPOSES = 500;
    static final int MAX_FEATURES = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Z2mDevices.class);
    private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9_.:-]+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s_]+");
    private static final int SET = 0b010;

    private final String driverId;
    private final HomeFile home;
    private final String base;

    public Z2mDevices(String driverId) {
        this(driverId, HomeFile.NONE, "zigbee2mqtt");
    }

    /**
     * @param home names devices and rooms as the home's people call them; the rest keep the names derived from
     *             their friendly names
     * @param base zigbee2mqtt's base topic, to find a device's topic in the home file
     */
    public Z2mDevices(String driverId, HomeFile home, String base) {
        this.driverId = Objects.requireNonNull(driverId, "driverId");
        this.home = Objects.requireNonNull(home, "home");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The devices Glint can control, in payload order; the coordinator and unusable entries are left out. */
    public List<Z2mDevice> parse(byte[] payload) throws Z2mPayloadException {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new Z2mPayloadException("bridge/devices is " + payload.length + " bytes, more than the "
                    + MAX_PAYLOAD_BYTES + " accepted; is something else publishing on that topic?");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new Z2mPayloadException("bridge/devices is not valid JSON: " + Json.reason(e), e);
        }
        if (root == null || !root.isArray()) {
            throw new Z2mPayloadException("bridge/devices must be a JSON array of devices, not "
                    + (root == null || root.isMissingNode() ? "an empty message"
                            : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        if (root.size() > MAX_DEVICES) {
            throw new Z2mPayloadException("bridge/devices lists " + root.size() + " devices, more than the "
                    + MAX_DEVICES + " accepted");
        }
        List<Z2mDevice> devices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode entry : root) {
            try {
                Z2mDevice device = device(entry);
                if (device != null && !ids.add(device.device().id())) {
                    LOG.warn("bridge/devices entry {} ({}) has the same id {} as an earlier one; skipped", index,
                            device.friendlyName(), device.device().id());
                } else if (device != null) {
                    devices.add(device);
                }
            } catch (RuntimeException e) {
                // A bad entry must not cost the whole home its devices.
                LOG.warn("bridge/devices entry {} skipped: {}", index, e.getMessage());
            }
            index++;
        }
        return devices;
    }

    private Z2mDevice device(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String friendlyName = text(entry, "friendly_name");
        String ieee = text(entry, "ieee_address");
        String label = friendlyName != null ? friendlyName : ieee;
        if (label == null) {
            throw new IllegalArgumentException("it has neither friendly_name nor ieee_address");
        }
        if ("Coordinator".equals(text(entry, "type"))) {
            return null;
        }
        if (friendlyName == null || friendlyName.isBlank()) {
            throw new IllegalArgumentException(label + " has no friendly_name to address it by");
        }
        if (entry.path("disabled").asBoolean(false)) {
            LOG.info("{} is disabled in zigbee2mqtt; skipped", friendlyName);
            return null;
        }
        JsonNode definition = entry.path("definition");
        if (!definition.isObject() || !entry.path("supported").asBoolean(true)) {
            LOG.info("{} is not supported by zigbee2mqtt (no definition); skipped", friendlyName);
            return null;
        }
        JsonNode exposes = definition.path("exposes");
        if (!exposes.isArray()) {
            throw new IllegalArgumentException(friendlyName + ": definition.exposes is not an array");
        }
        if (exposes.size() > MAX_EXPOSES) {
            throw new IllegalArgumentException(friendlyName + " has " + exposes.size() + " exposes, more than the "
                    + MAX_EXPOSES + " accepted");
        }
        String id = id(ieee != null ? ieee : friendlyName);
        if (id == null) {
            throw new IllegalArgumentException(friendlyName + " has no usable id");
        }

        Mapping m = new Mapping();
        for (JsonNode expose : exposes) {
            expose(friendlyName, expose, m);
        }
        if (m.type == null) {
            LOG.info("{} exposes nothing Glint can control; skipped", friendlyName);
            return null;
        }
        String words = String.join(" ", friendlyName, text(entry, "description") == null ? ""
                : text(entry, "description"), text(definition, "description") == null ? ""
                        : text(definition, "description")).toLowerCase(Locale.ROOT);
        DeviceType type = refine(m.type, words);

        String[] segments = friendlyName.split("/");
        Room room = null;
        if (segments.length > 1) {
            String roomSegment = segments[segments.length - 2];
            String roomId = id(roomSegment);
            if (roomId != null) {
                room = new Room(roomId, spoken(roomSegment), List.of());
            }
        }
        String name = spoken(friendlyName.replace('/', ' '));
        Device device = Device.builder("z2m." + id).name(name.isEmpty() ? friendlyName : name)
                .room(room == null ? null : room.id()).type(type).capabilities(m.capabilities)
                .availability(Availability.UNKNOWN, null).driver(driverId).build();
        HomeFile.Entry named = home.device(base + "/" + friendlyName);
        if (named != null) {
            device = home.named(device, named);
            room = device.room() == null ? null : home.room(device.room());
        } else {
            room = home.room(room);
        }
        return new Z2mDevice(friendlyName, device, room, m.properties);
    }

    /** Reads one top-level expose; unknown ones are logged and ignored. */
    private static void expose(String device, JsonNode expose, Mapping m) {
        String kind = text(expose, "type");
        JsonNode features = expose.path("features");
        if (kind == null) {
            LOG.debug("{}: expose without a type ignored", device);
            return;
        }
        switch (kind) {
            case "light", "switch", "climate", "cover", "lock" -> {
                if (!features.isArray() || features.size() > MAX_FEATURES) {
                    LOG.debug("{}: {} expose without a usable features array ignored", device, kind);
                    return;
                }
                Map<String, JsonNode> byName = new LinkedHashMap<>();
                collect(features, byName);
                switch (kind) {
                    case "light" -> light(byName, m);
                    case "switch" -> onOff(byName, m, DeviceType.PLUG);
                    case "climate" -> climate(byName, m);
                    case "cover" -> cover(byName, m);
                    default -> lock(byName, m);
                }
            }
            default -> LOG.debug("{}: {} expose \"{}\" ignored", device, kind, text(expose, "name"));
        }
    }

    /** Features by name, the first of each name winning (multi-endpoint devices repeat them per endpoint). */
    private static void collect(JsonNode features, Map<String, JsonNode> byName) {
        for (JsonNode feature : features) {
            String name = text(feature, "name");
            if (name != null && text(feature, "property") != null) {
                byName.putIfAbsent(name, feature);
            }
        }
    }

    private static void light(Map<String, JsonNode> f, Mapping m) {
        if (!onOff(f, m, DeviceType.LIGHT)) {
            return;
        }
        if (bind(f.get("brightness"), Attributes.BRIGHTNESS, true, m)) {
            m.capabilities.add(Capability.BRIGHTNESS);
        }
        JsonNode color = f.containsKey("color_xy") ? f.get("color_xy") : f.get("color_hs");
        boolean hasColor = bind(color, Attributes.COLOR, true, m);
        boolean hasTemp = bind(f.get("color_temp"), Attributes.COLOR_TEMPERATURE, true, m);
        if (hasColor || hasTemp) {
            m.capabilities.add(Capability.COLOR);
        }
    }

    private static boolean onOff(Map<String, JsonNode> f, Mapping m, DeviceType type) {
        if (!bind(f.get("state"), Attributes.ON, true, m)) {
            return false;
        }
        m.capabilities.add(Capability.ON_OFF);
        m.claim(type);
        return true;
    }

    private static void climate(Map<String, JsonNode> f, Mapping m) {
        JsonNode setpoint = null;
        for (String name : List.of("occupied_heating_setpoint", "current_heating_setpoint",
                "occupied_cooling_setpoint")) {
            if (f.containsKey(name) && settable(f.get(name))) {
                setpoint = f.get(name);
                break;
            }
        }
        if (!bind(setpoint, Attributes.TARGET_TEMPERATURE, true, m)) {
            return;
        }
        bind(f.get("local_temperature"), Attributes.TEMPERATURE, false, m);
        bind(f.get("system_mode"), Attributes.MODE, true, m);
        m.capabilities.add(Capability.THERMOSTAT);
        m.claim(DeviceType.THERMOSTAT);
    }

    private static void cover(Map<String, JsonNode> f, Mapping m) {
        // Without a position feature the cover can still open and close through its state enum.
        if (bind(f.get("position"), Attributes.POSITION, true, m) || bind(f.get("state"), Attributes.POSITION,
                true, m)) {
            m.capabilities.add(Capability.COVER);
            m.claim(DeviceType.BLINDS);
        }
    }

    private static void lock(Map<String, JsonNode> f, Mapping m) {
        JsonNode state = f.get("state");
        // TRVs and plugs expose their child lock as a lock on "child_lock": that keeps no door shut.
        String property = state == null ? null : text(state, "property");
        if (property != null && !property.equals("state") && !property.startsWith("state_")) {
            return;
        }
        if (bind(state, Attributes.LOCKED, true, m)) {
            m.capabilities.add(Capability.LOCK);
            m.claim(DeviceType.LOCK);
        }
    }

    /** Binds an attribute to a feature if it is usable (settable when it must be); true when bound. */
    private static boolean bind(JsonNode feature, String attribute, boolean mustSet, Mapping m) {
        if (feature == null || m.properties.containsKey(attribute)) {
            return false;
        }
        boolean settable = settable(feature);
        if (mustSet && !settable) {
            return false;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : feature.path("values")) {
            if (v.isTextual()) {
                values.add(v.asText());
            }
        }
        m.properties.put(attribute, new Z2mProperty(text(feature, "property"), settable,
                scalar(feature.get("value_on")), scalar(feature.get("value_off")), number(feature, "value_min"),
                number(feature, "value_max"), number(feature, "value_step"), values));
        return true;
    }

    private static boolean settable(JsonNode feature) {
        // Old bridges without access bits only exposed what could be set.
        return !feature.has("access") || (feature.path("access").asInt(0) & SET) != 0;
    }

    private static DeviceType refine(DeviceType type, String words) {
        if (type == DeviceType.PLUG && words.matches("(?s).*\\b(switch|relay|dimmer)\\b.*")
                && !words.matches("(?s).*\\b(plug|socket|outlet)\\b.*")) {
            return DeviceType.SWITCH;
        }
        if (type == DeviceType.BLINDS) {
            if (words.matches("(?s).*\\bgarage\\b.*")) {
                return DeviceType.GARAGE_DOOR;
            }
            if (words.matches("(?s).*\\b(curtains?|drapes?)\\b.*")) {
                return DeviceType.CURTAINS;
            }
        }
        return type;
    }

    /** A Glint id from any text: lower case, runs of other characters become '_', leading ones dropped. */
    static String id(String text) {
        String id = NOT_ID.matcher(text.trim().toLowerCase(Locale.ROOT)).replaceAll("_");
        int start = 0;
        while (start < id.length() && !Character.isLetterOrDigit(id.charAt(start))) {
            start++;
        }
        id = id.substring(start);
        return id.isEmpty() ? null : id;
    }

    private static String spoken(String text) {
        return WORD_SEPARATORS.matcher(text).replaceAll(" ").trim();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static Object scalar(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isNumber() ? v.numberValue() : null;
    }

    /** What the exposes of one device add up to; the first controllable expose decides the type. */
    private static final class Mapping {
        final Map<String, Z2mProperty> properties = new LinkedHashMap<>();
        final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        DeviceType type;

        void claim(DeviceType candidate) {
            if (type == null) {
                type = candidate;
            }
        }
    }
}
