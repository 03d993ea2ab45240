package io.glint.driver.mqtt.internal.z2m;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Glint colours (CSS names or #rrggbb) to the hex zigbee2mqtt accepts, and the xy / hue-saturation a bulb reports
 * back to #rrggbb. Brightness is a separate attribute, so reported colours are normalised to full value.
 */
final class Colors {
    // CSS Color Module Level 4 named colours.
    private static final String CSS = "aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 "
            + "azure:f0ffff beige:f5f5dc bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff "
            + "blueviolet:8a2be2 brown:a52a2a burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 "
            + "chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff "
            + "darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 "
            + "darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 "
            + "darkorchid:9932cc darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b "
            + "darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 "
            + "deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 "
            + "floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff "
            + "gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 "
            + "honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c "
            + "lavender:e6e6fa lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 "
            + "lightcoral:f08080 lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 "
            + "lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa "
            + "lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 lightsteelblue:b0c4de "
            + "lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000 "
            + "mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db "
            + "mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc "
            + "mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 "
            + "navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 "
            + "orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee "
            + "palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd "
            + "powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f "
            + "royalblue:4169e1 saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 "
            + "seashell:fff5ee sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 "
            + "slategrey:708090 snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 "
            + "thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff "
            + "whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32";
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String pair : CSS.split(" ")) {
            int colon = pair.indexOf(':');
            NAMES.put(pair.substring(0, colon), "#" + pair.substring(colon + 1));
        }
    }

    private Colors() {
    }

    /** #rrggbb (lower case) for a CSS colour name or #rrggbb, or null when it is neither. */
    static String toHex(String color) {
        String key = color.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (key.matches("#[0-9a-f]{6}")) {
            return key;
        }
        return NAMES.get(key);
    }

    /** CIE 1931 xy (as Hue and zigbee2mqtt report it) to #rrggbb at full value, via sRGB with D65 white. */
    static String fromXy(double x, double y) {
        if (!(x > 0 && x < 1 && y > 0 && y < 1)) {
            throw new IllegalArgumentException("x and y must be between 0 and 1, not " + x + ", " + y);
        }
        double bigY = 1.0;
        double bigX = bigY / y * x;
        double bigZ = bigY / y * (1 - x - y);
        double r = 3.2404542 * bigX - 1.5371385 * bigY - 0.4985314 * bigZ;
        double g = -0.9692660 * bigX + 1.8760108 * bigY + 0.0415560 * bigZ;
        double b = 0.0556434 * bigX - 0.2040259 * bigY + 1.0572252 * bigZ;
        return fromLinear(r, g, b);
    }

    /** #rrggbb to CIE xy: the inverse of {@link #fromXy}, what a bulb told that hex would report. */
    static double[] toXy(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = linear((rgb >> 16) & 0xff);
        double g = linear((rgb >> 8) & 0xff);
        double b = linear(rgb & 0xff);
        double bigX = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double bigY = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double bigZ = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double sum = bigX + bigY + bigZ;
        return sum == 0 ? new double[] {0.3127, 0.3290} : new double[] {bigX / sum, bigY / sum};
    }

    /** Hue (0–360°) and saturation (0–100 %) to #rrggbb at full value. */
    static String fromHueSaturation(double hue, double saturation) {
        if (!(hue >= 0 && hue <= 360 && saturation >= 0 && saturation <= 100)) {
            throw new IllegalArgumentException("hue must be 0–360 and saturation 0–100, not " + hue + ", "
                    + saturation);
        }
        double s = saturation / 100;
        double h = (hue % 360) / 60;
        double c = s;
        double xc = c * (1 - Math.abs(h % 2 - 1));
        double m = 1 - c;
        double[] rgb = switch ((int) h) {
            case 0 -> new double[] {c, xc, 0};
            case 1 -> new double[] {xc, c, 0};
            case 2 -> new double[] {0, c, xc};
            case 3 -> new double[] {0, xc, c};
            case 4 -> new double[] {xc, 0, c};
            default -> new double[] {c, 0, xc};
        };
        return hex(rgb[0] + m, rgb[1] + m, rgb[2] + m);
    }

    private static String fromLinear(double r, double g, double b) {
        // Outside the sRGB gamut: clip negatives, then scale so the brightest channel is full.
        r = Math.max(0, r);
        g = Math.max(0, g);
        b = Math.max(0, b);
        double max = Math.max(r, Math.max(g, b));
        if (max <= 0) {
            return "#ffffff";
        }
        return hex(gamma(r / max), gamma(g / max), gamma(b / max));
    }

    private static double gamma(double c) {
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String hex(double r, double g, double b) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(r), channel(g), channel(b));
    }

    private static int channel(double c) {
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }
}
