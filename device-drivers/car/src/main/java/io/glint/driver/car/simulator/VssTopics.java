package io.glint.driver.car.simulator;

/**
 * The MQTT topic layout of VSS signals, with current and target values apart as KUKSA.val keeps them:
 * <ul>
 * <li>{@code <base>/<car>/current/<VSS path>}: what the car measures, published by the car, retained, JSON
 * {@code {"value":…,"ts":<epoch ms>}}.</li>
 * <li>{@code <base>/<car>/target/<VSS path>}: what the hub asks an actuator for, published by the hub, never
 * retained, JSON {@code {"value":…,"ts":<epoch ms>,"expires":<epoch ms>}}. A car ignores a target past its
 * expiry, so an actuation cannot happen later than the hub waited for it.</li>
 * <li>{@code <base>/<car>/status}: {@code online} / {@code offline}, retained, the car's last will.</li>
 * </ul>
 * The VSS path is one topic level (dots are not MQTT separators).
 */
public final class VssTopics {
    public static final String CURRENT = "current";
    public static final String TARGET = "target";
    public static final String STATUS = "status";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private VssTopics() {
    }

    public static String current(String base, String car, String path) {
        return base + "/" + car + "/" + CURRENT + "/" + path;
    }

    public static String target(String base, String car, String path) {
        return base + "/" + car + "/" + TARGET + "/" + path;
    }

    public static String status(String base, String car) {
        return base + "/" + car + "/" + STATUS;
    }

    /** A car name usable as one topic level: no separators or wildcards. */
    public static String requireCarName(String car) {
        if (car == null || car.isBlank() || car.contains("/") || car.contains("+") || car.contains("#")) {
            throw new IllegalArgumentException("Car name \"" + car + "\" is not usable as an MQTT topic level");
        }
        return car;
    }
}
