package io.glint.djl.internal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the bundle's {@code Glint-Resource-Digests} header, written by bnd's {@code ${sha1;path}} macro at build
 * time: {@code path;sha1="base64", …} (hex is accepted too).
 */
final class ResourceDigests {
    static final String HEADER = "Glint-Resource-Digests";

    private ResourceDigests() {
    }

    /** Resource path to lower-case hex SHA-1; empty for a missing header. */
    static Map<String, String> parse(String header) {
        Map<String, String> digests = new LinkedHashMap<>();
        if (header == null) {
            return digests;
        }
        for (String clause : header.split(",")) {
            String[] parts = clause.trim().split(";");
            if (parts.length < 2 || parts[0].isBlank()) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim();
                if (attribute.startsWith("sha1=")) {
                    String value = attribute.substring("sha1=".length()).replace("\"", "").trim();
                    hex(value).ifPresent(hex -> digests.put(parts[0].trim(), hex));
                }
            }
        }
        return digests;
    }

    private static Optional<String> hex(String value) {
        if (value.matches("[0-9a-fA-F]{40}")) {
            return Optional.of(value.toLowerCase(Locale.ROOT));
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            return bytes.length == 20 ? Optional.of(HexFormat.of().formatHex(bytes)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
