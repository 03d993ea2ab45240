package io.glint.nlu.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Colour words in English and Chinese, normalised to CSS colour names (or #rrggbb as given). */
public final class Colors {
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String css : new String[] {"red", "green", "blue", "yellow", "orange", "purple", "pink", "white",
                "cyan", "magenta", "violet", "indigo", "turquoise", "teal", "gold", "lime", "crimson", "coral",
                "salmon", "lavender", "navy"}) {
            NAMES.put(css, css);
        }
        NAMES.put("amber", "orange");
        NAMES.put("light blue", "lightblue");
        NAMES.put("sky blue", "skyblue");
        NAMES.put("dark blue", "darkblue");
        NAMES.put("light green", "lightgreen");
        NAMES.put("dark green", "darkgreen");
        NAMES.put("hot pink", "hotpink");
        NAMES.put("light pink", "lightpink");
        NAMES.put("deep purple", "rebeccapurple");
        String[][] zh = {{"红", "red"}, {"绿", "green"}, {"蓝", "blue"}, {"黄", "yellow"}, {"橙", "orange"},
                {"橘", "orange"}, {"紫", "purple"}, {"粉", "pink"}, {"粉红", "pink"}, {"白", "white"},
                {"青", "cyan"}, {"金", "gold"}, {"浅蓝", "lightblue"}, {"天蓝", "skyblue"}, {"深蓝", "darkblue"},
                {"浅绿", "lightgreen"}, {"深绿", "darkgreen"}, {"玫红", "magenta"}};
        for (String[] pair : zh) {
            NAMES.put(Text.key(pair[0]), pair[1]);
            NAMES.put(Text.key(pair[0] + "色"), pair[1]);
        }
    }

    private Colors() {
    }

    /** The CSS colour for a phrase (as a token key), or null. */
    public static String lookup(String key) {
        if (HEX.matcher(key).matches()) {
            return key;
        }
        return NAMES.get(key);
    }
}
