package io.glint.skill.examples.greeter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;

import io.glint.api.skill.Card;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillDefinition;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;

/**
 * The whole of a skill: an annotated class and its definition file ({@code glint/greeter.json}). The greeting
 * word comes from a resource so that a new version of the jar can say something else without a code change.
 */
@Component
@SkillDefinition("glint/greeter.json")
public class GreeterSkill implements Skill {
    private final String greeting = greeting();

    @Override
    public SkillResult handle(Intent intent) {
        String who = intent.slot("name").map(Slot::raw).orElse("zh".equals(intent.lang()) ? "你" : "there");
        String speech = "zh".equals(intent.lang()) ? greeting + "，" + who + "！" : greeting + ", " + who + "!";
        return SkillResult.done(speech).withCard(Card.of(greeting));
    }

    private static String greeting() {
        try (InputStream in = GreeterSkill.class.getResourceAsStream("/glint/greeting.txt")) {
            return in == null ? "Hello" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "Hello";
        }
    }
}
