package io.glint.api.device;

/**
 * What kind of thing a device is, as the wearer names it ("the lights", "the fan"). {@link #VEHICLE}: a car or a
 * part of one (its trunk); the hub holds opening any of its covers — windows, trunk — for the wearer's "yes". {@link #PHONE}: the wearer's phone, reached through its companion app.
 */
public enum DeviceType {
    LIGHT, PLUG, SWITCH, FAN, TV, AIR_CONDITIONER, THERMOSTAT, HEATER, BLINDS, CURTAINS, GARAGE_DOOR, LOCK, VACUUM,
    COFFEE_MAKER, SPEAKER, SENSOR, OTHER, VEHICLE, PHONE
}
