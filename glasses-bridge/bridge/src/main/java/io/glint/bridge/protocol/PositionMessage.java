package io.glint.bridge.protocol;

/**
 * Where the wearer is, as the glasses (usually the paired phone's GPS) know it: part of an
 * {@link UtteranceRequest}.
 *
 * @param lat      latitude, degrees north, WGS84, -90 to 90
 * @param lon      longitude, degrees east, WGS84, -180 to 180
 * @param accuracy how far off the position may be, metres, 0 or more
 */
public record PositionMessage(Double lat, Double lon, Double accuracy) {
}
