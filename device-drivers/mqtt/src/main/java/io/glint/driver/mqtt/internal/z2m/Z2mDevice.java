package io.glint.driver.mqtt.internal.z2m;

import java.util.Map;
import java.util.Objects;

import io.glint.api.device.Device;
import io.glint.api.device.Room;

/**
 * A zigbee2mqtt device as Glint sees it: the {@link Device} to announce, the room to define (null when the
 * friendly name has none), the friendly name that addresses it on the broker, and the zigbee2mqtt property each
 * Glint attribute is bound to.
 */
public record Z2mDevice(String friendlyName, Device device, Room room, Map<String, Z2mProperty> properties) {

    public Z2mDevice {
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(device, "device");
        properties = Map.copyOf(properties);
    }

    /** The property bound to a Glint attribute ({@code Attributes.*}), or null. */
    public Z2mProperty property(String attribute) {
        return properties.get(attribute);
    }

    /** {@code <base>/<friendly_name>}: where the device publishes its state. */
    public String stateTopic(String base) {
        return base + "/" + friendlyName;
    }

    /** {@code <base>/<friendly_name>/set}: where commands go. */
    public String setTopic(String base) {
        return stateTopic(base) + "/set";
    }

    /** {@code <base>/<friendly_name>/availability}. */
    public String availabilityTopic(String base) {
        return stateTopic(base) + "/availability";
    }
}
