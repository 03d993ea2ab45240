package io.glint.driver.virtual.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;

/**
 * What a simulated device looks like on a zigbee2mqtt bridge: its {@code bridge/devices} entry (definition and
 * exposes in zigbee2mqtt's own shapes, after common devices such as IKEA TRADFRI and Philips Hue bulbs, a Danfoss
 * radiator valve, a Yale lock), the state message it publishes on {@code zigbee2mqtt/<friendly name>}, and the
 * {@code /set} payloads it accepts, turned into Glint attribute values.
 */
final class Zigbee2MqttModel {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int ACCESS_STATE = 1;
    private static final int ACCESS_SET = 2;
    private static final int ACCESS_GET = 4;
    private static final int ALL = ACCESS_STATE | ACCESS_SET | ACCESS_GET;
    private static final double BRIGHTNESS_MAX = 254;

    /** The kind of hardware a device of the home is simulated as. */
    enum Kind {
        RELAY("SONOFF", "ZBMINIL2", "Zigbee smart switch (no neutral)", "ZBMINIL2", "SONOFF", false, "00124b00"),
        DIMMABLE("IKEA", "LED1836G9", "TRADFRI bulb E26/E27, warm white, 806 lumen", "TRADFRI bulb E27 WW 806lm",
                "IKEA of Sweden", false, "000d6ffffe"),
        WHITE_SPECTRUM("IKEA", "LED2002G5", "TRADFRI bulb E14, white spectrum, globe, opal, 470 lm",
                "TRADFRI bulb E14 WS globe 470lm", "IKEA of Sweden", false, "84fd27fffe"),
        COLOUR("Philips", "9290022166", "Hue white and color ambiance E26/E27", "LCA001", "Signify Netherlands B.V.",
                false, "0017880108"),
        PLUG("IKEA", "E1603/E1702/E1708", "TRADFRI control outlet", "TRADFRI control outlet", "IKEA of Sweden", false,
                "000b57fffe"),
        RADIATOR_VALVE("Danfoss", "014G2461", "Ally thermostatic radiator valve", "eTRV0100", "Danfoss", true,
                "14b457fffe"),
        AIR_CONDITIONER("Tuya", "BAC-002-ALZB", "Fan coil thermostat", "TS0601", "_TZE200_dzuqwsyg", false,
                "a4c138"),
        ROLLER_BLIND("IKEA", "E1757", "FYRTUR roller blind", "FYRTUR block-out roller blind", "IKEA of Sweden", true,
                "680ae2fffe"),
        CURTAIN("Aqara", "ZNCLDJ12LM", "Curtain controller B1", "lumi.curtain.hagl04", "LUMI", false, "00158d0004"),
        GARAGE_OPENER("Tuya", "TS0601_garage", "Door opener", "TS0601", "_TZE200_wfxuhoea", false, "a4c13845"),
        LOCK("Yale", "YRD256HA20BP", "Assure lock SL", "YRD256 TSDB", "Yale", true, "000d6f00");

        final String vendor;
        final String model;
        final String description;
        final String modelId;
        final String manufacturer;
        final boolean battery;
        /** The first hex digits of the IEEE address, the maker's as in real devices. */
        final String ieeePrefix;

        Kind(String vendor, String model, String description, String modelId, String manufacturer, boolean battery,
                String ieeePrefix) {
            this.vendor = vendor;
            this.model = model;
            this.description = description;
            this.modelId = modelId;
            this.manufacturer = manufacturer;
            this.battery = battery;
            this.ieeePrefix = ieeePrefix;
        }

        boolean cover() {
            return this == ROLLER_BLIND || this == CURTAIN || this == GARAGE_OPENER;
        }

        String setpoint() {
            return this == AIR_CONDITIONER ? "current_heating_setpoint" : "occupied_heating_setpoint";
        }
    }

    private Zigbee2MqttModel() {
    }

    static Kind kind(Device d) {
        if (d.has(Capability.LOCK)) {
            return Kind.LOCK;
        }
        if (d.has(Capability.COVER)) {
            return d.type() == DeviceType.GARAGE_DOOR ? Kind.GARAGE_OPENER
                    : d.type() == DeviceType.CURTAINS ? Kind.CURTAIN : Kind.ROLLER_BLIND;
        }
        if (d.has(Capability.THERMOSTAT)) {
            return d.has(Capability.ON_OFF) ? Kind.AIR_CONDITIONER : Kind.RADIATOR_VALVE;
        }
        if (d.has(Capability.COLOR)) {
            return d.state().containsKey(Attributes.COLOR) ? Kind.COLOUR : Kind.WHITE_SPECTRUM;
        }
        if (d.has(Capability.BRIGHTNESS)) {
            return Kind.DIMMABLE;
        }
        return d.type() == DeviceType.LIGHT ? Kind.RELAY : Kind.PLUG;
    }

    /** A stable, maker-like IEEE address for a device id. */
    static String ieee(Kind kind, String id) {
        long h = 0x9e3779b97f4a7c15L;
        for (char c : id.toCharArray()) {
            h = (h ^ c) * 0x100000001b3L;
        }
        String digits = String.format(Locale.ROOT, "%016x", h);
        return "0x" + kind.ieeePrefix + digits.substring(kind.ieeePrefix.length());
    }

    /** The device's entry in {@code bridge/devices}. */
    static ObjectNode entry(VirtualDevice d, String friendlyName) {
        Kind kind = kind(d.device());
        String ieee = ieee(kind, d.id());
        ObjectNode e = JSON.objectNode();
        e.put("ieee_address", ieee);
        e.put("type", kind.battery ? "EndDevice" : "Router");
        e.put("network_address", (int) (Long.parseLong(ieee.substring(ieee.length() - 4), 16) & 0xfff7));
        e.put("supported", true);
        e.put("disabled", false);
        e.put("friendly_name", friendlyName);
        e.put("description", "");
        e.put("manufacturer", kind.manufacturer);
        e.put("model_id", kind.modelId);
        e.put("power_source", kind.battery ? "Battery" : "Mains (single phase)");
        e.put("interview_completed", true);
        e.put("interviewing", false);
        ObjectNode definition = e.putObject("definition");
        definition.put("model", kind.model);
        definition.put("vendor", kind.vendor);
        definition.put("description", kind.description);
        definition.put("supports_ota", kind.vendor.equals("IKEA") || kind.vendor.equals("Philips"));
        definition.putArray("options");
        definition.set("exposes", exposes(kind));
        return e;
    }

    /** The {@code bridge/devices} entry of the coordinator, which every real bridge lists first. */
    static ObjectNode coordinator() {
        ObjectNode e = JSON.objectNode();
        e.put("ieee_address", "0x00124b0024c10a1b");
        e.put("type", "Coordinator");
        e.put("network_address", 0);
        e.put("supported", true);
        e.put("disabled", false);
        e.put("friendly_name", "Coordinator");
        e.put("interview_completed", true);
        e.put("interviewing", false);
        return e;
    }

    private static ArrayNode exposes(Kind kind) {
        ArrayNode x = JSON.arrayNode();
        switch (kind) {
            case RELAY, PLUG -> {
                x.add(composite("switch", binary("state", "ON", "OFF")));
                x.add(powerOnBehavior());
            }
            case DIMMABLE -> {
                x.add(composite("light", binary("state", "ON", "OFF"), numeric("brightness", 0, 254, null, ALL)));
                x.add(effect());
                x.add(powerOnBehavior());
            }
            case WHITE_SPECTRUM -> {
                x.add(composite("light", binary("state", "ON", "OFF"), numeric("brightness", 0, 254, null, ALL),
                        numeric("color_temp", 153, 454, "mired", ALL)));
                x.add(effect());
                x.add(powerOnBehavior());
            }
            case COLOUR -> {
                x.add(composite("light", binary("state", "ON", "OFF"), numeric("brightness", 0, 254, null, ALL),
                        numeric("color_temp", 153, 500, "mired", ALL),
                        colour("color_xy", "x", "y"), colour("color_hs", "hue", "saturation")));
                x.add(effect());
                x.add(powerOnBehavior());
            }
            case RADIATOR_VALVE -> {
                x.add(numeric("battery", 0, 100, "%", ACCESS_STATE | ACCESS_GET));
                ObjectNode setpoint = numeric("occupied_heating_setpoint", 5, 35, "°C", ALL);
                setpoint.put("value_step", 0.5);
                x.add(composite("climate", setpoint, numeric("local_temperature", -30, 100, "°C",
                        ACCESS_STATE | ACCESS_GET), enumeration("system_mode", ALL, "heat"),
                        enumeration("running_state", ACCESS_STATE | ACCESS_GET, "idle", "heat")));
            }
            case AIR_CONDITIONER -> {
                x.add(composite("switch", binary("state", "ON", "OFF")));
                ObjectNode setpoint = numeric("current_heating_setpoint", 16, 32, "°C", ALL);
                setpoint.put("value_step", 1);
                x.add(composite("climate", setpoint, numeric("local_temperature", -30, 100, "°C",
                        ACCESS_STATE | ACCESS_GET), enumeration("system_mode", ALL, "cool", "heat", "fan_only")));
                // As on real thermostats: a child lock, which keeps no door shut.
                ObjectNode childLock = composite("lock", binary("child_lock", "LOCK", "UNLOCK"));
                x.add(childLock);
            }
            case ROLLER_BLIND, CURTAIN -> {
                x.add(composite("cover", enumeration("state", ALL, "OPEN", "CLOSE", "STOP"),
                        numeric("position", 0, 100, "%", ALL)));
                if (kind.battery) {
                    x.add(numeric("battery", 0, 100, "%", ACCESS_STATE | ACCESS_GET));
                }
            }
            case GARAGE_OPENER -> x.add(composite("cover", enumeration("state", ACCESS_STATE | ACCESS_SET, "OPEN",
                    "CLOSE", "STOP")));
            case LOCK -> {
                x.add(composite("lock", binary("state", "LOCK", "UNLOCK"), enumeration("lock_state", ACCESS_STATE,
                        "not_fully_locked", "locked", "unlocked")));
                x.add(numeric("battery", 0, 100, "%", ACCESS_STATE | ACCESS_GET));
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        x.add(numeric("linkquality", 0, 255, "lqi", ACCESS_STATE));
        return x;
    }

    private static ObjectNode composite(String type, ObjectNode... features) {
        ObjectNode n = JSON.objectNode();
        n.put("type", type);
        ArrayNode f = n.putArray("features");
        for (ObjectNode feature : features) {
            f.add(feature);
        }
        return n;
    }

    private static ObjectNode feature(String type, String name, int access) {
        ObjectNode n = JSON.objectNode();
        n.put("type", type);
        n.put("name", name);
        n.put("label", Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', ' '));
        n.put("property", name);
        n.put("access", access);
        return n;
    }

    private static ObjectNode binary(String name, String on, String off) {
        ObjectNode n = feature("binary", name, ALL);
        n.put("value_on", on);
        n.put("value_off", off);
        if (on.equals("ON")) {
            n.put("value_toggle", "TOGGLE");
        }
        return n;
    }

    private static ObjectNode numeric(String name, double min, double max, String unit, int access) {
        ObjectNode n = feature("numeric", name, access);
        n.put("value_min", min);
        n.put("value_max", max);
        if (unit != null) {
            n.put("unit", unit);
        }
        return n;
    }

    private static ObjectNode enumeration(String name, int access, String... values) {
        ObjectNode n = feature("enum", name, access);
        ArrayNode v = n.putArray("values");
        for (String value : values) {
            v.add(value);
        }
        return n;
    }

    private static ObjectNode colour(String name, String a, String b) {
        ObjectNode n = feature("composite", name, ALL);
        n.put("property", "color");
        ArrayNode f = n.putArray("features");
        f.add(feature("numeric", a, ALL));
        f.add(feature("numeric", b, ALL));
        return n;
    }

    private static ObjectNode effect() {
        return enumeration("effect", ACCESS_SET, "blink", "breathe", "okay", "channel_change", "finish_effect",
                "stop_effect");
    }

    private static ObjectNode powerOnBehavior() {
        return enumeration("power_on_behavior", ALL, "off", "on", "toggle", "previous");
    }

    /**
     * The state message for the device's Glint state.
     *
     * @param colourMode {@code xy} or {@code color_temp}: what the bulb was last set to
     */
    static ObjectNode state(VirtualDevice d, Map<String, Object> state, String colourMode) {
        Kind kind = kind(d.device());
        ObjectNode s = JSON.objectNode();
        switch (kind) {
            case LOCK -> {
                boolean locked = Boolean.TRUE.equals(state.get(Attributes.LOCKED));
                s.put("state", locked ? "LOCK" : "UNLOCK");
                s.put("lock_state", locked ? "locked" : "unlocked");
            }
            case GARAGE_OPENER -> s.put("state", position(state) > 0 ? "OPEN" : "CLOSE");
            case ROLLER_BLIND, CURTAIN -> {
                s.put("state", position(state) > 0 ? "OPEN" : "CLOSE");
                s.put("position", position(state));
            }
            case RADIATOR_VALVE, AIR_CONDITIONER -> {
                if (kind == Kind.AIR_CONDITIONER) {
                    s.put("state", Boolean.TRUE.equals(state.get(Attributes.ON)) ? "ON" : "OFF");
                    s.put("child_lock", "UNLOCK");
                }
                double target = number(state.get(Attributes.TARGET_TEMPERATURE), 21);
                double measured = number(state.get(Attributes.TEMPERATURE), 20);
                s.put(kind.setpoint(), target);
                s.put("local_temperature", measured);
                s.put("system_mode", String.valueOf(state.getOrDefault(Attributes.MODE,
                        kind == Kind.AIR_CONDITIONER ? "cool" : "heat")));
                if (kind == Kind.RADIATOR_VALVE) {
                    s.put("running_state", target > measured ? "heat" : "idle");
                    s.put("pi_heating_demand", target > measured ? 40 : 0);
                }
            }
            default -> {
                s.put("state", Boolean.TRUE.equals(state.get(Attributes.ON)) ? "ON" : "OFF");
                if (state.get(Attributes.BRIGHTNESS) instanceof Number b) {
                    s.put("brightness", (int) Math.round(b.doubleValue() * BRIGHTNESS_MAX / 100));
                }
                if (state.get(Attributes.COLOR_TEMPERATURE) instanceof Number k && k.doubleValue() > 0) {
                    s.put("color_temp", (int) Math.round(1_000_000 / k.doubleValue()));
                }
                String hex = state.get(Attributes.COLOR) instanceof String c ? Colours.toHex(c) : null;
                if (kind == Kind.COLOUR && hex != null) {
                    double[] xy = Colours.toXy(hex);
                    double[] hs = Colours.toHueSaturation(hex);
                    ObjectNode colour = s.putObject("color");
                    colour.put("x", round4(xy[0]));
                    colour.put("y", round4(xy[1]));
                    colour.put("hue", Math.round(hs[0]));
                    colour.put("saturation", Math.round(hs[1]));
                }
                if (kind == Kind.COLOUR || kind == Kind.WHITE_SPECTRUM) {
                    s.put("color_mode", kind == Kind.COLOUR && "xy".equals(colourMode) ? "xy" : "color_temp");
                }
                if (kind != Kind.RELAY && kind != Kind.PLUG) {
                    s.putNull("effect");
                }
                s.put("power_on_behavior", "previous");
            }
        }
        if (kind.battery) {
            s.put("battery", 87);
        }
        s.put("linkquality", 96 + (int) (Long.parseLong(ieee(kind, d.id()).substring(14), 16) % 120));
        return s;
    }

    /** One Glint attribute value a {@code /set} asks for. */
    record Setting(String attribute, Object value) {
    }

    /**
     * What a {@code /set} payload asks of the device, as Glint attribute values in the order given; keys the
     * device has no converter for go to {@code ignored}, as zigbee2mqtt logs them.
     */
    static List<Setting> settings(VirtualDevice d, JsonNode set, Map<String, Object> state, List<String> ignored) {
        Kind kind = kind(d.device());
        List<Setting> out = new ArrayList<>();
        set.fields().forEachRemaining(field -> {
            String key = field.getKey();
            JsonNode v = field.getValue();
            Setting s = setting(kind, key, v, state);
            if (s == null) {
                if (!(key.equals("state") && "STOP".equals(v.asText()))) {
                    ignored.add(key + "=" + v);
                }
            } else {
                out.add(s);
            }
        });
        return out;
    }

    private static Setting setting(Kind kind, String key, JsonNode v, Map<String, Object> state) {
        switch (key) {
            case "state" -> {
                String s = v.asText("").toUpperCase(Locale.ROOT);
                if (kind == Kind.LOCK) {
                    return s.equals("LOCK") ? new Setting(Attributes.LOCKED, true)
                            : s.equals("UNLOCK") ? new Setting(Attributes.LOCKED, false) : null;
                }
                if (kind.cover()) {
                    return s.equals("OPEN") ? new Setting(Attributes.POSITION, 100)
                            : s.equals("CLOSE") ? new Setting(Attributes.POSITION, 0) : null;
                }
                return switch (s) {
                    case "ON" -> new Setting(Attributes.ON, true);
                    case "OFF" -> new Setting(Attributes.ON, false);
                    case "TOGGLE" -> new Setting(Attributes.ON, !Boolean.TRUE.equals(state.get(Attributes.ON)));
                    default -> null;
                };
            }
            case "brightness" -> {
                return v.isNumber() && kind != Kind.RELAY && kind != Kind.PLUG && !kind.cover() ? new Setting(
                        Attributes.BRIGHTNESS, (int) Math.round(Math.max(0, Math.min(BRIGHTNESS_MAX, v.asDouble()))
                                * 100 / BRIGHTNESS_MAX)) : null;
            }
            case "color_temp" -> {
                return v.isNumber() && v.asDouble() > 0 && (kind == Kind.COLOUR || kind == Kind.WHITE_SPECTRUM)
                        ? new Setting(Attributes.COLOR_TEMPERATURE, (int) Math.round(1_000_000 / v.asDouble())) : null;
            }
            case "color" -> {
                String hex = kind == Kind.COLOUR ? Colours.fromSet(v) : null;
                return hex == null ? null : new Setting(Attributes.COLOR, hex);
            }
            case "position" -> {
                return v.isNumber() && (kind == Kind.ROLLER_BLIND || kind == Kind.CURTAIN)
                        ? new Setting(Attributes.POSITION, (int) Math.round(Math.max(0, Math.min(100, v.asDouble()))))
                        : null;
            }
            case "occupied_heating_setpoint", "current_heating_setpoint" -> {
                return v.isNumber() && key.equals(kind.setpoint()) && (kind == Kind.RADIATOR_VALVE
                        || kind == Kind.AIR_CONDITIONER) ? new Setting(Attributes.TARGET_TEMPERATURE, v.asDouble())
                                : null;
            }
            case "system_mode" -> {
                return v.isTextual() && (kind == Kind.RADIATOR_VALVE || kind == Kind.AIR_CONDITIONER)
                        ? new Setting(Attributes.MODE, v.asText()) : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static int position(Map<String, Object> state) {
        return state.get(Attributes.POSITION) instanceof Number n ? n.intValue() : 0;
    }

    private static double number(Object value, double otherwise) {
        return value instanceof Number n ? n.doubleValue() : otherwise;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

}
