package io.glint.driver.virtual.internal;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The colour arithmetic a simulated bulb needs: what it reports (CIE xy, hue and saturation, as Hue bulbs do) for
 * a colour, and the colour a zigbee2mqtt {@code color} command asks for ({@code hex}, {@code r/g/b}, {@code x/y}).
 */
final class Colours {
    /** Names a home file may use for a simulated bulb's colour; anything else is written #rrggbb. */
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("white", "#ffffff"),
            Map.entry("warm white", "#ffdfb0"), Map.entry("red", "#ff0000"), Map.entry("orange", "#ffa500"),
            Map.entry("yellow", "#ffff00"), Map.entry("green", "#008000"), Map.entry("lime", "#00ff00"),
            Map.entry("cyan", "#00ffff"), Map.entry("blue", "#0000ff"), Map.entry("purple", "#800080"),
            Map.entry("magenta", "#ff00ff"), Map.entry("pink", "#ffc0cb"), Map.entry("violet", "#ee82ee"));

    private Colours() {
    }

    /** #rrggbb for #rrggbb or one of the names above; null for anything else. */
    static String toHex(String colour) {
        String c = colour.trim().toLowerCase(Locale.ROOT);
        if (c.matches("#[0-9a-f]{6}")) {
            return c;
        }
        return NAMES.get(c);
    }

    /** sRGB (D65) to CIE 1931 xy, as a bulb told that colour reports it. */
    static double[] toXy(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = linear((rgb >> 16) & 0xff);
        double g = linear((rgb >> 8) & 0xff);
        double b = linear(rgb & 0xff);
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double sum = x + y + z;
        return sum == 0 ? new double[] {0.3127, 0.3290} : new double[] {x / sum, y / sum};
    }

    /** Hue (0–360°) and saturation (0–100 %) of a colour. */
    static double[] toHueSaturation(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = ((rgb >> 16) & 0xff) / 255.0;
        double g = ((rgb >> 8) & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double d = max - min;
        double h;
        if (d == 0) {
            h = 0;
        } else if (max == r) {
            h = 60 * (((g - b) / d) % 6);
        } else if (max == g) {
            h = 60 * ((b - r) / d + 2);
        } else {
            h = 60 * ((r - g) / d + 4);
        }
        return new double[] {h < 0 ? h + 360 : h, max == 0 ? 0 : d / max * 100};
    }

    /** The colour a {@code color} command asks for, as #rrggbb; null when it is not one. */
    static String fromSet(JsonNode v) {
        if (v.path("hex").isTextual()) {
            return toHex(v.path("hex").asText());
        }
        if (v.path("r").isNumber() && v.path("g").isNumber() && v.path("b").isNumber()) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", clamp(v.path("r").asInt()), clamp(v.path("g").asInt()),
                    clamp(v.path("b").asInt()));
        }
        if (v.path("x").isNumber() && v.path("y").isNumber()) {
            return fromXy(v.path("x").asDouble(), v.path("y").asDouble());
        }
        return null;
    }

    private static String fromXy(double x, double y) {
        if (!(x > 0 && x < 1 && y > 0 && y < 1)) {
            return null;
        }
        double bigX = x / y;
        double bigZ = (1 - x - y) / y;
        double r = Math.max(0, 3.2404542 * bigX - 1.5371385 - 0.4985314 * bigZ);
        double g = Math.max(0, -0.9692660 * bigX + 1.8760108 + 0.0415560 * bigZ);
        double b = Math.max(0, 0.0556434 * bigX - 0.2040259 + 1.0572252 * bigZ);
        double max = Math.max(r, Math.max(g, b));
        if (max <= 0) {
            return "#ffffff";
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(r / max), channel(g / max), channel(b / max));
    }

    private static int channel(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return clamp((int) Math.round(c * 255));
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
