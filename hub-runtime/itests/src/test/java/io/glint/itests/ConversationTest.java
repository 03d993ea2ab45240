package io.glint.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.glint.api.device.Attributes;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Devices;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

/**
 * The hub holding a conversation with each wearer, in the default home: what "it" and "and the hallway too" refer
 * to, which lamp was meant, and unlocking only on the wearer's own "yes".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ConversationTest {
    static final String ALICE = "glasses-a";
    static final String BOB = "glasses-b";
    static final String FRONT_DOOR = "hallway.front_door_lock";
    static final String ASSISTANT_PID = "io.glint.core.assistant";
    static final String REGISTRY_PID = "io.glint.core.registry";
    static final String VIRTUAL_PID = "io.glint.driver.virtual";

    @Inject
    BundleContext context;

    /** Replaced by {@link #restartWithConfirmationWindow} when a new configuration restarts the component. */
    @Inject
    Assistant assistant;

    /** The probe's own; commands through it carry the grants of the skills the probe registers. */
    @Inject
    Devices devices;

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return GlintHub.hub();
    }

    @Test
    public void it_and_and_the_hallway_too_resolve_against_what_the_wearer_just_said() {
        assertDone(say(ALICE, "turn on the kitchen light"));
        assertEquals(Boolean.TRUE, state("kitchen.light", Attributes.ON));

        assertDone(say(ALICE, "now dim it to 30 %"));
        assertEquals(30, number("kitchen.light", Attributes.BRIGHTNESS));
        assertEquals(Boolean.TRUE, state("kitchen.light", Attributes.ON));

        // "too" repeats the last request, and that was the dimming: the hallway light has no dimmer
        Response dimHallway = say(ALICE, "and the hallway too");
        assertEquals(Wait.describe(dimHallway), ResponseStatus.FAILED, dimHallway.status());
        assertEquals(Wait.describe(dimHallway), FailureCode.NOT_SUPPORTED, dimHallway.code());
        assertEquals(Boolean.FALSE, state("hallway.light", Attributes.ON));

        assertDone(say(ALICE, "turn on the bathroom light"));
        Response hallway = say(ALICE, "and the hallway too");
        assertDone(hallway);
        assertEquals("light.turn_on", hallway.intent().name());
        assertEquals(Boolean.TRUE, state("hallway.light", Attributes.ON));

        // Bob has said nothing yet: "it" refers to nothing he talked about, whatever Alice did
        Response bobs = say(BOB, "turn it off");
        assertEquals(Wait.describe(bobs), ResponseStatus.FAILED, bobs.status());
        assertEquals(Wait.describe(bobs), FailureCode.NO_DEVICE, bobs.code());
        assertEquals(Boolean.TRUE, state("kitchen.light", Attributes.ON));
        assertEquals(Boolean.TRUE, state("hallway.light", Attributes.ON));
        assertEquals(Boolean.TRUE, state("bathroom.light", Attributes.ON));

        // and Alice's "it" is still the light she touched last
        assertDone(say(ALICE, "turn it off"));
        assertEquals(Boolean.FALSE, state("hallway.light", Attributes.ON));
        assertEquals(Boolean.TRUE, state("kitchen.light", Attributes.ON));
    }

    @Test
    public void an_ambiguous_lamp_is_asked_about_and_the_answer_completes_it() {
        Response which = say(ALICE, "turn on the lamp");
        assertEquals(Wait.describe(which), ResponseStatus.NEEDS_CONFIRMATION, which.status());
        assertTrue(which.speech(), which.speech().startsWith("Which lamp"));
        assertTrue(which.speech(), which.speech().contains("bedside lamp") && which.speech().contains("floor lamp"));
        assertEquals(Boolean.FALSE, state("bedroom.bedside_lamp", Attributes.ON));
        assertEquals(Boolean.FALSE, state("living_room.floor_lamp", Attributes.ON));

        // the question was Alice's: Bob's answer completes nothing
        Response bobs = say(BOB, "the bedroom one");
        assertNotEquals(Wait.describe(bobs), ResponseStatus.DONE, bobs.status());
        assertEquals(Boolean.FALSE, state("bedroom.bedside_lamp", Attributes.ON));

        Response answered = say(ALICE, "the bedroom one");
        assertDone(answered);
        assertEquals("light.turn_on", answered.intent().name());
        assertEquals(Boolean.TRUE, state("bedroom.bedside_lamp", Attributes.ON));
        assertEquals(Boolean.FALSE, state("living_room.floor_lamp", Attributes.ON));
    }

    @Test
    public void unlocking_waits_for_the_same_wearers_yes_and_expires() throws Exception {
        assistant = restartWithConfirmationWindow(1000);
        assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

        askToUnlock(ALICE);
        Response bobsYes = say(BOB, "yes");
        assertEquals(Wait.describe(bobsYes), ResponseStatus.FAILED, bobsYes.status());
        assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

        // Bob's "yes" left Alice's request waiting; it expires with the window
        Wait.sleep(1200);
        Response late = say(ALICE, "yes");
        assertEquals(Wait.describe(late), ResponseStatus.FAILED, late.status());
        assertEquals(Wait.describe(late), FailureCode.NOT_ALLOWED, late.code());
        assertTrue(Wait.describe(late), late.speech().contains("expired"));
        assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

        // any other command in between drops it
        askToUnlock(ALICE);
        assertDone(say(ALICE, "turn on the hallway light"));
        Response afterOther = say(ALICE, "yes");
        assertEquals(Wait.describe(afterOther), ResponseStatus.FAILED, afterOther.status());
        assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

        askToUnlock(ALICE);
        Response yes = say(ALICE, "yes");
        assertDone(yes);
        assertEquals("Unlocked the front door lock.", yes.speech());
        assertEquals(Boolean.FALSE, state(FRONT_DOOR, Attributes.LOCKED));

        assertDone(say(ALICE, "lock the front door"));
        assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));
        askToUnlock(ALICE);
        Response no = say(ALICE, "no");
        assertDone(no);
        assertTrue(no.speech(), no.speech().contains("stays locked"));
        Response yesAfterNo = say(ALICE, "yes");
        assertEquals(Wait.describe(yesAfterNo), ResponseStatus.FAILED, yesAfterNo.status());
        assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));
    }

    @Test
    public void a_skill_cannot_unlock_without_the_wearer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Skill plumber = intent -> {
            calls.incrementAndGet();
            switch (intent.name()) {
                case "acme.sneaky" -> {
                    // from a thread of its own, where the hub cannot tell it acts for the wearer who spoke
                    CommandResult r = CompletableFuture.supplyAsync(() -> devices.execute(FRONT_DOOR,
                            Command.unlock())).get(2, TimeUnit.SECONDS);
                    return r.ok() ? SkillResult.done("The plumber is in.") : SkillResult.failed(r.code(), r.reason());
                }
                case "acme.polite" -> {
                    // ignores the answer and claims success: the hub must not take its word for it
                    devices.execute(FRONT_DOOR, Command.unlock());
                    return SkillResult.done("The plumber is in.");
                }
                default -> {
                    return SkillResult.done("Unexpected.");
                }
            }
        };
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Skill.DEFINITION_PROPERTY, "glint/plumber-skill.json");
        ServiceRegistration<Skill> registration = context.registerService(Skill.class, plumber, props);
        try {
            Response sneaky = Wait.until(assistant, "let the plumber in",
                    r -> r.status() != ResponseStatus.NOT_UNDERSTOOD, Duration.ofSeconds(5));
            assertEquals(Wait.describe(sneaky), ResponseStatus.FAILED, sneaky.status());
            assertEquals(Wait.describe(sneaky), FailureCode.NOT_ALLOWED, sneaky.code());
            assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));
            // refused, not held: there is nothing to say yes to
            Response nothingHeld = say(null, "yes");
            assertEquals(Wait.describe(nothingHeld), ResponseStatus.FAILED, nothingHeld.status());
            assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

            Response polite = say(null, "buzz the plumber in");
            assertEquals(Wait.describe(polite), ResponseStatus.NEEDS_CONFIRMATION, polite.status());
            assertEquals("Unlock the front door lock?", polite.speech());
            assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

            int before = calls.get();
            Response yes = say(null, "yes");
            assertDone(yes);
            assertEquals(Boolean.FALSE, state(FRONT_DOOR, Attributes.LOCKED));
            assertEquals("the hub unlocks on \"yes\" itself, without calling the skill again", before, calls.get());
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void a_light_that_does_not_answer_is_named_in_a_partial_success() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("glint.itests.work", "target/itests")));
        Path home = Files.createTempFile(work, "garden-home-", ".json");
        Files.writeString(home, """
                {"rooms": [{"id": "garden", "name": "garden"}],
                 "devices": [
                   {"id": "garden.porch_light", "name": "porch light", "room": "garden", "type": "light",
                    "capabilities": ["ON_OFF"], "state": {"on": true}},
                   {"id": "garden.path_light", "name": "path light", "room": "garden", "type": "light",
                    "capabilities": ["ON_OFF"], "state": {"on": true}},
                   {"id": "garden.lantern", "name": "lantern", "room": "garden", "type": "light",
                    "capabilities": ["ON_OFF"], "state": {"on": true}, "responds": false}
                 ]}
                """, StandardCharsets.UTF_8);
        // the registry first: its deadline is in force by the time the new home is announced
        configure(REGISTRY_PID, "commandTimeoutMs", 300L);
        configure(VIRTUAL_PID, "homeFile", home.toAbsolutePath().toString());
        waitFor("the garden home replaces the default one", () -> devices.get("garden.lantern").isPresent()
                && devices.get("kitchen.light").isEmpty(), Duration.ofSeconds(5));

        long start = System.nanoTime();
        Response r = say(ALICE, "turn off all the lights");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Wait.describe(r), ResponseStatus.FAILED, r.status());
        assertEquals(Wait.describe(r), FailureCode.PARTIAL, r.code());
        assertTrue(r.speech(), r.speech().startsWith("Turned off 2 of 3 lights"));
        assertTrue(r.speech(), r.speech().contains("lantern"));
        assertEquals(Boolean.FALSE, state("garden.porch_light", Attributes.ON));
        assertEquals(Boolean.FALSE, state("garden.path_light", Attributes.ON));
        assertEquals(Boolean.TRUE, state("garden.lantern", Attributes.ON));
        assertTrue("the 300 ms command deadline was not applied: the answer took " + ms + " ms", ms < 1500);
    }

    /** Asks to unlock the front door, which the hub holds for the wearer's "yes". */
    private void askToUnlock(String wearer) {
        Response ask = say(wearer, "unlock the front door");
        assertEquals(Wait.describe(ask), ResponseStatus.NEEDS_CONFIRMATION, ask.status());
        assertEquals("Unlock the front door lock?", ask.speech());
        assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));
    }

    /**
     * The conversation component has no modified method: a new configuration replaces it, and with it the
     * Assistant service. Returns the new one.
     */
    private Assistant restartWithConfirmationWindow(long ms) throws IOException {
        ServiceReference<Assistant> old = context.getServiceReference(Assistant.class);
        Object oldId = old == null ? null : old.getProperty(Constants.SERVICE_ID);
        configure(ASSISTANT_PID, "confirmationWindowMs", ms);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        do {
            ServiceReference<Assistant> ref = context.getServiceReference(Assistant.class);
            if (ref != null && !ref.getProperty(Constants.SERVICE_ID).equals(oldId)) {
                Assistant restarted = context.getService(ref);
                if (restarted != null) {
                    return restarted;
                }
            }
            Wait.sleep(10);
        } while (System.nanoTime() < deadline);
        fail("the Assistant was not replaced within 5 s of configuring " + ASSISTANT_PID);
        return null;
    }

    private void configure(String pid, String key, Object value) throws IOException {
        // "?": not bound to the probe bundle, so the hub's components receive it
        org.osgi.service.cm.Configuration c = configurations.getConfiguration(pid, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(key, value);
        c.update(props);
    }

    private static void waitFor(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not after " + timeout.toMillis() + " ms");
            }
            Wait.sleep(10);
        }
    }

    private Response say(String wearer, String text) {
        return assistant.handle(new Utterance(text, null, wearer, null));
    }

    private Object state(String deviceId, String attribute) {
        return devices.get(deviceId).orElseThrow(() -> new AssertionError("no device " + deviceId)).state(attribute);
    }

    private int number(String deviceId, String attribute) {
        Object v = state(deviceId, attribute);
        if (!(v instanceof Number n)) {
            throw new AssertionError(deviceId + "." + attribute + " is " + v + ", not a number");
        }
        return n.intValue();
    }

    private static void assertDone(Response r) {
        assertEquals(Wait.describe(r), ResponseStatus.DONE, r.status());
    }
}
