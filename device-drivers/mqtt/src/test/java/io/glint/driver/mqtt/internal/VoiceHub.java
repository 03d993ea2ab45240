package io.glint.driver.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.Utterance;
import io.glint.core.internal.AssistantService;
import io.glint.core.internal.GrantTable;
import io.glint.core.internal.Registry;
import io.glint.core.internal.ScopedDevices;
import io.glint.core.internal.SkillCatalog;
import io.glint.core.internal.SkillHandle;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.SkillSpecs;
import io.glint.nlu.internal.NluService;
import io.glint.skill.lights.internal.LightsSkill;

/**
 * The hub's voice path wired by hand, as the framework wires it: understanding, the skill catalogue with its
 * executors and grants, the core's device registry and the lights skill, with the MQTT driver under test feeding
 * the registry. What a wearer says goes through exactly the code it goes through in the hub.
 */
final class VoiceHub implements AutoCloseable {
    final Registry registry = new Registry(Duration.ofSeconds(3));
    private final GrantTable grants = new GrantTable();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SkillCatalog catalog;
    private final Assistant assistant;
    private MqttDriver driver;

    VoiceHub() throws IOException {
        NluService nlu = new NluService(new ScopedDevices(registry, grants, -1, "the NLU"));
        catalog = new SkillCatalog(nlu, grants, scheduler, Duration.ofSeconds(3));
        assistant = new AssistantService(nlu, catalog, registry, Clock.systemUTC());
        SkillSpec lights;
        try (InputStream in = LightsSkill.class.getResourceAsStream("/glint/lights.json")) {
            lights = SkillSpecs.read(in, "lights.json");
        }
        catalog.arrived(new SkillHandle("io.glint.skill.lights/lights", "lights", 1,
                new LightsSkill(new ScopedDevices(registry, grants, 1, "The skill lights")), lights,
                Duration.ofSeconds(3)));
    }

    /** Starts the MQTT driver with these settings, reporting to this hub's registry. */
    MqttDriver connect(MqttDriver.Settings settings) {
        driver = new MqttDriver(registry, settings);
        registry.addDriver(driver);
        return driver;
    }

    Response say(String text) {
        return assistant.handle(Utterance.of(text));
    }

    @Override
    public void close() {
        catalog.clear();
        if (driver != null) {
            registry.removeDriver(driver);
            driver.close();
        }
        scheduler.shutdownNow();
    }
}
