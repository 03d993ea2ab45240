package io.glint.driver.phone.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.device.Attributes;
import io.glint.driver.phone.simulator.PhoneTopics;

/**
 * Reads what a phone's app publishes. Every reader either returns what it understood or throws
 * {@link IllegalArgumentException} saying what is wrong, in words an app developer can act on; none of them puts a
 * contact's name or number in that text, as it ends up in the hub's log.
 */
final class Payloads {
    static final ObjectMapper JSON = new ObjectMapper();
    /** More contacts than this are cut (the rest ignored, a warning logged). */
    static final int MAX_CONTACTS = 5000;
    static final int MAX_ALIASES = 10;
    /** Extra state keys the phone reports besides the SDK's attributes. */
    static final String CHARGING = "charging";
    static final String IN_CALL = "in_call";

    private Payloads() {
    }

    record Status(boolean online, int protocol, String app) {
    }

    record Result(String id, boolean ok, String error, String message) {
    }

    record Contacts(List<Map<String, Object>> contacts, int skipped) {
    }

    private static JsonNode object(byte[] payload, String what) {
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + firstLine(e.getMessage()));
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object {…}");
        }
        return json;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static Status status(byte[] payload) {
        JsonNode json = object(payload, "The status message");
        JsonNode online = json.get("online");
        if (online == null || !online.isBoolean()) {
            throw new IllegalArgumentException("The status message needs \"online\": true or false");
        }
        JsonNode protocol = json.get("protocol");
        if (protocol != null && !protocol.canConvertToInt()) {
            throw new IllegalArgumentException("The status message's \"protocol\" must be a whole number, e.g. 1");
        }
        JsonNode app = json.get("app");
        return new Status(online.booleanValue(), protocol == null ? PhoneTopics.PROTOCOL : protocol.intValue(),
                app == null || app.isNull() ? null : app.asText());
    }

    /**
     * The device state a state message gives: battery (0–100), charging, ringing, in_call and call (the number in
     * the call, "" when none). Fields of the wrong type are left out and named in {@code problems}.
     */
    static Map<String, Object> state(byte[] payload, List<String> problems) {
        JsonNode json = object(payload, "The state message");
        Map<String, Object> state = new LinkedHashMap<>();
        JsonNode battery = json.get("battery");
        if (battery != null) {
            if (battery.isNumber() && battery.doubleValue() >= 0 && battery.doubleValue() <= 100) {
                state.put(Attributes.BATTERY, (int) Math.round(battery.doubleValue()));
            } else {
                problems.add("\"battery\" must be a number 0–100");
            }
        }
        bool(json, "charging", CHARGING, state, problems);
        bool(json, "ringing", Attributes.RINGING, state, problems);
        bool(json, "in_call", IN_CALL, state, problems);
        if (state.containsKey(IN_CALL)) {
            JsonNode number = json.get("call_number");
            state.put(Attributes.CALL, Boolean.TRUE.equals(state.get(IN_CALL)) && number != null && number.isTextual()
                    ? number.asText() : "");
        }
        return state;
    }

    private static void bool(JsonNode json, String field, String attribute, Map<String, Object> state,
            List<String> problems) {
        JsonNode v = json.get(field);
        if (v == null) {
            return;
        }
        if (v.isBoolean()) {
            state.put(attribute, v.booleanValue());
        } else {
            problems.add("\"" + field + "\" must be true or false");
        }
    }

    /**
     * The contacts, as the SDK's {@link Attributes#CONTACTS}: maps name, number, aliases. An empty payload means
     * the app withdrew them (an empty list). Entries without a name or a number are skipped and counted.
     */
    static Contacts contacts(byte[] payload) {
        if (payload.length == 0) {
            return new Contacts(List.of(), 0);
        }
        JsonNode json = object(payload, "The contacts message");
        JsonNode list = json.get("contacts");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("The contacts message needs \"contacts\": [ {\"name\":…, \"number\":…}, … ]");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        int skipped = 0;
        for (JsonNode c : list) {
            JsonNode name = c.get("name");
            JsonNode number = c.get("number");
            if (out.size() >= MAX_CONTACTS || name == null || !name.isTextual() || name.asText().isBlank()
                    || number == null || !number.isTextual() || number.asText().isBlank()) {
                skipped++;
                continue;
            }
            List<String> aliases = new ArrayList<>();
            JsonNode a = c.get("aliases");
            if (a != null && a.isArray()) {
                for (JsonNode alias : a) {
                    if (alias.isTextual() && !alias.asText().isBlank() && aliases.size() < MAX_ALIASES) {
                        aliases.add(alias.asText().strip());
                    }
                }
            }
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", name.asText().strip());
            contact.put("number", number.asText().strip());
            contact.put("aliases", List.copyOf(aliases));
            out.add(Map.copyOf(contact));
        }
        return new Contacts(List.copyOf(out), skipped);
    }

    /** A result; throws when it has no usable id, or when it has one but says nothing readable about it. */
    static Result result(byte[] payload) {
        JsonNode json = object(payload, "A result");
        JsonNode id = json.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new IllegalArgumentException("A result needs the \"id\" of the command it answers");
        }
        JsonNode ok = json.get("ok");
        if (ok == null || !ok.isBoolean()) {
            return new Result(id.asText(), false, PhoneTopics.ERROR_INVALID_REQUEST,
                    "the app's answer has no \"ok\": true or false");
        }
        JsonNode error = json.get("error");
        JsonNode message = json.get("message");
        return new Result(id.asText(), ok.booleanValue(),
                ok.booleanValue() ? null : error == null || !error.isTextual() ? PhoneTopics.ERROR_FAILED : error.asText(),
                message == null || message.isNull() ? null : message.asText());
    }

    static byte[] command(String id, String action, Map<String, Object> fields, long expires) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", PhoneTopics.PROTOCOL);
        json.put("id", id);
        json.put("action", action);
        json.putAll(fields);
        json.put("expires", expires);
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
