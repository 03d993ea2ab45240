package io.glint.skill.car.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The places the wearer can drive to by name, from the skill's configuration:
 * <pre>
 * place.work = 48.1500, 11.5600
 * place.work.names = office, 公司, 单位
 * </pre>
 * {@code place.home} is also where "where is my car" measures from ({@code home.latitude} / {@code home.longitude}
 * give home too). A place whose position cannot be read is left out and said when the wearer asks for an unknown
 * place, so a typing mistake in the file is found where it matters.
 */
final class Places {
    static final String PREFIX = "place.";
    static final String NAMES = ".names";
    static final String HOME = "home";

    record Place(String key, double latitude, double longitude, List<String> names) {
        /** How to say it: its key in English, its first name in Chinese characters in Chinese. */
        String say(String lang) {
            if ("zh".equals(lang)) {
                return names.stream().filter(Places::chinese).findFirst().orElse(key);
            }
            return key.replace('_', ' ');
        }
    }

    private final Map<String, Place> places;
    private final List<String> problems;

    private Places(Map<String, Place> places, List<String> problems) {
        this.places = places;
        this.problems = problems;
    }

    static Places none() {
        return new Places(Map.of(), List.of());
    }

    static Places from(Map<String, Object> properties) {
        Map<String, Place> places = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(properties).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX) || key.endsWith(NAMES)) {
                continue;
            }
            String name = key.substring(PREFIX.length()).trim().toLowerCase(Locale.ROOT);
            double[] at = position(String.valueOf(e.getValue()));
            if (name.isEmpty() || at == null) {
                problems.add(key + " = " + e.getValue() + " is not \"latitude, longitude\" in degrees");
                continue;
            }
            places.put(name, new Place(name, at[0], at[1], names(properties.get(key + NAMES))));
        }
        if (!places.containsKey(HOME)) {
            Double lat = CarSkill.number(properties.get("home.latitude"));
            Double lon = CarSkill.number(properties.get("home.longitude"));
            if (lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                places.put(HOME, new Place(HOME, lat, lon, List.of()));
            }
        }
        return new Places(places, problems);
    }

    /** "48.1372, 11.5755" as degrees, or null. */
    static double[] position(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            return null;
        }
        try {
            double lat = Double.parseDouble(parts[0].trim());
            double lon = Double.parseDouble(parts[1].trim());
            return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? new double[] {lat, lon} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> names(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Iterable<?> items = value instanceof String[] a ? List.of(a) : value instanceof Iterable<?> i ? i
                : List.of(String.valueOf(value).split(","));
        for (Object item : items) {
            for (String n : String.valueOf(item).split(",")) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
        }
        return names;
    }

    Optional<Place> home() {
        return Optional.ofNullable(places.get(HOME));
    }

    /** The place the words name ("the airport", "my office", "机场", "回家"), if one is configured. */
    Optional<Place> find(String words) {
        String w = normal(words);
        Optional<Place> exact = named(w);
        // "回家": going back to a place
        return exact.isPresent() || !w.startsWith("回") ? exact : named(w.substring(1));
    }

    private Optional<Place> named(String w) {
        if (w.isEmpty()) {
            return Optional.empty();
        }
        for (Place p : places.values()) {
            if (normal(p.key().replace('_', ' ')).equals(w) || p.names().stream().anyMatch(n -> normal(n).equals(w))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    List<Place> all() {
        return List.copyOf(places.values());
    }

    List<String> problems() {
        return problems;
    }

    private static String normal(String words) {
        String w = words == null ? "" : words.toLowerCase(Locale.ROOT).strip().replaceAll("[.!?。！？]+$", "");
        w = w.replaceFirst("^(the|my|our)\\s+", "");
        w = w.replaceFirst("^(我的|我们的)", "");
        return w.strip();
    }

    static boolean chinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
