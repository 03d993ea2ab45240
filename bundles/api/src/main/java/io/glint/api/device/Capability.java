package io.glint.api.device;

import java.util.List;

/**
 * What a device can do, and the state attributes each capability owns. Skills are granted capabilities; a skill
 * can only command the capabilities it was granted.
 */
public enum Capability {
    /** {@link Attributes#ON}: boolean. */
    ON_OFF(Attributes.ON),
    /** {@link Attributes#BRIGHTNESS}: 0–100. */
    BRIGHTNESS(Attributes.BRIGHTNESS),
    /** {@link Attributes#COLOR}: CSS colour name or #rrggbb; {@link Attributes#COLOR_TEMPERATURE}: kelvin. */
    COLOR(Attributes.COLOR, Attributes.COLOR_TEMPERATURE),
    /** {@link Attributes#TARGET_TEMPERATURE} (°C, settable), {@link Attributes#TEMPERATURE} (°C, measured). */
    THERMOSTAT(Attributes.TARGET_TEMPERATURE, Attributes.TEMPERATURE, Attributes.MODE),
    /** {@link Attributes#POSITION}: 0 closed – 100 open. */
    COVER(Attributes.POSITION),
    /** {@link Attributes#LOCKED}: boolean. Unlocking is sensitive. */
    LOCK(Attributes.LOCKED),
    /** {@link Attributes#VACUUM_STATE}: docked, cleaning, returning; {@link Attributes#VACUUM_ROOM}. */
    VACUUM(Attributes.VACUUM_STATE, Attributes.VACUUM_ROOM),
    /** {@link Attributes#BREWING}: the drink being made, or empty. */
    COFFEE_MAKER(Attributes.BREWING),
    /** {@link Attributes#PLAYING}, {@link Attributes#VOLUME} 0–100. */
    MEDIA(Attributes.PLAYING, Attributes.VOLUME),
    /** {@link Attributes#DESTINATION}: where a car drives to. */
    NAVIGATION(Attributes.DESTINATION),
    /**
     * A phone: {@link Attributes#CALL}, {@link Attributes#MESSAGE}, {@link Attributes#RINGING} (settable) and its
     * {@link Attributes#CONTACTS} (read only).
     */
    PHONE(Attributes.CALL, Attributes.MESSAGE, Attributes.RINGING, Attributes.CONTACTS);

    private final List<String> attributes;

    Capability(String... attributes) {
        this.attributes = List.of(attributes);
    }

    /** The state attributes this capability reads and writes. */
    public List<String> attributes() {
        return attributes;
    }

    /** The capability that owns an attribute, if any. */
    public static Capability owning(String attribute) {
        for (Capability c : values()) {
            if (c.attributes.contains(attribute)) {
                return c;
            }
        }
        return null;
    }
}
