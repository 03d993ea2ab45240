package io.glint.api.device;

/** What kind of thing a device is, as the wearer names it ("the lights", "the fan"). */
public enum DeviceType {
    LIGHT, PLUG, SWITCH, FAN, TV, AIR_CONDITIONER, THERMOSTAT, HEATER, BLINDS, CURTAINS, GARAGE_DOOR, LOCK, VACUUM,
    COFFEE_MAKER, SPEAKER, SENSOR, OTHER
}
