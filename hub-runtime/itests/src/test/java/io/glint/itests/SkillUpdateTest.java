package io.glint.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

/** A skill bundle installed, updated and removed while the hub runs, as an author or the store would do it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SkillUpdateTest {
    static final String HELLO = "Hello, there!";
    static final String HOWDY = "Howdy, there!";
    static final String NOT_UNDERSTOOD = "Sorry, I can't help with that: no installed skill understands it.";

    @Inject
    BundleContext context;

    @Inject
    Assistant assistant;

    @Configuration
    public Option[] config() {
        return GlintHub.hub();
    }

    @Test
    public void a_skill_installed_at_run_time_is_served_updated_and_removed() throws Exception {
        assertEquals(ResponseStatus.NOT_UNDERSTOOD, say("say hello").status());

        Bundle greeter = context.installBundle(SkillJars.greeter().toUri().toString());
        greeter.start();
        Response hello = Wait.until(assistant, "say hello", r -> r.status() == ResponseStatus.DONE,
                Duration.ofSeconds(5));
        assertEquals(HELLO, hello.speech());
        assertTrue(hello.skill(), hello.skill().startsWith(SkillJars.GREETER));

        byte[] v2 = SkillJars.greeterSaying("Howdy");
        greeter.update(new ByteArrayInputStream(v2));
        assertEquals(SkillJars.versionOf(v2), greeter.getVersion());
        Wait.until(assistant, "say hello", r -> HOWDY.equals(r.speech()), Duration.ofSeconds(5));

        greeter.uninstall();
        // Forgotten at once, not after the update grace period; and from now on the greeter is never called.
        long start = System.nanoTime();
        Response gone;
        do {
            gone = say("say hello");
            assertNotEquals("the uninstalled skill answered: " + Wait.describe(gone), ResponseStatus.DONE,
                    gone.status());
            assertTrue("still routed to the uninstalled skill: " + Wait.describe(gone),
                    System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        } while (gone.status() != ResponseStatus.NOT_UNDERSTOOD);
        assertEquals(NOT_UNDERSTOOD, gone.speech());
        assertNull(gone.skill());
        assertNull(gone.intent());
    }

    /** Regression: "zero failed commands during an update", with a wearer speaking all the time. */
    @Test
    public void commands_keep_succeeding_while_a_skill_is_updated() throws Exception {
        byte[] v1 = SkillJars.greeterBytes();
        byte[] v2 = SkillJars.greeterSaying("Howdy");
        Bundle greeter = context.installBundle("itest:greeter", new ByteArrayInputStream(v1));
        greeter.start();
        Wait.until(assistant, "say hello", r -> HELLO.equals(r.speech()), Duration.ofSeconds(5));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger commands = new AtomicInteger();
        AtomicInteger hellos = new AtomicInteger();
        AtomicInteger howdies = new AtomicInteger();
        AtomicReference<Response> last = new AtomicReference<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread wearer = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!stop.get() && System.nanoTime() < deadline) {
                Response r = say("say hello");
                commands.incrementAndGet();
                last.set(r);
                if (r.status() != ResponseStatus.DONE) {
                    failures.add(Wait.describe(r));
                } else if (HELLO.equals(r.speech())) {
                    hellos.incrementAndGet();
                } else if (HOWDY.equals(r.speech())) {
                    howdies.incrementAndGet();
                } else {
                    failures.add("unexpected answer " + Wait.describe(r));
                }
                Wait.sleep(1);
            }
        }, "itest-wearer");
        wearer.setDaemon(true);
        wearer.start();
        try {
            Wait.sleep(300);
            for (byte[] version : List.of(v2, v1, v2)) {
                greeter.update(new ByteArrayInputStream(version));
                Wait.sleep(400);
            }
        } finally {
            stop.set(true);
            wearer.join(10_000);
        }
        assertFalse("the speaking thread did not stop", wearer.isAlive());

        assertEquals("commands that failed while the skill was updated", List.of(), failures);
        assertTrue("only " + commands.get() + " commands ran", commands.get() >= 50);
        assertTrue("no answer from v1", hellos.get() > 0);
        assertTrue("no answer from v2", howdies.get() > 0);
        assertEquals("the last answer is not the last version's", HOWDY, last.get().speech());
        System.out.printf("%d commands during 3 updates: %d Hello, %d Howdy%n", commands.get(), hellos.get(),
                howdies.get());
    }

    private Response say(String text) {
        return assistant.handle(Utterance.of(text));
    }
}
