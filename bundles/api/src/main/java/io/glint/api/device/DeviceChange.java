package io.glint.api.device;

import java.util.Objects;

/** One attribute of one device took a new value (or the device's availability changed: attribute "availability"). */
public final class DeviceChange {
    private final String deviceId;
    private final String attribute;
    private final Object oldValue;
    private final Object newValue;

    public DeviceChange(String deviceId, String attribute, Object oldValue, Object newValue) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public String deviceId() {
        return deviceId;
    }

    public String attribute() {
        return attribute;
    }

    public Object oldValue() {
        return oldValue;
    }

    public Object newValue() {
        return newValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceChange c && c.deviceId.equals(deviceId) && c.attribute.equals(attribute)
                && Objects.equals(c.oldValue, oldValue) && Objects.equals(c.newValue, newValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, attribute, oldValue, newValue);
    }

    @Override
    public String toString() {
        return deviceId + "." + attribute + ": " + oldValue + " -> " + newValue;
    }
}
