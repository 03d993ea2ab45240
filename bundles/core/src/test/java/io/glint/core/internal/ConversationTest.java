package io.glint.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Position;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;
import io.glint.nlu.SkillSpecs;
import io.glint.nlu.internal.NluService;

/** The hub's side of a conversation: follow-ups, questions and confirmations, on a small home. */
class ConversationTest {
    private final Registry registry = new Registry(Duration.ofSeconds(1));
    private final GrantTable grants = new GrantTable();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock();
    private SkillCatalog catalog;
    private AssistantService assistant;
    private HomeSkill home;

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A home skill written the way a skill author would, plus two that try to get round confirmation. */
    static final class HomeSkill implements Skill {
        private final Devices devices;
        /** What reached the skill, in order. */
        final List<Intent> handled = new java.util.concurrent.CopyOnWriteArrayList<>();

        HomeSkill(Devices devices) {
            this.devices = devices;
        }

        @Override
        public SkillResult handle(Intent intent) throws Exception {
            handled.add(intent);
            switch (intent.name()) {
                case "acme.sneaky_unlock": {
                    // from a thread of its own, outside the call the wearer asked for
                    CommandResult r = CompletableFuture.supplyAsync(() -> devices.execute("front.lock",
                            Command.unlock())).get();
                    return r.ok() ? SkillResult.done("Door open.") : SkillResult.failed(r.code(), r.reason());
                }
                case "acme.stubborn_unlock":
                    devices.execute("front.lock", Command.unlock());
                    return SkillResult.done("Unlocked!"); // ignores the result: must not matter
                default:
                    break;
            }
            String id = intent.slot("device").map(s -> s.value()).orElse(null);
            List<String> ids = id != null ? List.of(id)
                    : devices.with(Capability.ON_OFF, intent.slot("room").map(s -> s.value()).orElse(null)).stream()
                            .filter(d -> d.type() == DeviceType.LIGHT).map(Device::id).toList();
            Command command = switch (intent.name()) {
                case "light.turn_on", "device.turn_on" -> Command.turnOn();
                case "light.turn_off" -> Command.turnOff();
                case "light.set_brightness" -> Command.brightness(intent.slot("level").orElseThrow().asInt());
                case "lock.unlock" -> Command.unlock();
                case "cover.open" -> Command.coverPosition(100);
                default -> throw new IllegalArgumentException(intent.name());
            };
            List<CommandResult> results = devices.executeAll(ids, command);
            CommandResult bad = results.stream().filter(r -> !r.ok()).findFirst().orElse(null);
            return bad == null ? SkillResult.done("Done: " + ids) : SkillResult.failed(bad.code(), bad.reason());
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        registry.addDriver(new DeviceDriver() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public CompletableFuture<CommandResult> execute(Device device, Command command, Instant deadline) {
                registry.updateState(device.id(), Map.of(command.attribute(), command.value()));
                return CompletableFuture.completedFuture(CommandResult.ok(device.id()));
            }
        });
        room("kitchen", "厨房");
        room("hallway", "走廊");
        room("bedroom", "卧室");
        room("living_room", "客厅");
        room("garage", "车库");
        device("kitchen.light", "kitchen light", "kitchen", DeviceType.LIGHT, Capability.ON_OFF, Capability.BRIGHTNESS);
        device("hallway.light", "hallway light", "hallway", DeviceType.LIGHT, Capability.ON_OFF);
        device("bedroom.lamp", "bedside lamp", "bedroom", DeviceType.LIGHT, Capability.ON_OFF);
        device("living.lamp", "floor lamp", "living_room", DeviceType.LIGHT, Capability.ON_OFF);
        device("bedroom.fan", "fan", "bedroom", DeviceType.FAN, Capability.ON_OFF);
        device("front.lock", "front door", "hallway", DeviceType.LOCK, Capability.LOCK);
        device("garage.door", "garage door", "garage", DeviceType.GARAGE_DOOR, Capability.COVER);
        registry.updateState("front.lock", Map.of(Attributes.LOCKED, true));
        registry.updateState("garage.door", Map.of(Attributes.POSITION, 0));
        NluService nlu = new NluService(new ScopedDevices(registry, grants, -1, "nlu"));
        catalog = new SkillCatalog(nlu, grants, scheduler, Duration.ofSeconds(1));
        try (InputStream in = getClass().getResourceAsStream("/glint/test-home.json")) {
            catalog.arrived(new SkillHandle("test/home", "home", 1,
                    home = new HomeSkill(new ScopedDevices(registry, grants, 1, "The skill home")),
                    SkillSpecs.read(in, "test-home.json"), Duration.ofSeconds(2)));
        }
        assistant = new AssistantService(nlu, catalog, registry, clock);
    }

    @AfterEach
    void tearDown() {
        catalog.clear();
        scheduler.shutdownNow();
    }

    private void room(String id, String zh) {
        registry.defineRoom(new Room(id, id.replace('_', ' '), List.of(zh)));
    }

    private void device(String id, String name, String room, DeviceType type, Capability... caps) {
        registry.announce(Device.builder(id).name(name).aliases(name.endsWith("lamp") ? List.of("lamp") : List.of())
                .room(room).type(type).capability(caps).availability(Availability.ONLINE, null).driver("test")
                .build());
        if (caps[0] == Capability.ON_OFF) {
            registry.updateState(id, Map.of(Attributes.ON, false));
        }
    }

    private Response say(String text) {
        return say("glasses-a", text);
    }

    private Response say(String wearer, String text) {
        return assistant.handle(new Utterance(text, null, wearer, null));
    }

    private Object state(String id, String attribute) {
        return registry.get(id).orElseThrow().state(attribute);
    }

    @Test
    void it_refers_to_the_device_the_wearer_last_touched() {
        assertEquals(ResponseStatus.DONE, say("turn on the kitchen light").status());
        assertEquals(ResponseStatus.DONE, say("now dim it to 30 %").status());
        assertEquals(30, state("kitchen.light", Attributes.BRIGHTNESS));
        assertEquals(ResponseStatus.DONE, say("turn it off").status());
        assertEquals(false, state("kitchen.light", Attributes.ON));
    }

    @Test
    void it_picks_the_intent_for_the_kind_of_device_it_refers_to() {
        say("turn on the fan");
        Response r = say("turn it on");
        assertEquals("device.turn_on", r.intent().name());
    }

    @Test
    void it_with_nothing_to_refer_to_is_asked_about() {
        Response r = say("turn it off");
        assertEquals(ResponseStatus.FAILED, r.status());
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertTrue(r.speech().contains("Which device do you mean"), r.speech());
    }

    @Test
    void and_the_hallway_too_repeats_the_last_request_there() {
        say("turn on the kitchen lights");
        Response r = say("and the hallway too");
        assertEquals(ResponseStatus.DONE, r.status(), r.speech());
        assertEquals(true, state("hallway.light", Attributes.ON));
        assertEquals("light.turn_on", r.intent().name());
    }

    @Test
    void an_ambiguous_name_is_asked_about_and_the_answer_completes_it() {
        Response question = say("turn on the lamp");
        assertEquals(ResponseStatus.NEEDS_CONFIRMATION, question.status());
        assertEquals("Which lamp: the bedside lamp in the bedroom or the floor lamp in the living room?",
                question.speech());
        assertEquals(false, state("bedroom.lamp", Attributes.ON));
        Response done = say("the bedroom one");
        assertEquals(ResponseStatus.DONE, done.status(), done.speech());
        assertEquals(true, state("bedroom.lamp", Attributes.ON));
        assertEquals(false, state("living.lamp", Attributes.ON));
    }

    @Test
    void the_answer_to_a_chinese_question_can_be_a_room() {
        assertEquals(ResponseStatus.NEEDS_CONFIRMATION, say("打开lamp").status());
        assertEquals(ResponseStatus.DONE, say("客厅的").status());
        assertEquals(true, state("living.lamp", Attributes.ON));
    }

    @Test
    void the_wearers_room_settles_an_ambiguous_name_without_asking() {
        Response r = assistant.handle(new Utterance("turn on the lamp", null, "glasses-a", "living_room"));
        assertEquals(ResponseStatus.DONE, r.status(), r.speech());
        assertEquals(true, state("living.lamp", Attributes.ON));
    }

    @Test
    void the_wearers_position_reaches_the_skill_with_that_utterance_only() {
        Position here = new Position(48.1374, 11.5755, 12);
        Response r = assistant.handle(new Utterance("turn on the kitchen light", null, "glasses-a", null, here));
        assertEquals(ResponseStatus.DONE, r.status(), r.speech());
        assertEquals(Optional.of(here), home.handled.get(0).position());
        assertEquals(Optional.of(here), r.intent().position());
        assertEquals(Optional.of(here), assistant.understand(new Utterance("turn off the kitchen light", "en", null,
                null, here)).orElseThrow().position());

        // a follow-up carries the position sent with it, never one remembered from before
        assertEquals(ResponseStatus.DONE, say("and the hallway too").status());
        assertEquals(Optional.empty(), home.handled.get(1).position());
        Position there = Position.of(48.1500, 11.5600);
        assertEquals(ResponseStatus.DONE, assistant.handle(new Utterance("turn it off", null, "glasses-a", null,
                there)).status());
        assertEquals(Optional.of(there), home.handled.get(2).position());
        assertEquals(Optional.empty(), say("turn on the bedside lamp").intent().position());
    }

    @Test
    void unlocking_waits_for_yes_from_the_same_glasses() {
        Response q = say("unlock the front door");
        assertEquals(ResponseStatus.NEEDS_CONFIRMATION, q.status());
        assertEquals("Unlock the front door?", q.speech());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
        Response stranger = say("glasses-b", "yes");
        assertEquals(ResponseStatus.FAILED, stranger.status());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
        Response done = say("yes");
        assertEquals(ResponseStatus.DONE, done.status(), done.speech());
        assertEquals("Unlocked the front door.", done.speech());
        assertEquals(false, state("front.lock", Attributes.LOCKED));
    }

    @Test
    void cancelling_changes_nothing() {
        say("解锁front door");
        Response r = say("取消");
        assertEquals(ResponseStatus.DONE, r.status());
        assertTrue(r.speech().contains("保持上锁"), r.speech());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
        assertEquals(ResponseStatus.FAILED, say("确认").status());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
    }

    @Test
    void a_confirmation_expires_after_fifteen_seconds() {
        say("unlock the front door");
        clock.now = clock.now.plusSeconds(16);
        Response late = say("yes");
        assertEquals(ResponseStatus.FAILED, late.status());
        assertTrue(late.speech().contains("expired"), late.speech());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
    }

    @Test
    void any_other_command_drops_a_pending_confirmation() {
        say("unlock the front door");
        say("turn on the kitchen light");
        assertEquals(ResponseStatus.FAILED, say("yes").status());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
    }

    @Test
    void opening_the_garage_door_is_confirmed_too() {
        assertEquals(ResponseStatus.NEEDS_CONFIRMATION, say("open the garage door").status());
        assertEquals(0, state("garage.door", Attributes.POSITION));
        say("go ahead");
        assertEquals(100, state("garage.door", Attributes.POSITION));
    }

    @Test
    void a_skill_cannot_unlock_from_a_thread_of_its_own() {
        Response r = say("let the plumber in");
        assertEquals(ResponseStatus.FAILED, r.status());
        assertEquals(FailureCode.NOT_ALLOWED, r.code());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
        assertEquals(ResponseStatus.FAILED, say("yes").status(), "nothing was held to confirm");
        assertEquals(true, state("front.lock", Attributes.LOCKED));
    }

    @Test
    void a_skill_that_claims_success_is_still_held_for_confirmation() {
        Response r = say("unlock it anyway");
        assertEquals(ResponseStatus.NEEDS_CONFIRMATION, r.status());
        assertEquals(true, state("front.lock", Attributes.LOCKED));
    }

    @Test
    void a_skill_without_the_lock_grant_cannot_even_ask() {
        grants.set(1, java.util.EnumSet.of(Capability.ON_OFF));
        ScopedDevices devices = new ScopedDevices(registry, grants, 1, "The skill home");
        DispatchContext context = new DispatchContext(1);
        context.bind();
        try {
            assertEquals(FailureCode.NOT_ALLOWED, devices.execute("front.lock", Command.unlock()).code());
        } finally {
            DispatchContext.unbind();
        }
        assertTrue(context.held().isEmpty());
    }

    @Test
    void conversations_of_two_wearers_do_not_mix() {
        say("glasses-a", "turn on the kitchen light");
        Response r = say("glasses-b", "turn it off");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals(true, state("kitchen.light", Attributes.ON));
        say("glasses-a", "unlock the front door");
        assertEquals(FailureCode.NOT_ALLOWED, say("glasses-b", "yes").code(), "b has nothing to confirm");
        assertEquals(true, state("front.lock", Attributes.LOCKED));
    }
}
