package io.glint.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.notify.Notification;
import io.glint.api.notify.Priority;
import io.glint.api.skill.Card;
import io.glint.bridge.pairing.Pair;

/**
 * The bridge as libcoap's {@code coap-client-openssl} (Debian libcoap3-bin) sees it: another DTLS stack than the
 * hub's own, with the identity and key exactly as {@code glint pair} prints them.
 */
@Timeout(90)
class CoapClientTest {
    static final String COAP_CLIENT = "coap-client-openssl";

    @TempDir
    Path dir;
    DemoHome demo;
    BridgeFixture fx;
    Pair anna;

    /** The result of one coap-client run. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void libcoapInstalled() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + COAP_CLIENT).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                COAP_CLIENT + " is not installed: apt-get install libcoap3-bin (.ci/run does)");
    }

    @BeforeEach
    void start() throws Exception {
        demo = new DemoHome();
        fx = new BridgeFixture(dir, demo.assistant);
        anna = fx.pair("anna");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    String uri(String path) {
        return "coaps://127.0.0.1:" + fx.address().getPort() + path;
    }

    /** Runs coap-client with a wait limit (-B) and a hard process timeout; the process is always destroyed. */
    Run coapClient(int waitSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(COAP_CLIENT, "-B", String.valueOf(waitSeconds)));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            boolean ended = p.waitFor(waitSeconds + 15L, TimeUnit.SECONDS);
            assertTrue(ended, "coap-client did not end: " + cmd);
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    static String utterance(String text) {
        return "{\"text\":\"" + text + "\",\"lang\":\"en\",\"ts\":" + System.currentTimeMillis() + "}";
    }

    @Test
    void a_paired_identity_posts_an_utterance_and_gets_the_answer() throws Exception {
        Run run = coapClient(5, "-m", "post", "-t", "json", "-u", anna.identity(), "-k", anna.key(),
                "-e", utterance("turn on the kitchen light"), uri("/v1/utterances"));
        assertTrue(run.out().contains("\"status\":\"DONE\""), run.all());
        assertTrue(run.out().contains("\"intent\":\"light.turn_on\""), run.all());
        assertEquals(true, demo.home.state("kitchen.light", "on"));
        assertEquals(List.of("anna"), demo.wearers);
    }

    @Test
    void an_observer_gets_a_raised_notification() throws Exception {
        Thread raiser = new Thread(() -> {
            try {
                Thread.sleep(1500);
                fx.notifications.raise(Notification.of(Priority.HIGH, "The front door has been unlocked for 10 minutes.")
                        .withCard(Card.of("Front door", "unlocked 10 min")).withDedupeKey("unlocked:front"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        raiser.start();
        Run run = coapClient(8, "-s", "5", "-u", anna.identity(), "-k", anna.key(), uri("/v1/notifications"));
        raiser.join(10_000);
        assertTrue(run.out().contains("\"pending\":0"), "first the empty state: " + run.all());
        assertTrue(run.out().contains("The front door has been unlocked for 10 minutes."), run.all());
        assertTrue(run.out().contains("\"priority\":\"HIGH\""), run.all());
    }

    @Test
    void unpaired_identity_and_wrong_key_fail_the_handshake_and_nothing_runs() throws Exception {
        Run stranger = coapClient(3, "-m", "post", "-t", "json", "-u", "mallory", "-k", anna.key(),
                "-e", utterance("turn on the kitchen light"), uri("/v1/utterances"));
        Run wrongKey = coapClient(3, "-m", "post", "-t", "json", "-u", anna.identity(), "-k", "0123456789abcdef",
                "-e", utterance("turn on the kitchen light"), uri("/v1/utterances"));
        for (Run r : List.of(stranger, wrongKey)) {
            assertTrue(!r.out().contains("status"), "no answer: " + r.all());
        }
        assertTrue(demo.wearers.isEmpty(), "nothing reached the assistant");
        assertEquals(false, demo.home.state("kitchen.light", "on"));
    }

    @Test
    void a_revoked_pair_fails_the_handshake() throws Exception {
        fx.pairing.unpair(anna.identity());
        Run run = coapClient(3, "-m", "post", "-t", "json", "-u", anna.identity(), "-k", anna.key(),
                "-e", utterance("turn on the kitchen light"), uri("/v1/utterances"));
        assertTrue(!run.out().contains("status"), "no answer: " + run.all());
        assertTrue(demo.wearers.isEmpty(), "nothing reached the assistant");
        assertEquals(false, demo.home.state("kitchen.light", "on"));
    }

    @Test
    void errors_reach_libcoap_as_codes_with_a_diagnostic() throws Exception {
        Run missing = coapClient(5, "-m", "post", "-t", "json", "-u", anna.identity(), "-k", anna.key(),
                "-e", "{\"text\":\"hi\"}", uri("/v1/utterances"));
        assertTrue(missing.all().contains("4.00"), missing.all());
        assertTrue(missing.all().contains("\"lang\" is missing"), missing.all());
        Path big = dir.resolve("big.json");
        Files.writeString(big, utterance("x".repeat(3000)), StandardCharsets.UTF_8);
        Run tooBig = coapClient(5, "-m", "post", "-t", "json", "-u", anna.identity(), "-k", anna.key(),
                "-f", big.toString(), uri("/v1/utterances"));
        assertTrue(tooBig.all().contains("4.13"), tooBig.all());
        assertTrue(demo.wearers.isEmpty(), "nothing reached the assistant");
    }
}
