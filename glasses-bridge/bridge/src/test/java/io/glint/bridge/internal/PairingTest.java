package io.glint.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.client.GlassesException;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.pairing.PairingStore;

/** Who may talk to the hub: the pairing file, read at every handshake and watched for revocations. */
@Timeout(60)
class PairingTest {
    @TempDir
    Path dir;

    @Test
    void the_pairing_file_is_owner_only_and_keys_are_random() throws Exception {
        PairingStore store = new PairingStore(dir.resolve("data/glasses-pairs.json"));
        Pair a = store.pair("anna", false);
        Pair b = store.pair("ben", false);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        assertTrue(a.key().matches("[0-9a-f]{32}"), a.key());
        assertNotEquals(a.key(), b.key());
        assertEquals(a.key(), new PairingStore(store.file()).find("anna").orElseThrow().key());
        assertTrue(store.permissionProblem().isEmpty());
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(store.permissionProblem().orElseThrow().contains("chmod 600"));
    }

    @Test
    void bad_names_and_double_pairing_are_refused_with_what_to_do() throws Exception {
        PairingStore store = new PairingStore(dir.resolve("pairs.json"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> store.pair("anna's", false));
        assertTrue(bad.getMessage().contains("letters, digits"), bad.getMessage());
        store.pair("anna", false);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> store.pair("anna", false));
        assertTrue(twice.getMessage().contains("paired already"), twice.getMessage());
        assertTrue(store.unpair("anna"));
        assertTrue(!store.unpair("anna"));
        Files.writeString(store.file(), "{\"version\":1,\"pairs\":[{\"identity\":\"x\"}]}");
        IOException broken = assertThrows(IOException.class, store::pairs);
        assertTrue(broken.getMessage().contains("not valid") || broken.getMessage().contains("without a valid"),
                broken.getMessage());
    }

    @Test
    void glasses_paired_while_the_bridge_runs_are_accepted_at_once() throws Exception {
        DemoHome demo = new DemoHome();
        try (BridgeFixture fx = new BridgeFixture(dir, demo.assistant)) {
            // another process (glint pair) writes the file while the bridge runs
            Pair late = new PairingStore(fx.pairing.file()).pair("late", false);
            assertEquals("DONE", fx.glasses(late).say("turn on the kitchen light", "en", null).status());
        }
    }

    @Test
    void an_unknown_identity_or_a_wrong_key_never_gets_in() throws Exception {
        DemoHome demo = new DemoHome();
        try (BridgeFixture fx = new BridgeFixture(dir, demo.assistant)) {
            Pair anna = fx.pair("anna");
            GlassesException stranger = assertThrows(GlassesException.class,
                    () -> fx.glasses("mallory", anna.key()).say("turn on the kitchen light", "en", null));
            assertTrue(stranger.getMessage().contains("refused the DTLS handshake"), stranger.getMessage());
            assertThrows(GlassesException.class,
                    () -> fx.glasses("anna", PairingStore.newKey()).say("turn on the kitchen light", "en", null));
            assertTrue(demo.wearers.isEmpty());
            assertEquals(false, demo.home.state("kitchen.light", "on"));
        }
    }

    @Test
    void unpairing_ends_a_live_session_and_its_observation() throws Exception {
        DemoHome demo = new DemoHome();
        try (BridgeFixture fx = new BridgeFixture(dir, demo.assistant)) {
            Pair anna = fx.pair("anna");
            Pair ben = fx.pair("ben");
            GlassesClient a = fx.glasses(anna);
            List<String> errors = new CopyOnWriteArrayList<>();
            a.observe(n -> { }, errors::add);
            assertEquals("DONE", a.say("turn on the kitchen light", "en", null).status());

            new PairingStore(fx.pairing.file()).unpair("anna");
            GlassesException after = assertThrows(GlassesException.class,
                    () -> a.say("turn off the kitchen light", "en", null));
            assertTrue(after.getMessage().contains("4.01") || after.getMessage().contains("No answer"),
                    after.getMessage());
            assertEquals(true, demo.home.state("kitchen.light", "on"), "the revoked session changed nothing");
            // the 4.01 itself, not just anything reported first
            long deadline = System.currentTimeMillis() + 5000;
            while (errors.stream().noneMatch(e -> e.contains("4.01")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(errors.stream().anyMatch(e -> e.contains("4.01")), "observation ended: " + errors);
            assertEquals("DONE", fx.glasses(ben).say("turn off the kitchen light", "en", null).status());
            assertEquals(List.of("anna", "ben"), demo.wearers);
        }
    }

    @Test
    void a_new_key_ends_the_old_keys_session_and_lets_the_new_one_in() throws Exception {
        DemoHome demo = new DemoHome();
        try (BridgeFixture fx = new BridgeFixture(dir, demo.assistant)) {
            Pair old = fx.pair("anna");
            GlassesClient a = fx.glasses(old);
            List<String> errors = new CopyOnWriteArrayList<>();
            a.observe(n -> { }, errors::add);
            assertEquals("DONE", a.say("turn on the kitchen light", "en", null).status());

            Pair renewed = new PairingStore(fx.pairing.file()).pair("anna", true);
            long deadline = System.currentTimeMillis() + 5000;
            while (errors.stream().noneMatch(e -> e.contains("4.01")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(errors.stream().anyMatch(e -> e.contains("4.01")), "observation ended: " + errors);
            GlassesException after = assertThrows(GlassesException.class,
                    () -> a.say("turn off the kitchen light", "en", null));
            assertTrue(after.getMessage().contains("4.01") || after.getMessage().contains("No answer"),
                    after.getMessage());
            assertEquals(true, demo.home.state("kitchen.light", "on"), "the old key's session changed nothing");
            assertEquals("DONE", fx.glasses(renewed).say("turn off the kitchen light", "en", null).status());
            assertEquals(List.of("anna", "anna"), demo.wearers);
        }
    }

    @Test
    void a_busy_port_is_a_clear_error() throws Exception {
        DemoHome demo = new DemoHome();
        try (BridgeFixture first = new BridgeFixture(dir, demo.assistant)) {
            int port = first.address().getPort();
            IOException busy = assertThrows(IOException.class,
                    () -> new BridgeFixture(dir.resolve("second"), demo.assistant, s -> s.withPort(port)));
            assertTrue(busy.getMessage().contains("cannot listen on UDP 127.0.0.1:" + port), busy.getMessage());
            assertTrue(busy.getMessage().contains("conf/io.glint.bridge.cfg"), busy.getMessage());
            assertEquals(port, first.address().getPort());
        }
        assertTrue(new InetSocketAddress(0).getPort() == 0);
    }
}
