package io.glint.api.device;

/** Whether the hub can reach a device now. Going away is a status with a reason, not an exception. */
public enum Availability {
    ONLINE, OFFLINE, UNKNOWN
}
