package io.glint.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
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

import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

/** Skills deployed by dropping a jar in the hub's skills folder (FileInstall), as the distribution does. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotFolderTest {
    /** Product requirement: a skill jar dropped in the folder is live in under a second. */
    static final long LIVE_WITHIN_MS = 1000;

    @Inject
    BundleContext context;

    @Inject
    Assistant assistant;

    @Configuration
    public Option[] config() {
        return GlintHub.hub();
    }

    @Test
    public void a_jar_dropped_in_the_hot_folder_is_live_within_a_second() throws Exception {
        String folder = context.getProperty(GlintHub.HOT_FOLDER);
        assertNotNull(GlintHub.HOT_FOLDER + " is not set", folder);
        Path hot = Path.of(folder);
        Path jar = hot.resolve("greeter.jar");
        assertEquals(ResponseStatus.NOT_UNDERSTOOD, assistant.handle(Utterance.of("say hello")).status());

        long dropped = System.nanoTime();
        Files.copy(SkillJars.greeter(), jar);
        Response hello = Wait.until(assistant, "say hello", r -> r.status() == ResponseStatus.DONE,
                Duration.ofSeconds(5));
        long liveAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);
        assertEquals(SkillUpdateTest.HELLO, hello.speech());
        System.out.println("Dropped greeter live after " + liveAfter + " ms");
        assertTrue("the dropped skill was live only after " + liveAfter + " ms", liveAfter < LIVE_WITHIN_MS);

        // Replaced as a deploy script would: written beside it under a name FileInstall ignores, then renamed.
        Path part = hot.resolve("greeter.jar.part");
        Files.write(part, SkillJars.greeterSaying("Howdy"));
        Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Wait.until(assistant, "say hello", r -> SkillUpdateTest.HOWDY.equals(r.speech()), Duration.ofSeconds(5));

        Files.delete(jar);
        Response gone = Wait.until(assistant, "say hello", r -> r.status() == ResponseStatus.NOT_UNDERSTOOD,
                Duration.ofSeconds(5));
        assertEquals(SkillUpdateTest.NOT_UNDERSTOOD, gone.speech());
        assertFalse("the greeter bundle is still installed", Arrays.stream(context.getBundles())
                .anyMatch(b -> SkillJars.GREETER.equals(b.getSymbolicName())));
    }
}
