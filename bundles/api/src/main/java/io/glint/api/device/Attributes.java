package io.glint.api.device;

/** Names of state attributes, shared by drivers, skills and the hub. */
public final class Attributes {
    public static final String ON = "on";
    public static final String BRIGHTNESS = "brightness";
    public static final String COLOR = "color";
    public static final String COLOR_TEMPERATURE = "color_temperature";
    public static final String TEMPERATURE = "temperature";
    public static final String TARGET_TEMPERATURE = "target_temperature";
    public static final String MODE = "mode";
    public static final String POSITION = "position";
    public static final String LOCKED = "locked";
    public static final String VACUUM_STATE = "vacuum_state";
    public static final String VACUUM_ROOM = "vacuum_room";
    public static final String BREWING = "brewing";
    public static final String PLAYING = "playing";
    public static final String VOLUME = "volume";
    /** Charge left in a battery-powered device's or a car's battery, percent 0–100. */
    public static final String BATTERY = "battery";

    private Attributes() {
    }
}
