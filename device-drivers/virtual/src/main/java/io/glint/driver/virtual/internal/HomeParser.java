package io.glint.driver.virtual.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a home file (JSON) into a {@link Home}. Syntax and shape errors come from Jackson and are reported with
 * the field's path and line; meaning errors (unknown room, duplicate id…) are found by {@link HomeChecker}.
 */
final class HomeParser {

    /** The home shipped inside the bundle, used when no home file is configured. */
    static final String DEFAULT_HOME = "glint/default-home.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // A typo in a field name must not silently drop the field.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Two "state" objects for one device is a mistake, not "the last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "aliases": "lamp" is what people write for a single alias.
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private final HomeChecker checker;

    /** @param driverId the driver id every parsed device carries */
    HomeParser(String driverId) {
        this.checker = new HomeChecker(driverId);
    }

    Home parseDefault() throws HomeFileException {
        String source = DEFAULT_HOME + " (inside the io.glint.driver.virtual bundle)";
        try (InputStream in = HomeParser.class.getClassLoader().getResourceAsStream(DEFAULT_HOME)) {
            if (in == null) {
                throw new HomeFileException(source, List.of("the resource is missing from the bundle;"
                        + " rebuild the bundle, or configure homeFile"));
            }
            return parse(source, in.readAllBytes());
        } catch (IOException e) {
            throw new HomeFileException(source, "cannot be read (" + e + ")", e);
        }
    }

    /** @param file a path as configured; relative paths are resolved against the working directory */
    Home parseFile(String file) throws HomeFileException {
        try {
            return parseFile(Path.of(file));
        } catch (InvalidPathException e) {
            throw new HomeFileException(file, "is not a valid path (" + e.getReason() + "); check the homeFile"
                    + " setting of " + VirtualDriver.PID, e);
        }
    }

    Home parseFile(Path file) throws HomeFileException {
        String source = file.toAbsolutePath().toString();
        try {
            return parse(source, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new HomeFileException(source, "does not exist; check the homeFile setting of "
                    + VirtualDriver.PID + ", or leave it empty to use the default home", e);
        } catch (IOException e) {
            throw new HomeFileException(source, "cannot be read (" + e + "); check that the file is readable", e);
        }
    }

    /** @param source how to name the file in error messages */
    Home parseJson(String source, String json) throws HomeFileException {
        return parse(source, json.getBytes(StandardCharsets.UTF_8));
    }

    private Home parse(String source, byte[] json) throws HomeFileException {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new HomeFileException(source, List.of("the file is empty; a home file looks like"
                    + " {\"rooms\": [...], \"devices\": [...]}"));
        }
        HomeJson home;
        try {
            home = MAPPER.readValue(json, HomeJson.class);
        } catch (JsonProcessingException e) {
            throw new HomeFileException(source, describe(e), e);
        } catch (IOException e) {
            throw new HomeFileException(source, "cannot be read (" + e + ")", e);
        }
        if (home == null) {
            throw new HomeFileException(source, List.of("the file holds null; a home file looks like"
                    + " {\"rooms\": [...], \"devices\": [...]}"));
        }
        return checker.check(source, home);
    }

    /** Jackson's message, but led by the field's path in the file (devices[3].state) and its line. */
    private static String describe(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field \"" + u.getPropertyName() + "\"; the fields here are " + u.getKnownPropertyIds();
        } else {
            what = e.getOriginalMessage();
        }
        JsonLocation at = e.getLocation();
        String line = at == null || at.getLineNr() < 0 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return (where.isEmpty() ? "" : where + ": ") + what + line;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
