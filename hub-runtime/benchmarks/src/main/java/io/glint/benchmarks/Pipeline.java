package io.glint.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Assistant;
import io.glint.core.internal.AssistantService;
import io.glint.core.internal.GrantTable;
import io.glint.core.internal.Registry;
import io.glint.core.internal.ScopedDevices;
import io.glint.core.internal.SkillCatalog;
import io.glint.core.internal.SkillHandle;
import io.glint.driver.virtual.internal.VirtualDriver;
import io.glint.driver.virtual.internal.VirtualDriverConfig;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.SkillSpecs;
import io.glint.api.nlu.SentenceEncoder;
import io.glint.nlu.internal.EmbeddingMatcher;
import io.glint.nlu.internal.NluService;
import io.glint.skill.lights.internal.LightsSkill;

/**
 * The hub's voice path wired by hand, without a framework: the same classes the bundles run (NLU, dispatcher
 * with per-skill executors, registry, grant-scoped devices, the virtual driver, the lights skill), so a
 * benchmark measures the product's code and nothing else.
 */
public final class Pipeline implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_COMMENTS);

    final Registry registry = new Registry(Duration.ofSeconds(2));
    final GrantTable grants = new GrantTable();
    final EmbeddingMatcher embeddings;
    private final io.glint.djl.internal.OrtRowDots rowDots;
    final NluService nlu;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final SkillCatalog catalog;
    final Assistant assistant;
    private final VirtualDriver driver;

    public Pipeline(int homeCopies, int extraSkills) throws Exception {
        this(homeCopies, extraSkills, List.of(), false);
    }

    /** With every first-party skill's definition installed, and the model matcher when encoders are given. */
    public Pipeline(List<SentenceEncoder> encoders) throws Exception {
        this(1, 0, encoders, true);
    }

    /**
     * @param homeCopies   how many copies of the default home the registry holds (1 = the default home)
     * @param extraSkills  how many more skills, each with as many templates as the lights skill, are installed
     */
    private Pipeline(int homeCopies, int extraSkills, List<SentenceEncoder> encoders, boolean allSkills)
            throws Exception {
        ScopedDevices nluDevices = new ScopedDevices(registry, grants, -1, "the NLU");
        if (encoders.isEmpty()) {
            embeddings = null;
            nlu = new NluService(nluDevices);
        } else {
            embeddings = new EmbeddingMatcher(java.util.Map.of(), true);
            nlu = new NluService(nluDevices, embeddings);
        }
        catalog = new SkillCatalog(nlu, grants, scheduler, Duration.ofSeconds(3));
        assistant = new AssistantService(nlu, catalog, registry, java.time.Clock.systemUTC());
        Path home = homeFile(homeCopies);
        driver = new VirtualDriver(registry, config(home.toString()));
        registry.addDriver(driver);
        String lightsJson = resource("/glint/lights.json");
        SkillSpec lights = SkillSpecs.read(stream(lightsJson), "lights.json");
        catalog.arrived(new SkillHandle("io.glint.skill.lights/lights", "lights", 1,
                new LightsSkill(new ScopedDevices(registry, grants, 1, "The skill lights")), lights,
                Duration.ofSeconds(3)));
        if (allSkills) {
            long bundle = 2;
            for (String skill : List.of("climate", "appliances", "media", "car", "phone", "clock", "memo")) {
                SkillSpec spec = SkillSpecs.read(stream(resource("/glint/" + skill + ".json")), skill + ".json");
                catalog.arrived(new SkillHandle("io.glint.skill." + skill + "/" + skill, skill, bundle++,
                        intent -> SkillResult.done("ok"), spec, Duration.ofSeconds(3)));
            }
        }
        if (embeddings != null) {
            rowDots = Encoders.rowDots(); // the native search the djl bundle registers next to its encoders
            embeddings.setRowDots(rowDots);
            encoders.forEach(embeddings::addEncoder);
        } else {
            rowDots = null;
        }
        for (int n = 0; n < extraSkills; n++) {
            SkillSpec spec = SkillSpecs.read(stream(lookalike(lightsJson, n)), "lookalike-" + n + ".json");
            catalog.arrived(new SkillHandle("acme" + n + "/skill", "acme" + n, 100 + n,
                    intent -> SkillResult.done("ok"), spec, Duration.ofSeconds(3)));
        }
        Files.deleteIfExists(home);
    }

    /**
     * Another skill shaped like the lights skill (same verbs, rooms and structure) but about other things,
     * so its templates compete for every utterance the way a real second skill's would.
     */
    static String lookalike(String lightsJson, int n) {
        String[] zh = {"扇", "箱", "屏", "柜", "炉", "窗", "锅", "表", "琴", "笔"};
        return lightsJson.replace("\"light.", "\"acme" + n + ".thing.").replace("light[s]", "gizmo" + n + "[s]")
                .replace("light up", "gizmo" + n + " up").replace("灯", zh[n % zh.length])
                .replace("device:light", "device:other");
    }

    private static Path homeFile(int copies) throws IOException {
        ObjectNode home = (ObjectNode) JSON.readTree(resource("/glint/default-home.json"));
        if (copies > 1) {
            ArrayNode rooms = (ArrayNode) home.get("rooms");
            ArrayNode devices = (ArrayNode) home.get("devices");
            ArrayNode baseRooms = rooms.deepCopy();
            ArrayNode baseDevices = devices.deepCopy();
            for (int copy = 2; copy <= copies; copy++) {
                final int c = copy;
                for (var r : baseRooms) {
                    ObjectNode room = ((ObjectNode) r).deepCopy();
                    room.put("id", room.get("id").asText() + "_" + c);
                    room.put("name", room.get("name").asText() + " " + c);
                    ArrayNode aliases = JSON.createArrayNode();
                    room.withArray("aliases").forEach(a -> aliases.add(a.asText() + c));
                    room.set("aliases", aliases);
                    rooms.add(room);
                }
                for (var d : baseDevices) {
                    ObjectNode device = ((ObjectNode) d).deepCopy();
                    device.put("id", device.get("id").asText() + "_" + c);
                    device.put("name", device.get("name").asText() + " " + c);
                    ArrayNode aliases = JSON.createArrayNode();
                    if (device.has("aliases")) {
                        device.get("aliases").forEach(a -> aliases.add(a.asText() + c));
                    }
                    device.set("aliases", aliases);
                    if (device.has("room")) {
                        device.put("room", device.get("room").asText() + "_" + c);
                    }
                    devices.add(device);
                }
            }
        }
        Path file = Files.createTempFile("glint-bench-home", ".json");
        JSON.writeValue(file.toFile(), home);
        return file;
    }

    static String resource(String path) throws IOException {
        try (InputStream in = Pipeline.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static InputStream stream(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static VirtualDriverConfig config(String homeFile) {
        return new VirtualDriverConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return VirtualDriverConfig.class;
            }

            @Override
            public String homeFile() {
                return homeFile;
            }

            @Override
            public String driverId() {
                return "virtual";
            }

            @Override
            public String transport() {
                return "memory";
            }
        };
    }

    int devices() {
        return registry.all().size();
    }

    List<String> rooms() {
        return registry.rooms().stream().map(r -> r.id()).toList();
    }

    /** The native row search the model matcher uses, or null without encoders. */
    io.glint.djl.internal.OrtRowDots rowDots() {
        return rowDots;
    }

    @Override
    public void close() {
        catalog.clear();
        scheduler.shutdownNow();
        if (embeddings != null) {
            embeddings.close();
            rowDots.close();
        }
    }
}
