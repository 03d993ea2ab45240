package io.glint.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.client.GlassesException;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.pairing.PairingStore;
import io.glint.bridge.protocol.BridgeEndpoint;
import io.glint.bridge.protocol.Protocol;
import io.glint.bridge.protocol.SlotMessage;
import io.glint.bridge.protocol.UtteranceReply;
import io.glint.bridge.protocol.UtteranceRequest;

/**
 * The demo's own pair of glasses, so that what you type takes the path real glasses take: an identity paired in a
 * throwaway pairing file, the hub's bridge on a free loopback port (set through the {@code glint.bridge.*}
 * properties before the hub boots, so a hub already running on the configured port is not disturbed), and each
 * line sent over CoAP/DTLS by {@link GlassesClient}. {@link #close()} ends the connection, removes the pairing and
 * restores the properties.
 */
final class DemoGlasses implements AutoCloseable {
    /** How long the demo waits for the bridge once the hub is ready for voice. */
    static final Duration BRIDGE_WAIT = Duration.ofSeconds(5);
    /** The longest one line may take, DTLS handshake included (a skill's budget is a few seconds). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path folder;
    private final Pair pair;
    private final Map<String, String> previous = new LinkedHashMap<>();
    private Glasses connected;

    private DemoGlasses(Path folder, Pair pair) {
        this.folder = folder;
        this.pair = pair;
    }

    /** Pairs a throwaway identity and points the hub's bridge (not started yet) at it. Call before the boot. */
    static DemoGlasses prepare() throws IOException {
        Path folder = Files.createTempDirectory("glint-demo-");
        try {
            PairingStore store = new PairingStore(folder.resolve("glasses-pairs.json"));
            DemoGlasses glasses = new DemoGlasses(folder, store.pair("demo-" + ProcessHandle.current().pid(), false));
            glasses.set("host", "127.0.0.1");
            glasses.set("port", "0");
            glasses.set("pairingFile", store.file().toString());
            // one wearer typing (or a script) is no flood: the demo does not need the per-glasses rate limit
            glasses.set("ratePerSecond", "10000");
            glasses.set("burst", "10000");
            return glasses;
        } catch (IOException | RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    private void set(String key, String value) {
        String name = "glint.bridge." + key;
        previous.put(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    String identity() {
        return pair.identity();
    }

    /**
     * The demo's lines over the bridge, once it listens; if it does not within {@link #BRIDGE_WAIT} (no bridge
     * bundle, say), straight to the Assistant, with the reason on stderr.
     */
    Turns connect(Hub hub, Assistant assistant) throws InterruptedException {
        long start = System.nanoTime();
        InetSocketAddress address = awaitBridge(hub, BRIDGE_WAIT);
        if (address == null) {
            System.err.println("Glint demo: the glasses bridge did not start (the log above says why); the demo talks "
                    + "to the hub directly");
            return Turns.direct(assistant);
        }
        GlassesClient client = new GlassesClient(address, pair.identity(), pair.key(), TIMEOUT);
        try {
            // the DTLS handshake now, so that the first line's time is the line's own
            client.currentNotification();
        } catch (IOException e) {
            System.err.println("Glint demo: " + e.getMessage());
        }
        System.err.println("Glint demo: speaking as paired glasses \"" + pair.identity() + "\" over coaps://"
                + address.getHostString() + ":" + address.getPort() + " (connected in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms)");
        connected = new Glasses(client);
        return connected;
    }

    /** The address of the framework's bridge (any class space: the launcher has its own copy of the bridge jar). */
    static InetSocketAddress awaitBridge(Hub hub, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            try {
                ServiceReference<?>[] refs = hub.context().getAllServiceReferences(BridgeEndpoint.class.getName(),
                        null);
                if (refs != null && refs.length > 0) {
                    Object host = refs[0].getProperty(BridgeEndpoint.HOST);
                    Object port = refs[0].getProperty(BridgeEndpoint.PORT);
                    if (host != null && port instanceof Integer p) {
                        String h = host.toString();
                        return new InetSocketAddress(h.equals("0.0.0.0") || h.equals("::") ? "127.0.0.1" : h, p);
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Closes the glasses' connection, removes the pairing and restores the properties. */
    @Override
    public void close() {
        if (connected != null) {
            connected.close();
        }
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        deleteTree(folder);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }

    /** Each line as one utterance over CoAP/DTLS; the answer read back into the hub's {@link Response}. */
    static final class Glasses implements Turns {
        private final GlassesClient client;

        Glasses(GlassesClient client) {
            this.client = client;
        }

        @Override
        public Response say(String text) {
            String lang = SayCommand.language(text);
            try {
                UtteranceReply reply = client.say(new UtteranceRequest(text, lang, null, null,
                        System.currentTimeMillis()), Protocol.JSON);
                return response(reply, text, lang, client.identity());
            } catch (GlassesException e) {
                // the bridge refused the line (e.g. too long for a command): say why, as the glasses would
                return new Response(ResponseStatus.FAILED, (FailureCode) null, "The hub refused that: "
                        + e.getMessage(), null, null, null);
            } catch (IOException e) {
                return new Response(ResponseStatus.FAILED, (FailureCode) null, "Glint failed to handle that: "
                        + e.getMessage(), null, null, null);
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** The protocol's answer as the hub's own {@link Response} (the skill that answered is not part of it). */
    static Response response(UtteranceReply r, String text, String lang, String wearer) {
        ResponseStatus status = enumOr(ResponseStatus.class, r.status(), ResponseStatus.FAILED);
        FailureCode code = r.code() == null ? null : enumOr(FailureCode.class, r.code(), null);
        Card card = r.card() == null ? null : Card.of(r.card().title(), r.card().lines() == null ? List.of()
                : r.card().lines());
        Intent intent = null;
        if (r.intent() != null) {
            Intent.Builder b = Intent.builder(r.intent()).lang(lang).text(text).wearer(wearer);
            if (r.slotDetails() != null) {
                r.slotDetails().forEach((name, s) -> b.slot(slot(name, s)));
            } else if (r.slots() != null) {
                r.slots().forEach((name, value) -> b.slot(Slot.of(name, "text", value == null ? "" : value, value)));
            }
            intent = b.build();
        }
        return new Response(status, code, r.speech() == null ? "" : r.speech(), card, intent, null);
    }

    private static Slot slot(String name, SlotMessage s) {
        return new Slot(name, s.type() == null ? "text" : s.type(), s.raw() == null ? "" : s.raw(), s.value(),
                s.candidates());
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }
}
