package io.glint.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpec;

class AssistantServiceTest {

    /** Understands exactly one phrase. */
    private static Nlu nluFor(String phrase, Intent intent) {
        return new Nlu() {
            @Override
            public java.util.Set<String> intents() {
                return java.util.Set.of();
            }

            @Override
            public void register(String owner, SkillSpec spec) {
            }

            @Override
            public void unregister(String owner) {
            }

            @Override
            public Optional<Intent> parse(Utterance u, java.util.List<String> referents) {
                if (u.text().equals("explode")) {
                    throw new IllegalStateException("matcher bug");
                }
                return u.text().equals(phrase) ? Optional.of(intent) : Optional.empty();
            }
        };
    }

    private final Intent ping = Intent.builder("acme.ping").text("ping").build();
    private final AssistantService assistant = new AssistantService(nluFor("ping", ping),
            i -> new SkillCatalog.Dispatch(SkillResult.answer("pong").withCard(Card.of("Pong")), "acme/ping"),
            new Registry(java.time.Duration.ofSeconds(1)), java.time.Clock.systemUTC());

    @Test
    void an_understood_utterance_is_answered_by_its_skill() {
        Response r = assistant.handle(Utterance.of("ping"));
        assertEquals(ResponseStatus.QUERY_ANSWER, r.status());
        assertEquals("pong", r.speech());
        assertEquals("Pong", r.card().title());
        assertEquals("acme.ping", r.intent().name());
        assertEquals("acme/ping", r.skill());
    }

    @Test
    void what_no_skill_understands_is_declined_in_the_wearers_language() {
        Response en = assistant.handle(Utterance.of("what is the meaning of life"));
        assertEquals(ResponseStatus.NOT_UNDERSTOOD, en.status());
        assertTrue(en.speech().contains("no installed skill"), en.speech());
        Response zh = assistant.handle(Utterance.of("人生的意义是什么"));
        assertTrue(zh.speech().contains("没有已安装的技能"), zh.speech());
    }

    @Test
    void empty_and_overlong_utterances_are_declined_with_a_reason() {
        assertEquals(ResponseStatus.NOT_UNDERSTOOD, assistant.handle(Utterance.of("  ")).status());
        Response longOne = assistant.handle(Utterance.of("la ".repeat(400)));
        assertEquals(ResponseStatus.NOT_UNDERSTOOD, longOne.status());
        assertTrue(longOne.speech().contains("too long"), longOne.speech());
    }

    @Test
    void a_failure_inside_the_hub_is_an_answer_not_an_exception() {
        Response r = assistant.handle(Utterance.of("explode"));
        assertEquals(ResponseStatus.FAILED, r.status());
        assertEquals(FailureCode.SKILL_ERROR, r.code());
        assertTrue(r.speech().contains("nothing was changed"), r.speech());
    }
}
