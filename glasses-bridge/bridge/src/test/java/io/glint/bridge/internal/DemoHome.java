package io.glint.bridge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Assistant;
import io.glint.core.internal.AssistantService;
import io.glint.core.internal.Registry;
import io.glint.core.internal.SkillCatalog;
import io.glint.skill.lights.internal.LightsSkill;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/**
 * The hub's real conversation (per-wearer context, "it", follow-ups) and understanding, with the lights skill, on
 * the demo home held in memory: what the bridge tests talk to.
 */
final class DemoHome {
    final MemoryHome home;
    final Assistant assistant;
    /** The wearers whose utterances reached the assistant, in order. */
    final List<String> wearers = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The utterances that reached the assistant, in order. */
    final List<io.glint.api.voice.Utterance> heard = java.util.Collections.synchronizedList(new ArrayList<>());

    DemoHome() {
        try (InputStream in = DemoHome.class.getClassLoader().getResourceAsStream("glint/default-home.json")) {
            home = MemoryHome.read(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SkillTester tester = new SkillTester(home, "glint/lights.json");
        LightsSkill lights = new LightsSkill(home);
        AssistantService real = new AssistantService(tester.nlu(), intent -> {
            try {
                return new SkillCatalog.Dispatch(lights.handle(intent), "io.glint.skill.lights/lights");
            } catch (Exception e) {
                return new SkillCatalog.Dispatch(SkillResult.failed(io.glint.api.skill.FailureCode.SKILL_ERROR,
                        e.getMessage()), "io.glint.skill.lights/lights");
            }
        }, new Registry(Duration.ofSeconds(1)), Clock.systemUTC());
        assistant = new Assistant() {
            @Override
            public io.glint.api.voice.Response handle(io.glint.api.voice.Utterance u) {
                wearers.add(u.wearer());
                heard.add(u);
                return real.handle(u);
            }

            @Override
            public java.util.Optional<io.glint.api.skill.Intent> understand(io.glint.api.voice.Utterance u) {
                return real.understand(u);
            }

            @Override
            public java.util.Set<String> intents() {
                return real.intents();
            }
        };
    }
}
