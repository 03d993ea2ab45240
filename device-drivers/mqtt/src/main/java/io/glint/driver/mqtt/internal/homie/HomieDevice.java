package io.glint.driver.mqtt.internal.homie;

import java.util.Map;
import java.util.Objects;

import io.glint.api.device.Device;

/**
 * A Homie 5 device as Glint sees it: its Homie id (the topic level after the base), the {@link Device} to
 * announce, and the Homie property each Glint attribute ({@code Attributes.*}) is bound to.
 */
public record HomieDevice(String homieId, Device device, Map<String, HomieProperty> properties) {

    public HomieDevice {
        Objects.requireNonNull(homieId, "homieId");
        Objects.requireNonNull(device, "device");
        properties = Map.copyOf(properties);
    }

    /** The property bound to a Glint attribute, or null. */
    public HomieProperty property(String attribute) {
        return properties.get(attribute);
    }

    /** The Glint attribute bound to {@code <node>/<property>}, or null. */
    public String attributeAt(String path) {
        for (Map.Entry<String, HomieProperty> e : properties.entrySet()) {
            if (e.getValue().path().equals(path)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** {@code <base>/<id>}. */
    public String topic(String base) {
        return base + "/" + homieId;
    }

    /** {@code <base>/<id>/<node>/<property>/set}: where a command for the attribute goes. */
    public String setTopic(String base, HomieProperty p) {
        return topic(base) + "/" + p.path() + "/set";
    }
}
