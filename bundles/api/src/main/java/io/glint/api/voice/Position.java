package io.glint.api.voice;

/**
 * Where the wearer is, as the glasses (usually the paired phone's GPS) report it with an utterance.
 *
 * @param latitude       degrees north, WGS84, -90 to 90
 * @param longitude      degrees east, WGS84, -180 to 180
 * @param accuracyMetres how far off the position may be, metres (0 when the glasses do not say)
 */
public record Position(double latitude, double longitude, double accuracyMetres) {
    public Position {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90 degrees, got " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180 degrees, got " + longitude);
        }
        if (!(accuracyMetres >= 0) || Double.isInfinite(accuracyMetres)) {
            throw new IllegalArgumentException("accuracy must be a finite number of metres, 0 or more, got "
                    + accuracyMetres);
        }
    }

    /** A position whose accuracy is not known. */
    public static Position of(double latitude, double longitude) {
        return new Position(latitude, longitude, 0);
    }
}
