package io.glint.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.glint.api.device.Attributes;
import io.glint.api.device.Devices;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

/** The hub's real bundles in Felix, spoken to as the glasses would. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HubTest {

    @Inject
    BundleContext context;

    @Inject
    Assistant assistant;

    /** Read-only here: the test bundle has no grants, and reading is all it needs. */
    @Inject
    Devices devices;

    @Configuration
    public Option[] config() {
        return GlintHub.hub();
    }

    @Test
    public void the_hub_boots_and_turns_on_the_kitchen_light() {
        assertNotNull("no Assistant service", assistant);
        assertEquals(Boolean.FALSE, on("kitchen.light"));

        assertDone(say("turn on the kitchen light"));
        assertEquals(Boolean.TRUE, on("kitchen.light"));

        assertDone(say("turn on the living room light"));
        assertEquals(Boolean.TRUE, on("living_room.light"));
        assertDone(say("把客厅的灯关掉"));
        assertEquals(Boolean.FALSE, on("living_room.light"));

        Response nonsense = say("flibbertigibbet wobble zorp");
        assertEquals(Wait.describe(nonsense), ResponseStatus.NOT_UNDERSTOOD, nonsense.status());
        assertNull(nonsense.skill());
        assertEquals(Boolean.TRUE, on("kitchen.light"));
    }

    @Test
    public void a_skill_that_throws_or_hangs_leaves_the_hub_serving() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Skill faulty = intent -> switch (intent.name()) {
            case "itest.explode" -> throw new IllegalStateException("the test skill fails on purpose");
            case "itest.stall" -> {
                never.await(30, TimeUnit.SECONDS); // far past its budget; released in finally below
                yield SkillResult.done("Too late.");
            }
            default -> SkillResult.done("Unexpected.");
        };
        Dictionary<String, Object> props = new Hashtable<>();
        // The hub reads the definition from the registering bundle: this test probe carries it.
        props.put(Skill.DEFINITION_PROPERTY, "glint/faulty-skill.json");
        props.put(Skill.BUDGET_PROPERTY, 300);
        ServiceRegistration<Skill> registration = context.registerService(Skill.class, faulty, props);
        try {
            Response thrown = Wait.until(assistant, "blow up the test skill",
                    r -> r.status() != ResponseStatus.NOT_UNDERSTOOD, Duration.ofSeconds(5));
            assertEquals(Wait.describe(thrown), ResponseStatus.FAILED, thrown.status());
            assertEquals(FailureCode.SKILL_ERROR, thrown.code());

            long start = System.nanoTime();
            Response hung = say("stall the test skill");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Wait.describe(hung), ResponseStatus.FAILED, hung.status());
            assertEquals(FailureCode.SKILL_TIMEOUT, hung.code());
            assertTrue("the 300 ms budget was not applied: the answer took " + ms + " ms", ms >= 250 && ms < 2000);

            assertDone(say("turn on the kitchen light"));
            assertEquals(Boolean.TRUE, on("kitchen.light"));
            Response again = say("blow up the test skill");
            assertEquals(FailureCode.SKILL_ERROR, again.code());
        } finally {
            never.countDown();
            registration.unregister();
        }
    }

    private Response say(String text) {
        return assistant.handle(Utterance.of(text));
    }

    private Object on(String deviceId) {
        return devices.get(deviceId).orElseThrow(() -> new AssertionError("no device " + deviceId))
                .state(Attributes.ON);
    }

    private static void assertDone(Response r) {
        assertEquals(Wait.describe(r), ResponseStatus.DONE, r.status());
    }
}
