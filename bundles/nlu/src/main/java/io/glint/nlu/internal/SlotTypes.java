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
    /** A clock time, day or part of a day, resolved against now: see {@link Times}. */
    public static final String TIME = "time";
    /** A length of time, ISO-8601 ({@code PT10M}): see {@link Durations}. */
    public static final String DURATION = "duration";
    /**
     * A person in the wearer's phone contacts (their names and aliases, as the phone's companion app shares them):
     * only a name the contacts hold fills it, so "call a taxi firm" is not a call.
     */
    public static final String CONTACT = "contact";
    static final Set<String> SIMPLE = Set.of(ROOM, DEVICE, NUMBER, PERCENT, COLOR, TEMPERATURE, TEXT, TIME, DURATION,
            CONTACT);
    /** Longest span most slots take, in tokens. */
    static final int MAX_TOKENS = 8;
    /** Times and durations are longer: "next friday at half past six in the evening", "后天下午三点四十五分". */
    static final int MAX_TIME_TOKENS = 14;

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

    /** The longest span, in tokens, a slot of this type may take (free text excepted). */
    public static int maxTokens(String type) {
        return TIME.equals(type) || DURATION.equals(type) ? MAX_TIME_TOKENS : MAX_TOKENS;
    }

    /** Whether a slot of this type takes the longest span that is a value rather than the shortest. */
    public static boolean prefersLongest(String type) {
        return TIME.equals(type) || DURATION.equals(type);
    }

    /** The base type: {@code device:light} is a device. */
    public static String base(String type) {
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(0, colon);
    }
}
