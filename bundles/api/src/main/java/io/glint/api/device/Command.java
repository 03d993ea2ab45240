package io.glint.api.device;

import java.util.Map;
import java.util.Objects;

/**
 * One thing to do to a device: set an attribute of a capability. Build them with the factory methods; the
 * capability decides whether the skill is allowed to send it.
 */
public final class Command {
    private final Capability capability;
    private final String attribute;
    private final Object value;

    public Command(Capability capability, String attribute, Object value) {
        this.capability = Objects.requireNonNull(capability, "capability");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        if (!capability.attributes().contains(attribute)) {
            throw new IllegalArgumentException("Attribute " + attribute + " does not belong to " + capability
                    + " (it has " + capability.attributes() + ")");
        }
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Command turnOn() {
        return new Command(Capability.ON_OFF, Attributes.ON, true);
    }

    public static Command turnOff() {
        return new Command(Capability.ON_OFF, Attributes.ON, false);
    }

    public static Command power(boolean on) {
        return on ? turnOn() : turnOff();
    }

    /** Brightness in percent, 0–100. */
    public static Command brightness(int percent) {
        return new Command(Capability.BRIGHTNESS, Attributes.BRIGHTNESS, percent(percent, "Brightness"));
    }

    /** A CSS colour name or {@code #rrggbb}. */
    public static Command color(String color) {
        return new Command(Capability.COLOR, Attributes.COLOR, color);
    }

    /** White temperature in kelvin (2700 warm – 6500 cold). */
    public static Command colorTemperature(int kelvin) {
        if (kelvin < 1000 || kelvin > 10000) {
            throw new IllegalArgumentException("Colour temperature " + kelvin + " K is outside 1000–10000 K");
        }
        return new Command(Capability.COLOR, Attributes.COLOR_TEMPERATURE, kelvin);
    }

    /** Set point in °C. */
    public static Command targetTemperature(double celsius) {
        if (celsius < 5 || celsius > 35) {
            throw new IllegalArgumentException("Set point " + celsius + " °C is outside 5–35 °C");
        }
        return new Command(Capability.THERMOSTAT, Attributes.TARGET_TEMPERATURE, celsius);
    }

    /** Cover position: 0 closed, 100 fully open. */
    public static Command coverPosition(int percent) {
        return new Command(Capability.COVER, Attributes.POSITION, percent(percent, "Position"));
    }

    public static Command lock() {
        return new Command(Capability.LOCK, Attributes.LOCKED, true);
    }

    public static Command unlock() {
        return new Command(Capability.LOCK, Attributes.LOCKED, false);
    }

    /** Start cleaning; an empty room means the whole home. */
    public static Command startVacuum(String room) {
        return new Command(Capability.VACUUM, Attributes.VACUUM_STATE, room == null || room.isEmpty()
                ? "cleaning" : "cleaning:" + room);
    }

    public static Command stopVacuum() {
        return new Command(Capability.VACUUM, Attributes.VACUUM_STATE, "returning");
    }

    public static Command brew(String kind) {
        return new Command(Capability.COFFEE_MAKER, Attributes.BREWING, kind);
    }

    public static Command play(String what) {
        return new Command(Capability.MEDIA, Attributes.PLAYING, what);
    }

    public static Command volume(int percent) {
        return new Command(Capability.MEDIA, Attributes.VOLUME, percent(percent, "Volume"));
    }

    /** Send a car to a destination: a name for it as the wearer said it, and its WGS84 position. */
    public static Command navigate(String name, double latitude, double longitude) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A destination needs a name");
        }
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("Destination position " + latitude + ", " + longitude
                    + " is not a latitude in -90–90 and a longitude in -180–180");
        }
        return new Command(Capability.NAVIGATION, Attributes.DESTINATION,
                Map.of("name", name.strip(), "latitude", latitude, "longitude", longitude));
    }

    /** Have a phone call a number (as its contacts list it). */
    public static Command call(String number) {
        return new Command(Capability.PHONE, Attributes.CALL, required(number, "A call needs a number"));
    }

    /** Have a phone send a text message. */
    public static Command message(String number, String text) {
        String body = required(text, "A message needs some text");
        if (body.length() > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("A message of " + body.length() + " characters is longer than "
                    + MAX_MESSAGE_LENGTH + "; say a shorter one");
        }
        return new Command(Capability.PHONE, Attributes.MESSAGE,
                Map.of("to", required(number, "A message needs a number to go to"), "text", body));
    }

    /** Ring a phone so its owner can find it. */
    public static Command ring() {
        return new Command(Capability.PHONE, Attributes.RINGING, true);
    }

    /** The longest text message {@link #message} accepts. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    private static String required(String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(problem);
        }
        return value.strip();
    }

    private static int percent(int value, String what) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(what + " " + value + " % is outside 0–100 %");
        }
        return value;
    }

    public Capability capability() {
        return capability;
    }

    public String attribute() {
        return attribute;
    }

    public Object value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && c.capability == capability && c.attribute.equals(attribute)
                && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(capability, attribute, value);
    }

    @Override
    public String toString() {
        return attribute + "=" + value;
    }
}
