package io.glint.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.device.Capability;
import io.glint.nlu.internal.SlotTypes;
import io.glint.nlu.internal.Template;
import io.glint.nlu.internal.TemplateSyntaxException;

/**
 * Reads a skill definition file (JSON). Every mistake is reported with the file, the intent and the field, so a
 * skill author can fix it without reading hub code:
 *
 * <pre>
 * {
 *   "grants": ["ON_OFF", "BRIGHTNESS"],
 *   "intents": [{
 *     "name": "light.turn_on",
 *     "slots": {"room": "room", "device": "device:light"},
 *     "en": {"templates": ["turn on [the] {room} light[s]", {"template": "turn on all [the] lights", "set": {"all": "true"}}],
 *            "examples": ["lights on in the study please"],
 *            "samples": {"what": ["some jazz"]},   // values of free-text slots, to learn from the templates
 *            "excludes": ["email"]},                // words that mean another request
 *     "zh": {"templates": ["打开{room}的灯"], "examples": ["把书房的灯开一下"]}
 *   }]
 * }
 * </pre>
 */
public final class SkillSpecs {
    public static final Set<String> LANGUAGES = Set.of("en", "zh");
    private static final Pattern INTENT_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

    private SkillSpecs() {
    }

    /** Reads and validates a definition; {@code source} names it in error messages. */
    public static SkillSpec read(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidSkillSpecException(source + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new InvalidSkillSpecException(source + " could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSkillSpecException(source + " must contain a JSON object with \"intents\"");
        }
        Set<Capability> grants = readGrants(root.path("grants"), source);
        JsonNode intentsNode = root.path("intents");
        if (!intentsNode.isArray() || intentsNode.isEmpty()) {
            throw new InvalidSkillSpecException(source + ": \"intents\" must be a non-empty array of intents");
        }
        List<IntentSpec> intents = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode node : intentsNode) {
            IntentSpec intent = readIntent(node, source);
            if (!seen.add(intent.name())) {
                throw new InvalidSkillSpecException(source + ": intent " + intent.name() + " is declared twice");
            }
            intents.add(intent);
        }
        return new SkillSpec(grants, intents);
    }

    private static Set<Capability> readGrants(JsonNode node, String source) {
        Set<Capability> grants = EnumSet.noneOf(Capability.class);
        if (node.isMissingNode()) {
            return grants;
        }
        if (!node.isArray()) {
            throw new InvalidSkillSpecException(source + ": \"grants\" must be an array of capability names, e.g. "
                    + "[\"ON_OFF\"]");
        }
        for (JsonNode g : node) {
            try {
                grants.add(Capability.valueOf(g.asText().trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidSkillSpecException(source + ": unknown capability \"" + g.asText()
                        + "\" in grants; valid ones are " + java.util.Arrays.toString(Capability.values()));
            }
        }
        return grants;
    }

    private static IntentSpec readIntent(JsonNode node, String source) {
        String name = node.path("name").asText("");
        if (!INTENT_NAME.matcher(name).matches()) {
            throw new InvalidSkillSpecException(source + ": intent name \"" + name
                    + "\" is not valid; use the catalogue's names (light.turn_on) or your own prefix (acme.garden.water)");
        }
        String where = source + ", intent " + name;
        Map<String, String> slots = new LinkedHashMap<>();
        JsonNode slotsNode = node.path("slots");
        if (!slotsNode.isMissingNode()) {
            if (!slotsNode.isObject()) {
                throw new InvalidSkillSpecException(where + ": \"slots\" must be an object of slot name to type");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = slotsNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!SLOT_NAME.matcher(e.getKey()).matches()) {
                    throw new InvalidSkillSpecException(where + ": slot name \"" + e.getKey()
                            + "\" must be lower-case letters, digits and _");
                }
                String type = e.getValue().asText("");
                String problem = SlotTypes.check(type);
                if (problem != null) {
                    throw new InvalidSkillSpecException(where + ": slot " + e.getKey() + " " + problem);
                }
                slots.put(e.getKey(), type);
            }
        }
        Map<String, LanguageSpec> languages = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (field.equals("name") || field.equals("slots") || field.equals("description")) {
                continue;
            }
            if (!LANGUAGES.contains(field)) {
                throw new InvalidSkillSpecException(where + ": unknown field \"" + field + "\"; expected name, slots, "
                        + "description or a language " + LANGUAGES);
            }
            languages.put(field, readLanguage(node.get(field), where + " [" + field + "]", slots));
        }
        if (languages.isEmpty()) {
            throw new InvalidSkillSpecException(where + " has no templates: add \"en\" and/or \"zh\" with templates");
        }
        return new IntentSpec(name, slots, languages);
    }

    private static LanguageSpec readLanguage(JsonNode node, String where, Map<String, String> slots) {
        if (!node.isObject()) {
            throw new InvalidSkillSpecException(where + " must be an object with \"templates\" and \"examples\"");
        }
        List<TemplateSpec> templates = new ArrayList<>();
        for (JsonNode t : node.path("templates")) {
            TemplateSpec spec;
            if (t.isTextual()) {
                spec = TemplateSpec.of(t.asText());
            } else if (t.isObject() && t.path("template").isTextual()) {
                Map<String, String> fixed = new LinkedHashMap<>();
                t.path("set").fields().forEachRemaining(e -> fixed.put(e.getKey(), e.getValue().asText()));
                for (String slot : fixed.keySet()) {
                    if (!slots.containsKey(slot)) {
                        throw new InvalidSkillSpecException(where + ": template \"" + t.path("template").asText()
                                + "\" sets slot " + slot + ", which the intent does not declare in \"slots\"");
                    }
                }
                spec = new TemplateSpec(t.path("template").asText(), fixed);
            } else {
                throw new InvalidSkillSpecException(where + ": a template is a string or {\"template\": …, \"set\": {…}}, "
                        + "not " + t);
            }
            try {
                Template.compile(spec.text(), slots);
            } catch (TemplateSyntaxException e) {
                throw new InvalidSkillSpecException(where + ": " + e.getMessage());
            }
            templates.add(spec);
        }
        List<String> examples = new ArrayList<>();
        for (JsonNode e : node.path("examples")) {
            examples.add(e.asText());
        }
        if (templates.isEmpty()) {
            throw new InvalidSkillSpecException(where + " has no templates");
        }
        List<String> excludes = new ArrayList<>();
        for (JsonNode e : node.path("excludes")) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new InvalidSkillSpecException(where + ": \"excludes\" lists words, not " + e);
            }
            excludes.add(e.asText().strip().toLowerCase(java.util.Locale.ROOT));
        }
        return new LanguageSpec(templates, examples, readSamples(node.path("samples"), where, slots), excludes);
    }

    private static Map<String, List<String>> readSamples(JsonNode node, String where,
            Map<String, String> slots) {
        if (node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidSkillSpecException(where + ": \"samples\" is an object of slot name → list of values "
                    + "people say for it, not " + node);
        }
        Map<String, List<String>> samples = new LinkedHashMap<>();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = slots.get(e.getKey());
            if (type == null || !io.glint.nlu.internal.SlotTypes.isFreeText(type)) {
                throw new InvalidSkillSpecException(where + ": samples for slot " + e.getKey() + ", which "
                        + (type == null ? "the intent does not declare in \"slots\"" : "has type " + type
                        + " (the hub knows its values; samples are for free-text slots)"));
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue()) {
                if (!v.isTextual() || v.asText().isBlank()) {
                    throw new InvalidSkillSpecException(where + ": samples for " + e.getKey()
                            + " are words people say, not " + v);
                }
                values.add(v.asText());
            }
            if (values.isEmpty()) {
                throw new InvalidSkillSpecException(where + ": samples for " + e.getKey()
                        + " is an empty list; give a few values or leave it out");
            }
            samples.put(e.getKey(), values);
        }
        return samples;
    }
}
