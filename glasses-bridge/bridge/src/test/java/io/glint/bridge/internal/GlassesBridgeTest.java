package io.glint.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.voice.Position;
import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.client.GlassesException;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.protocol.Codec;
import io.glint.bridge.protocol.PositionMessage;
import io.glint.bridge.protocol.Protocol;
import io.glint.bridge.protocol.UtteranceReply;
import io.glint.bridge.protocol.UtteranceRequest;

/** The bridge over real DTLS on loopback, with the Java glasses client, against the hub's real conversation. */
@Timeout(60)
class GlassesBridgeTest {
    @TempDir
    Path dir;
    DemoHome demo;
    BridgeFixture fx;
    Pair anna;
    Pair ben;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoHome();
        fx = new BridgeFixture(dir, demo.assistant);
        anna = fx.pair("anna");
        ben = fx.pair("ben");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void an_utterance_changes_the_device_and_the_answer_comes_back() throws Exception {
        assertEquals(false, demo.home.state("kitchen.light", "on"));
        UtteranceReply reply = fx.glasses(anna).say("turn on the kitchen light", "en", null);
        assertEquals("DONE", reply.status());
        assertEquals("light.turn_on", reply.intent());
        assertEquals("kitchen", reply.slots().get("room"), Codec.toJson(reply));
        assertTrue(reply.speech().toLowerCase().contains("kitchen"), reply.speech());
        assertEquals(true, demo.home.state("kitchen.light", "on"));
        assertEquals(List.of("anna"), demo.wearers, "the wearer is the DTLS identity");
    }

    @Test
    void cbor_in_cbor_out_and_accept_chooses_the_answer_format() throws Exception {
        GlassesClient glasses = fx.glasses(anna);
        UtteranceRequest request = new UtteranceRequest("把厨房的灯打开", "zh", null, "kitchen.light",
                System.currentTimeMillis());
        CoapResponse cbor = glasses.post(Protocol.UTTERANCES, Codec.write(request, Protocol.CBOR), Protocol.CBOR, -1);
        assertEquals(ResponseCode.CONTENT, cbor.getCode());
        assertEquals(Protocol.CBOR, cbor.getOptions().getContentFormat());
        UtteranceReply reply = Codec.read(cbor.getPayload(), Protocol.CBOR, UtteranceReply.class);
        assertEquals("DONE", reply.status(), reply.speech());
        assertEquals(true, demo.home.state("kitchen.light", "on"));

        UtteranceRequest off = new UtteranceRequest("turn off the kitchen light", "en", null, null,
                System.currentTimeMillis());
        CoapResponse json = glasses.post(Protocol.UTTERANCES, Codec.write(off, Protocol.CBOR), Protocol.CBOR,
                Protocol.JSON);
        assertEquals(Protocol.JSON, json.getOptions().getContentFormat());
        assertEquals("light.turn_off", Codec.read(json.getPayload(), Protocol.JSON, UtteranceReply.class).intent());
        assertEquals(false, demo.home.state("kitchen.light", "on"));
    }

    @Test
    void conversation_context_belongs_to_one_pair_of_glasses() throws Exception {
        GlassesClient a = fx.glasses(anna);
        GlassesClient b = fx.glasses(ben);
        assertEquals("DONE", a.say("turn on the floor lamp", "en", null).status());
        assertEquals(true, demo.home.state("living_room.floor_lamp", "on"));
        UtteranceReply bens = b.say("turn it off", "en", null);
        assertTrue(!"DONE".equals(bens.status()), "ben never talked about a device: " + Codec.toJson(bens));
        assertEquals(true, demo.home.state("living_room.floor_lamp", "on"));
        UtteranceReply annas = a.say("turn it off", "en", null);
        assertEquals("DONE", annas.status(), Codec.toJson(annas));
        assertEquals(false, demo.home.state("living_room.floor_lamp", "on"));
    }

    @Test
    void malformed_json_and_cbor_are_refused_with_what_is_wrong() throws Exception {
        GlassesClient g = fx.glasses(anna);
        CoapResponse json = g.post(Protocol.UTTERANCES, "{\"text\": \"turn on".getBytes(StandardCharsets.UTF_8),
                Protocol.JSON, -1);
        assertEquals(ResponseCode.BAD_REQUEST, json.getCode());
        assertTrue(json.getResponseText().startsWith("The payload is not valid JSON"), json.getResponseText());

        CoapResponse cbor = g.post(Protocol.UTTERANCES, new byte[] { (byte) 0xbf, 0x61 }, Protocol.CBOR, -1);
        assertEquals(ResponseCode.BAD_REQUEST, cbor.getCode());
        assertTrue(cbor.getResponseText().startsWith("The payload is not valid CBOR"), cbor.getResponseText());

        CoapResponse array = g.post(Protocol.UTTERANCES, "[1,2]".getBytes(StandardCharsets.UTF_8), Protocol.JSON, -1);
        assertEquals(ResponseCode.BAD_REQUEST, array.getCode());
        assertTrue(array.getResponseText().contains("must be a JSON object"), array.getResponseText());
        assertTrue(demo.wearers.isEmpty(), "nothing reached the assistant");
    }

    @Test
    void missing_and_mistyped_fields_are_all_named() throws Exception {
        GlassesClient g = fx.glasses(anna);
        CoapResponse r = g.post(Protocol.UTTERANCES, Codec.write(Map.of("lang", 7, "room", List.of()), Protocol.CBOR),
                Protocol.CBOR, -1);
        assertEquals(ResponseCode.BAD_REQUEST, r.getCode());
        String why = r.getResponseText();
        assertTrue(why.contains("\"text\" is missing"), why);
        assertTrue(why.contains("\"lang\" must be a string"), why);
        assertTrue(why.contains("\"room\" must be a string"), why);
        assertTrue(why.contains("\"ts\" is missing"), why);

        CoapResponse stale = g.post(Protocol.UTTERANCES, Codec.write(new UtteranceRequest("turn on the kitchen light",
                "fr", null, null, System.currentTimeMillis() - 600_000), Protocol.JSON), Protocol.JSON, -1);
        assertEquals(ResponseCode.BAD_REQUEST, stale.getCode());
        assertTrue(stale.getResponseText().contains("\"lang\" must be one of [en, zh]"), stale.getResponseText());
        assertTrue(stale.getResponseText().contains("600 s in the past"), stale.getResponseText());
        assertTrue(demo.wearers.isEmpty(), "nothing reached the assistant");
        assertEquals(false, demo.home.state("kitchen.light", "on"));
    }

    @Test
    void the_wearers_position_reaches_the_hub_in_json_and_cbor() throws Exception {
        GlassesClient g = fx.glasses(anna);
        UtteranceRequest json = new UtteranceRequest("turn on the kitchen light", "en", null, null,
                System.currentTimeMillis(), new PositionMessage(48.1374, 11.5755, 15.0));
        assertEquals("DONE", g.say(json, Protocol.JSON).status());
        assertEquals(new Position(48.1374, 11.5755, 15), demo.heard.get(0).position());

        String integers = "{\"text\":\"turn off the kitchen light\",\"lang\":\"en\",\"ts\":"
                + System.currentTimeMillis() + ",\"position\":{\"lat\":-33,\"lon\":151,\"accuracy\":0}}";
        CoapResponse r = g.post(Protocol.UTTERANCES, integers.getBytes(StandardCharsets.UTF_8), Protocol.JSON, -1);
        assertEquals(ResponseCode.CONTENT, r.getCode(), r.getResponseText());
        assertEquals(new Position(-33, 151, 0), demo.heard.get(1).position());

        UtteranceRequest cbor = new UtteranceRequest("把厨房的灯打开", "zh", null, null, System.currentTimeMillis(),
                new PositionMessage(31.2304, 121.4737, 40.5));
        assertEquals("DONE", g.say(cbor, Protocol.CBOR).status());
        assertEquals(new Position(31.2304, 121.4737, 40.5), demo.heard.get(2).position());

        assertEquals("DONE", g.say("turn off the kitchen light", "en", null).status());
        assertNull(demo.heard.get(3).position(), "no position sent, none assumed");
    }

    @Test
    void a_position_out_of_range_or_incomplete_is_refused_with_what_is_wrong() throws Exception {
        GlassesClient g = fx.glasses(anna);
        CoapResponse far = g.post(Protocol.UTTERANCES, Codec.write(new UtteranceRequest("turn on the kitchen light",
                "en", null, null, System.currentTimeMillis(), new PositionMessage(91.0, -200.5, -3.0)), Protocol.CBOR),
                Protocol.CBOR, -1);
        assertEquals(ResponseCode.BAD_REQUEST, far.getCode());
        String why = far.getResponseText();
        assertTrue(why.contains("\"position.lat\" is 91.0; it must be degrees north, -90 to 90"), why);
        assertTrue(why.contains("\"position.lon\" is -200.5; it must be degrees east, -180 to 180"), why);
        assertTrue(why.contains("\"position.accuracy\" is -3.0; it must be how far off the position may be, in "
                + "metres, 0 or more"), why);

        CoapResponse partial = g.post(Protocol.UTTERANCES, Codec.write(Map.of("text", "turn on the kitchen light",
                "lang", "en", "ts", System.currentTimeMillis(), "position", Map.of("lat", "48.1", "lon", 11.5)),
                Protocol.JSON), Protocol.JSON, -1);
        assertEquals(ResponseCode.BAD_REQUEST, partial.getCode());
        assertTrue(partial.getResponseText().contains("\"position.lat\" must be a number"), partial.getResponseText());
        assertTrue(partial.getResponseText().contains("\"position.accuracy\" is missing"), partial.getResponseText());

        CoapResponse flat = g.post(Protocol.UTTERANCES, Codec.write(Map.of("text", "turn on the kitchen light",
                "lang", "en", "ts", System.currentTimeMillis(), "position", "48.1374,11.5755"), Protocol.JSON),
                Protocol.JSON, -1);
        assertEquals(ResponseCode.BAD_REQUEST, flat.getCode());
        assertTrue(flat.getResponseText().contains("\"position\" must be an object {\"lat\", \"lon\", \"accuracy\"}, "
                + "got string"), flat.getResponseText());
        assertTrue(demo.wearers.isEmpty(), "nothing reached the assistant");
        assertEquals(false, demo.home.state("kitchen.light", "on"));
    }

    @Test
    void unsupported_formats_and_oversized_payloads_get_415_406_and_413() throws Exception {
        GlassesClient g = fx.glasses(anna);
        byte[] ok = Codec.write(new UtteranceRequest("turn on the kitchen light", "en", null, null,
                System.currentTimeMillis()), Protocol.JSON);
        CoapResponse text = g.post(Protocol.UTTERANCES, ok, 0, -1);
        assertEquals(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, text.getCode());
        assertTrue(text.getResponseText().contains("application/json (50) or application/cbor (60)"));

        CoapResponse xml = g.post(Protocol.UTTERANCES, ok, Protocol.JSON, 41);
        assertEquals(ResponseCode.NOT_ACCEPTABLE, xml.getCode());

        String big = "{\"text\":\"" + "a".repeat(2000) + "\",\"lang\":\"en\",\"ts\":" + System.currentTimeMillis() + "}";
        CoapResponse tooLarge = g.post(Protocol.UTTERANCES, big.getBytes(StandardCharsets.UTF_8), Protocol.JSON, -1);
        assertEquals(ResponseCode.REQUEST_ENTITY_TOO_LARGE, tooLarge.getCode());
        assertEquals(1024, tooLarge.getOptions().getSize1());
        assertTrue(demo.wearers.isEmpty(), "nothing reached the assistant");
    }

    @Test
    void a_flood_from_one_pair_is_rate_limited_while_another_is_served() throws Exception {
        GlassesClient flooder = fx.glasses(anna);
        int limited = 0;
        int served = 0;
        for (int i = 0; i < 30; i++) {
            CoapResponse r = flooder.post(Protocol.UTTERANCES, Codec.write(new UtteranceRequest("what", "en", null,
                    null, System.currentTimeMillis()), Protocol.JSON), Protocol.JSON, -1);
            if (r.getCode() == ResponseCode.TOO_MANY_REQUESTS) {
                limited++;
                assertTrue(r.getOptions().getMaxAge() >= 1);
                assertTrue(r.getResponseText().startsWith("Too many requests"), r.getResponseText());
            } else {
                served++;
            }
        }
        assertTrue(limited > 0, "30 requests in a burst of 10 must be limited");
        assertTrue(served >= 10, "the burst is served: " + served);
        UtteranceReply other = fx.glasses(ben).say("turn on the kitchen light", "en", null);
        assertEquals("DONE", other.status());
    }

    @Test
    void a_slow_skill_does_not_stall_other_glasses() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        io.glint.api.voice.Assistant real = demo.assistant;
        fx.assistant = new io.glint.api.voice.Assistant() {
            @Override
            public io.glint.api.voice.Response handle(io.glint.api.voice.Utterance u) {
                if (u.text().equals("take your time")) {
                    try {
                        release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.handle(u);
            }

            @Override
            public java.util.Optional<io.glint.api.skill.Intent> understand(io.glint.api.voice.Utterance u) {
                return real.understand(u);
            }

            @Override
            public java.util.Set<String> intents() {
                return real.intents();
            }
        };
        GlassesClient slow = new GlassesClient(fx.address(), anna.identity(), anna.key(), java.time.Duration.ofSeconds(20));
        var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return slow.say("take your time", "en", null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            long t0 = System.nanoTime();
            UtteranceReply fast = fx.glasses(ben).say("turn on the kitchen light", "en", null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("DONE", fast.status());
            assertTrue(!pending.isDone(), "the slow one is still running");
            assertTrue(ms < 3000, "answered in " + ms + " ms while the other waits");
        } finally {
            release.countDown();
            assertNotNull(pending.get(20, java.util.concurrent.TimeUnit.SECONDS));
            slow.close();
        }
    }

    @Test
    void no_assistant_yet_answers_503_with_when_to_retry() throws Exception {
        fx.assistant = null;
        GlassesException e = assertThrows(GlassesException.class,
                () -> fx.glasses(anna).say("turn on the kitchen light", "en", null));
        assertEquals("5.03", e.code());
        assertTrue(e.getMessage().contains("retry in a few seconds"), e.getMessage());
    }
}
