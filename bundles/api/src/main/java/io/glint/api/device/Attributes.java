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
    /**
     * Where a car is asked to drive: a map {@code name} (as the wearer said it), {@code latitude}, {@code longitude}
     * (WGS84 degrees).
     */
    public static final String DESTINATION = "destination";
    /** The number a phone is calling or asked to call; empty when there is no call. */
    public static final String CALL = "call";
    /** A text message a phone is asked to send: a map {@code to} (number), {@code text}. */
    public static final String MESSAGE = "message";
    /** Whether a phone is ringing so its owner can find it; setting {@code true} rings it. */
    public static final String RINGING = "ringing";
    /**
     * A phone's contacts as its companion app shares them (read only): a list of maps {@code name},
     * {@code number}, and optionally {@code aliases} (a list of other names: "mum", "妈妈").
     */
    public static final String CONTACTS = "contacts";

    private Attributes() {
    }
}
