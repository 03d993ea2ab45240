package io.glint.skill.examples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.skill.Status;

/** A skill is plain Java: test it by handing it intents. */
class GreeterSkillTest {

    @Test
    void greets_the_named_guest() {
        Intent intent = Intent.builder("example.greet").slot(Slot.of("name", "text", "Ada", "Ada")).build();
        var result = new GreeterSkill().handle(intent);
        assertEquals(Status.DONE, result.status());
        assertEquals("Hello, Ada!", result.speech());
    }

    @Test
    void greets_in_chinese_when_spoken_to_in_chinese() {
        var result = new GreeterSkill().handle(Intent.builder("example.greet").lang("zh").build());
        assertEquals("Hello，你！", result.speech());
    }
}
