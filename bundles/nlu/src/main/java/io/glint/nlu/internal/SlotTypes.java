package io.glint.nlu.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import io.glint.api.device.DeviceType;

/** The slot types a skill definition may use, and their spelling rules. */
public final class SlotTypes {
    public static final String ROOM = "room";
    public static final String DEVICE = "device";
    public static final String NUMBER = "number";
    public static final String PERCENT = "percent";
    public static final String COLOR = "color";
    public static final String TEMPERATURE = "temperature";
    public static final String TEXT = "text";
    static final Set<String> SIMPLE = Set.of(ROOM, DEVICE, NUMBER, PERCENT, COLOR, TEMPERATURE, TEXT);

    private SlotTypes() {
    }

    /** Null when the type is valid, otherwise what is wrong with it. */
    public static String check(String type) {
        if (SIMPLE.contains(type)) {
            return null;
        }
        if (type.startsWith(DEVICE + ":")) {
            for (String t : type.substring(DEVICE.length() + 1).split(",")) {
                try {
                    DeviceType.valueOf(t.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return "has type \"" + type + "\" with unknown device type \"" + t + "\"; valid ones are "
                            + Arrays.toString(DeviceType.values()).toLowerCase(Locale.ROOT);
                }
            }
            return null;
        }
        return "has unknown type \"" + type + "\"; use one of " + SIMPLE + " or device:<type>[,<type>…]";
    }

    public static boolean isFreeText(String type) {
        return TEXT.equals(type);
    }

    /** The base type: {@code device:light} is a device. */
    public static String base(String type) {
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(0, colon);
    }
}
