package io.glint.driver.car.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.driver.car.simulator.Vss;

/**
 * VSS signals ↔ Glint: a car's current values as device state attributes, and commands as target values with the
 * current values that confirm them. Pure functions, no I/O.
 */
final class CarMapping {
    /** Remaining range, km. */
    static final String RANGE_KM = "range_km";
    /** Climate running. */
    static final String CLIMATE = "climate";
    static final String TRUNK_OPEN = "trunk_open";
    /** Any window open. ({@link Attributes#POSITION}: the most open window, percent.) */
    static final String WINDOWS_OPEN = "windows_open";
    static final String DOORS_OPEN = "doors_open";
    static final String CHARGING = "charging";
    static final String CHARGING_CABLE = "charging_cable";
    static final String LATITUDE = "latitude";
    static final String LONGITUDE = "longitude";
    static final String OUTSIDE_TEMPERATURE = "outside_temperature";
    /** Tyre pressures, kPa. */
    static final String TIRE_FRONT_LEFT = "tire_pressure_front_left";
    static final String TIRE_FRONT_RIGHT = "tire_pressure_front_right";
    static final String TIRE_REAR_LEFT = "tire_pressure_rear_left";
    static final String TIRE_REAR_RIGHT = "tire_pressure_rear_right";

    /** What {@link Attributes#MODE} says when climate runs or not. */
    static final String MODE_AUTO = "auto";
    static final String MODE_OFF = "off";

    /** Target values to write, and the current values that show the car did it. */
    record Actuation(Map<String, Object> targets, Predicate<Map<String, Object>> confirmed, String what) {
    }

    private CarMapping() {
    }

    /** The device attributes the current VSS values give (only those the car has reported). */
    static Map<String, Object> state(Map<String, Object> vss) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Object> locks = Vss.DOOR_LOCKS.stream().map(vss::get).filter(Objects::nonNull).toList();
        if (!locks.isEmpty()) {
            s.put(Attributes.LOCKED, locks.stream().allMatch(Boolean.TRUE::equals));
        }
        List<Object> doors = Vss.DOORS_OPEN.stream().map(vss::get).filter(Objects::nonNull).toList();
        if (!doors.isEmpty()) {
            s.put(DOORS_OPEN, doors.stream().anyMatch(Boolean.TRUE::equals));
        }
        List<Integer> windows = Vss.WINDOWS.stream().map(vss::get).filter(Number.class::isInstance)
                .map(n -> (int) Math.round(((Number) n).doubleValue())).toList();
        if (!windows.isEmpty()) {
            int most = windows.stream().mapToInt(Integer::intValue).max().orElse(0);
            s.put(Attributes.POSITION, most);
            s.put(WINDOWS_OPEN, most > 0);
        }
        copy(vss, Vss.TRUNK_OPEN, s, TRUNK_OPEN);
        Object soc = vss.get(Vss.BATTERY_SOC);
        if (soc instanceof Number n) {
            s.put(Attributes.BATTERY, (int) Math.round(n.doubleValue()));
        }
        Object range = vss.get(Vss.RANGE);
        if (range instanceof Number n) {
            s.put(RANGE_KM, (int) Math.round(n.doubleValue() / 1000));
        }
        number(vss, Vss.HVAC_CABIN_TEMPERATURE, s, Attributes.TEMPERATURE);
        number(vss, Vss.HVAC_DRIVER_TEMPERATURE, s, Attributes.TARGET_TEMPERATURE);
        number(vss, Vss.EXTERIOR_TEMPERATURE, s, OUTSIDE_TEMPERATURE);
        Object ac = vss.get(Vss.HVAC_AC_ACTIVE);
        if (ac instanceof Boolean on) {
            s.put(CLIMATE, on);
            s.put(Attributes.MODE, on ? MODE_AUTO : MODE_OFF);
        }
        copy(vss, Vss.CHARGING, s, CHARGING);
        copy(vss, Vss.CHARGING_CABLE, s, CHARGING_CABLE);
        number(vss, Vss.LATITUDE, s, LATITUDE);
        number(vss, Vss.LONGITUDE, s, LONGITUDE);
        if (vss.get(Vss.DESTINATION_LATITUDE) instanceof Number lat
                && vss.get(Vss.DESTINATION_LONGITUDE) instanceof Number lon) {
            Map<String, Object> destination = new LinkedHashMap<>();
            destination.put(LATITUDE, lat.doubleValue());
            destination.put(LONGITUDE, lon.doubleValue());
            s.put(Attributes.DESTINATION, destination);
        }
        number(vss, Vss.TIRE_FRONT_LEFT, s, TIRE_FRONT_LEFT);
        number(vss, Vss.TIRE_FRONT_RIGHT, s, TIRE_FRONT_RIGHT);
        number(vss, Vss.TIRE_REAR_LEFT, s, TIRE_REAR_LEFT);
        number(vss, Vss.TIRE_REAR_RIGHT, s, TIRE_REAR_RIGHT);
        return s;
    }

    /**
     * A command to the car device: LOCK locked, THERMOSTAT target_temperature (starts climate at that set point)
     * and mode ("off" stops climate, anything else starts it), COVER position (all windows), NAVIGATION
     * destination (a map with name, latitude and longitude: the navigation's destination).
     *
     * @throws IllegalArgumentException for a command a car cannot do
     */
    static Actuation car(Command command) {
        Object value = command.value();
        switch (command.capability()) {
            case LOCK -> {
                boolean lock = bool(value);
                Map<String, Object> t = new LinkedHashMap<>();
                Vss.DOOR_LOCKS.forEach(p -> t.put(p, lock));
                return new Actuation(t, vss -> Vss.DOOR_LOCKS.stream().allMatch(p -> Objects.equals(vss.get(p), lock)),
                        lock ? "lock" : "unlock");
            }
            case THERMOSTAT -> {
                if (Attributes.TARGET_TEMPERATURE.equals(command.attribute())) {
                    int celsius = (int) Math.round(number(value));
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put(Vss.HVAC_DRIVER_TEMPERATURE, celsius);
                    t.put(Vss.HVAC_AC_ACTIVE, true);
                    return new Actuation(t, vss -> vss.get(Vss.HVAC_DRIVER_TEMPERATURE) instanceof Number n
                            && Math.round(n.doubleValue()) == celsius && Boolean.TRUE.equals(vss.get(Vss.HVAC_AC_ACTIVE)),
                            "start the climate at " + celsius + " °C");
                }
                if (Attributes.MODE.equals(command.attribute())) {
                    boolean on = !MODE_OFF.equalsIgnoreCase(String.valueOf(value).trim());
                    return new Actuation(Map.of(Vss.HVAC_AC_ACTIVE, on),
                            vss -> Objects.equals(vss.get(Vss.HVAC_AC_ACTIVE), on),
                            on ? "start the climate" : "stop the climate");
                }
                throw new IllegalArgumentException("A car's climate cannot set " + command.attribute());
            }
            case COVER -> {
                int position = (int) Math.round(number(value));
                if (position < 0 || position > 100) {
                    throw new IllegalArgumentException("Window position " + position + " % is outside 0–100 %");
                }
                Map<String, Object> t = new LinkedHashMap<>();
                Vss.WINDOWS.forEach(p -> t.put(p, position));
                return new Actuation(t, vss -> Vss.WINDOWS.stream().allMatch(p -> vss.get(p) instanceof Number n
                        && Math.round(n.doubleValue()) == position),
                        position == 0 ? "close the windows" : "open the windows");
            }
            case NAVIGATION -> {
                if (!(value instanceof Map<?, ?> m) || !(m.get(LATITUDE) instanceof Number lat)
                        || !(m.get(LONGITUDE) instanceof Number lon)) {
                    throw new IllegalArgumentException("A destination needs a latitude and a longitude, got " + value);
                }
                double latitude = lat.doubleValue();
                double longitude = lon.doubleValue();
                if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                    throw new IllegalArgumentException("Destination " + latitude + ", " + longitude
                            + " is not a latitude in -90–90 and a longitude in -180–180");
                }
                Map<String, Object> t = new LinkedHashMap<>();
                t.put(Vss.DESTINATION_LATITUDE, latitude);
                t.put(Vss.DESTINATION_LONGITUDE, longitude);
                Object name = m.get("name");
                return new Actuation(t, vss -> same(vss.get(Vss.DESTINATION_LATITUDE), latitude)
                        && same(vss.get(Vss.DESTINATION_LONGITUDE), longitude),
                        "navigate to " + (name == null ? latitude + ", " + longitude : name));
            }
            default -> {
            }
        }
        throw new IllegalArgumentException("A car cannot do " + command);
    }

    /** A command to a car's trunk device: COVER position, above 0 opens it, 0 closes it. */
    static Actuation trunk(Command command) {
        if (command.capability() != Capability.COVER) {
            throw new IllegalArgumentException("A trunk cannot do " + command);
        }
        boolean open = number(command.value()) > 0;
        return new Actuation(Map.of(Vss.TRUNK_OPEN, open), vss -> Objects.equals(vss.get(Vss.TRUNK_OPEN), open),
                open ? "open the trunk" : "close the trunk");
    }

    /** The trunk device's state: COVER position 100 when open, 0 when closed. */
    static Map<String, Object> trunkState(Map<String, Object> vss) {
        Object open = vss.get(Vss.TRUNK_OPEN);
        return open instanceof Boolean b ? Map.of(Attributes.POSITION, b ? 100 : 0, TRUNK_OPEN, b) : Map.of();
    }

    private static void copy(Map<String, Object> vss, String path, Map<String, Object> s, String attribute) {
        Object v = vss.get(path);
        if (v != null) {
            s.put(attribute, v);
        }
    }

    private static void number(Map<String, Object> vss, String path, Map<String, Object> s, String attribute) {
        Object v = vss.get(path);
        if (v instanceof Number n) {
            s.put(attribute, n.doubleValue());
        }
    }

    /** The same position, to about a centimetre (a double that went through JSON may differ in its last bits). */
    static boolean same(Object reported, double degrees) {
        return reported instanceof Number n && Math.abs(n.doubleValue() - degrees) < 1e-7;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("Expected true or false, got " + value);
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("Expected a number, got " + value);
    }
}
