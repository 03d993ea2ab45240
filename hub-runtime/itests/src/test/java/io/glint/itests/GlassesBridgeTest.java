package io.glint.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

import io.glint.api.device.Attributes;
import io.glint.api.device.Devices;
import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.pairing.PairingStore;
import io.glint.bridge.protocol.BridgeEndpoint;
import io.glint.bridge.protocol.NotificationMessage;
import io.glint.bridge.protocol.UtteranceReply;

/**
 * The hub with its glasses bridge, configured through ConfigAdmin on a free loopback port with a pairing file of
 * its own: paired glasses speak over CoAP/DTLS (the Java client), the PSK identity is the wearer, and the built-in
 * notification rules reach the glasses through their observation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GlassesBridgeTest {
    static final String BRIDGE = "io.glint.bridge";
    static final String RULES_PID = "io.glint.core.rules";
    static final String FRONT_DOOR = "hallway.front_door_lock";
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    BundleContext context;

    @Inject
    ConfigurationAdmin configurations;

    /** The probe's own; used here only to read device state. */
    @Inject
    Devices devices;

    @Configuration
    public Option[] config() throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("glint.itests.work", "target/itests")));
        Path home = Files.createTempDirectory(work, "bridge-home-");
        return OptionUtils.combine(GlintHub.hub(), GlintHub.glassesBridge(),
                // anything the bridge would put in the hub's folder goes to a throwaway one
                frameworkProperty("glint.home").value(home.toAbsolutePath().toString()));
    }

    @Test
    public void paired_glasses_turn_on_a_light_over_dtls_and_the_identity_is_the_wearer() throws Exception {
        Hub hub = startBridge();
        Pair anna = hub.pairing.pair("anna", false);
        try (GlassesClient glasses = new GlassesClient(hub.address, anna.identity(), anna.key(), CLIENT_TIMEOUT)) {
            assertEquals(Boolean.FALSE, state("kitchen.light", Attributes.ON));
            UtteranceReply on = glasses.say("turn on the kitchen light", "en", null);
            assertEquals(on.toString(), "DONE", on.status());
            assertEquals("light.turn_on", on.intent());
            assertEquals(Boolean.TRUE, state("kitchen.light", Attributes.ON));

            // "it" is anna's last device: her conversation is keyed by her DTLS identity
            UtteranceReply off = glasses.say("turn it off", "en", null);
            assertEquals(off.toString(), "DONE", off.status());
            assertEquals(Boolean.FALSE, state("kitchen.light", Attributes.ON));
        }
        // unpaired glasses are refused at the handshake and change nothing
        try (GlassesClient stranger = new GlassesClient(hub.address, "mallory", PairingStore.newKey(),
                Duration.ofSeconds(3))) {
            try {
                stranger.say("turn on the kitchen light", "en", null);
                fail("an unpaired identity was answered");
            } catch (IOException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("No answer"));
            }
        }
        assertEquals(Boolean.FALSE, state("kitchen.light", Attributes.ON));
    }

    @Test
    public void only_the_glasses_that_asked_can_confirm_unlocking_and_the_others_are_told_when_it_stays_open()
            throws Exception {
        Hub hub = startBridge();
        Pair a = hub.pairing.pair("glasses-a", false);
        Pair b = hub.pairing.pair("glasses-b", false);
        BlockingQueue<NotificationMessage> seenByB = new LinkedBlockingQueue<>();
        BlockingQueue<String> errorsOfB = new LinkedBlockingQueue<>();
        try (GlassesClient glassesA = new GlassesClient(hub.address, a.identity(), a.key(), CLIENT_TIMEOUT);
                GlassesClient glassesB = new GlassesClient(hub.address, b.identity(), b.key(), CLIENT_TIMEOUT)) {
            assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

            UtteranceReply ask = glassesA.say("unlock the front door", "en", null);
            assertEquals(ask.toString(), "NEEDS_CONFIRMATION", ask.status());
            assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

            UtteranceReply yesFromB = glassesB.say("yes", "en", null);
            assertEquals(yesFromB.toString(), "FAILED", yesFromB.status());
            assertEquals("NOT_ALLOWED", yesFromB.code());
            assertEquals("There's nothing waiting for your confirmation.", yesFromB.speech());
            assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));

            glassesB.observe(seenByB::add, errorsOfB::add);
            NotificationMessage first = seenByB.poll(10, TimeUnit.SECONDS);
            assertNotNull("the observation answers at once with what to show now", first);
            assertEquals(0, first.pending());

            UtteranceReply yesFromA = glassesA.say("yes", "en", null);
            assertEquals(yesFromA.toString(), "DONE", yesFromA.status());
            assertEquals("Unlocked the front door lock.", yesFromA.speech());
            assertEquals(Boolean.FALSE, state(FRONT_DOOR, Attributes.LOCKED));

            // the lock-left-unlocked rule is configured to 1 s here; every paired pair of glasses is told
            NotificationMessage told = next(seenByB, m -> m.id() != null, Duration.ofSeconds(10));
            assertEquals("HIGH", told.priority());
            assertEquals("The front door lock has been unlocked for 1 second.", told.speech());
            assertEquals(told.toString(), told, glassesA.currentNotification());

            // locking withdraws it: B's observation is told there is nothing to show any more
            UtteranceReply lock = glassesA.say("lock the front door", "en", null);
            assertEquals(lock.toString(), "DONE", lock.status());
            assertEquals(Boolean.TRUE, state(FRONT_DOOR, Attributes.LOCKED));
            NotificationMessage cleared = next(seenByB, m -> m.id() == null, Duration.ofSeconds(10));
            assertEquals(0, cleared.pending());
            assertTrue(errorsOfB.toString(), errorsOfB.isEmpty());
        }
    }

    /** The next message matching, within the timeout. */
    private static NotificationMessage next(BlockingQueue<NotificationMessage> queue,
            java.util.function.Predicate<NotificationMessage> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0;) {
            NotificationMessage m = queue.poll(left, TimeUnit.NANOSECONDS);
            if (m != null && wanted.test(m)) {
                return m;
            }
        }
        fail("no matching notification within " + timeout.toMillis() + " ms");
        return null;
    }

    /** The running bridge: where it listens and its pairing file. */
    record Hub(InetSocketAddress address, PairingStore pairing) {
    }

    /**
     * Configures the bridge (127.0.0.1, any free port, a pairing file of this framework's own) and the built-in
     * rules (a lock left unlocked is news after 1 s), starts the bridge bundle if it is not running yet, and
     * waits for its endpoint.
     */
    private Hub startBridge() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("glint.itests.work", "target/itests")));
        Bundle bundle = bundle(BRIDGE);
        ServiceReference<BridgeEndpoint> ref = context.getServiceReference(BridgeEndpoint.class);
        if (bundle.getState() != Bundle.ACTIVE || ref == null) {
            Path pairs = Files.createTempDirectory(work, "pairs-").resolve("glasses-pairs.json");
            configure(BRIDGE, "host", "127.0.0.1", "port", 0, "pairingFile", pairs.toString(), "pairingPollMs", 50);
            configure(RULES_PID, "doorUnlockedSeconds", 1L);
            bundle.start();
            ref = awaitEndpoint(Duration.ofSeconds(10));
        }
        String pairingFile = pairingFile();
        int port = (Integer) ref.getProperty(BridgeEndpoint.PORT);
        assertNotEquals("any free port, not the default", 5684, port);
        return new Hub(new InetSocketAddress("127.0.0.1", port), new PairingStore(Path.of(pairingFile)));
    }

    private String pairingFile() throws IOException {
        Object file = configurations.getConfiguration(BRIDGE, "?").getProperties().get("pairingFile");
        assertNotNull("the bridge's configuration names its pairing file", file);
        return file.toString();
    }

    private ServiceReference<BridgeEndpoint> awaitEndpoint(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            ServiceReference<BridgeEndpoint> ref = context.getServiceReference(BridgeEndpoint.class);
            if (ref != null) {
                return ref;
            }
            Wait.sleep(20);
        } while (System.nanoTime() < deadline);
        fail("the glasses bridge did not register its endpoint within " + timeout.toMillis() + " ms");
        return null;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        fail(symbolicName + " is not installed");
        return null;
    }

    private void configure(String pid, Object... keysAndValues) throws IOException {
        // "?": not bound to the probe bundle, so the hub's components receive it
        org.osgi.service.cm.Configuration c = configurations.getConfiguration(pid, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        c.update(props);
    }

    private Object state(String deviceId, String attribute) {
        return devices.get(deviceId).orElseThrow(() -> new AssertionError("no device " + deviceId)).state(attribute);
    }
}
