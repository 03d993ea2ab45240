package io.glint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glint.api.device.DeviceChange;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.bridge.pairing.PairingStore;
import io.glint.bridge.protocol.CardMessage;
import io.glint.bridge.protocol.Codec;
import io.glint.bridge.protocol.Protocol;
import io.glint.bridge.protocol.SlotMessage;
import io.glint.bridge.protocol.UtteranceReply;

class DemoGlassesTest {

    /** What the bridge sends for a response, as its UtteranceResource does. */
    private static UtteranceReply wire(Response r) {
        Map<String, String> slots = new LinkedHashMap<>();
        Map<String, SlotMessage> details = new LinkedHashMap<>();
        for (Slot s : r.intent().slots().values()) {
            slots.put(s.name(), s.value());
            details.put(s.name(), new SlotMessage(s.type(), s.raw(), s.value(), s.candidates()));
        }
        UtteranceReply reply = new UtteranceReply(r.status().name(), r.code() == null ? null : r.code().name(),
                r.speech(), new CardMessage(r.card().title(), r.card().lines()), r.intent().name(), slots, details);
        // and what the glasses read back, after the trip through JSON
        try {
            return Codec.read(Codec.write(reply, Protocol.JSON), Protocol.JSON, UtteranceReply.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_reply_over_the_bridge_prints_exactly_as_the_direct_answer() {
        Intent intent = Intent.builder("light.turn_on").lang("en").text("turn on the lamp")
                .slot(new Slot("device", "device", "lamp", null, List.of("bedroom.bedside_lamp",
                        "living_room.floor_lamp")))
                .slot(Slot.of("room", "room", "bedroom", "bedroom")).build();
        Response direct = new Response(ResponseStatus.FAILED, FailureCode.PARTIAL, "Turned on 1 of 2 lamps.",
                Card.of("Lights", "bedside lamp", "floor lamp: no answer"), intent, "io.glint.skill.lights/lights");
        Response viaBridge = DemoGlasses.response(wire(direct), "turn on the lamp", "en", "demo-1");

        List<DeviceChange> changes = List.of(new DeviceChange("bedroom.bedside_lamp", "on", false, true));
        assertEquals(Json.write(Json.turn(new Turn("turn on the lamp", direct, changes, 3.2))),
                Json.write(Json.turn(new Turn("turn on the lamp", viaBridge, changes, 3.2))));
        assertNull(viaBridge.skill(), "the protocol does not say which skill answered; the demo never printed it");
    }

    @Test
    void an_answer_without_an_intent_or_card_comes_back_as_such() {
        UtteranceReply reply = new UtteranceReply("NOT_UNDERSTOOD", null, "Sorry, I can't help with that.", null,
                null, null);
        Response r = DemoGlasses.response(reply, "sing", "en", "demo-1");
        assertEquals(ResponseStatus.NOT_UNDERSTOOD, r.status());
        assertNull(r.intent());
        assertNull(r.card());
        assertNull(r.code());
    }

    @Test
    void the_throwaway_pairing_points_the_bridge_at_a_free_loopback_port_and_is_removed_at_the_end() throws Exception {
        Path file;
        try (DemoGlasses glasses = DemoGlasses.prepare()) {
            assertEquals("0", System.getProperty("glint.bridge.port"));
            assertEquals("127.0.0.1", System.getProperty("glint.bridge.host"));
            file = Path.of(System.getProperty("glint.bridge.pairingFile"));
            assertTrue(new PairingStore(file).find(glasses.identity()).isPresent());
        }
        assertFalse(Files.exists(file), "the pairing is gone");
        assertFalse(Files.exists(file.getParent()));
        assertNull(System.getProperty("glint.bridge.port"), "the properties are as they were");
        assertNull(System.getProperty("glint.bridge.pairingFile"));
    }
}
