package io.glint.driver.virtual.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.glint.api.device.Capability;
import io.glint.api.device.DeviceType;

/**
 * Where a simulated device lives when the home runs over MQTT: the {@code topic} of a home file device, either
 * {@code zigbee2mqtt/<friendly name>} (a device of the simulated zigbee2mqtt bridge) or {@code homie/5/<id>} (a
 * Homie 5 device), and which of the two can play which device.
 */
final class MqttTopics {
    static final String Z2M_BASE = "zigbee2mqtt";
    static final String HOMIE_BASE = "homie/5";
    /** Homie's topic ID: lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
    static final Pattern HOMIE_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /** What zigbee2mqtt devices can be (lights, plugs, thermostats, covers, locks), and Homie devices. */
    static final Set<Capability> Z2M = EnumSet.of(Capability.ON_OFF, Capability.BRIGHTNESS, Capability.COLOR,
            Capability.THERMOSTAT, Capability.COVER, Capability.LOCK);
    static final Set<Capability> HOMIE = EnumSet.of(Capability.ON_OFF, Capability.BRIGHTNESS,
            Capability.THERMOSTAT, Capability.MEDIA, Capability.VACUUM, Capability.COFFEE_MAKER);

    private MqttTopics() {
    }

    static boolean zigbee2mqtt(String topic) {
        return topic != null && topic.startsWith(Z2M_BASE + "/");
    }

    static String friendlyName(String topic) {
        return topic.substring(Z2M_BASE.length() + 1);
    }

    static String homieId(String topic) {
        return topic.substring(HOMIE_BASE.length() + 1);
    }

    /**
     * Checks a device's topic and records a problem when it is unusable; returns it (null when none is given).
     *
     * @param seen topics already used, with the label of the device using them
     */
    static String check(String label, String topic, DeviceType type, Set<Capability> capabilities,
            Map<String, String> seen, List<String> problems) {
        if (topic == null) {
            return null;
        }
        Set<Capability> fit;
        if (zigbee2mqtt(topic)) {
            String name = friendlyName(topic);
            if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("+")
                    || name.contains("#") || name.startsWith("bridge/") || name.equals("bridge")
                    || name.matches(".*/(set|get|availability)(/.*)?")) {
                problems.add(label + ": \"topic\" " + topic + " is not usable as zigbee2mqtt/<friendly name>: the"
                        + " name must not be empty, contain + or #, start with bridge/ or end in /set, /get or"
                        + " /availability");
                return null;
            }
            fit = Z2M;
        } else if (topic.startsWith(HOMIE_BASE + "/")) {
            if (!HOMIE_ID.matcher(homieId(topic)).matches()) {
                problems.add(label + ": \"topic\" " + topic + " is not homie/5/<id> with a Homie id (lower-case"
                        + " letters, digits and hyphens, such as homie/5/coffee-machine)");
                return null;
            }
            fit = HOMIE;
        } else {
            problems.add(label + ": \"topic\" must be zigbee2mqtt/<friendly name> or homie/5/<id>, not \"" + topic
                    + "\"");
            return null;
        }
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        missing.addAll(capabilities);
        missing.removeAll(fit);
        if (capabilities.isEmpty() || !missing.isEmpty()) {
            problems.add(label + ": a " + (fit == Z2M ? "zigbee2mqtt" : "Homie") + " device cannot simulate "
                    + (capabilities.isEmpty() ? "a device without capabilities" : missing.toString()) + "; use "
                    + (fit == Z2M ? "a homie/5/<id> topic for media players, vacuums and coffee machines"
                            : "a zigbee2mqtt/<friendly name> topic for colour lights, covers and locks"));
            return null;
        }
        if (fit == Z2M && type == DeviceType.LIGHT && capabilities.contains(Capability.COLOR)
                && !capabilities.contains(Capability.BRIGHTNESS)) {
            problems.add(label + ": a zigbee2mqtt colour light also needs BRIGHTNESS");
            return null;
        }
        String earlier = seen.putIfAbsent(topic, label);
        if (earlier != null) {
            problems.add(label + ": the topic " + topic + " is already used by " + earlier);
            return null;
        }
        return topic;
    }
}
