package io.glint.driver.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.skill.FailureCode;

class SimulatorTest {

    private static final Duration DOCKING_TIME = Duration.ofMillis(100);

    private final RecordingRegistry registry = new RecordingRegistry();
    private Simulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = new Simulator(registry, TestHomes.parse(TestHomes.SMALL), DOCKING_TIME);
        simulator.start();
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private CompletionStage<CommandResult> send(String id, Command command, Duration within) {
        return simulator.execute(registry.device(id), command, Instant.now().plus(within));
    }

    private CommandResult run(String id, Command command) throws Exception {
        return send(id, command, Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private Object state(String id, String attribute) {
        return registry.device(id).state(attribute);
    }

    @Test
    void brightness_zero_turns_the_light_off() throws Exception {
        run("kitchen.light", Command.turnOn());

        assertTrue(run("kitchen.light", Command.brightness(0)).ok());

        assertEquals(false, state("kitchen.light", Attributes.ON));
        assertEquals(0, state("kitchen.light", Attributes.BRIGHTNESS));
    }

    @Test
    void brightness_above_zero_turns_the_light_on() throws Exception {
        assertTrue(run("kitchen.light", Command.brightness(30)).ok());

        assertEquals(true, state("kitchen.light", Attributes.ON));
        assertEquals(30, state("kitchen.light", Attributes.BRIGHTNESS));
        assertEquals(Map.of(Attributes.BRIGHTNESS, 30, Attributes.ON, true),
                registry.updatesOf("kitchen.light").get(0).values());
    }

    @Test
    void turning_on_a_light_dimmed_to_zero_brings_it_back_at_full_brightness() throws Exception {
        run("kitchen.light", Command.brightness(0));

        run("kitchen.light", Command.turnOn());

        assertEquals(100, state("kitchen.light", Attributes.BRIGHTNESS));
    }

    @Test
    void turning_off_keeps_the_brightness_for_next_time() throws Exception {
        run("kitchen.light", Command.brightness(30));

        run("kitchen.light", Command.turnOff());

        assertEquals(false, state("kitchen.light", Attributes.ON));
        assertEquals(30, state("kitchen.light", Attributes.BRIGHTNESS));
    }

    @Test
    void a_colour_turns_the_light_on() throws Exception {
        run("kitchen.light", Command.color("red"));

        assertEquals("red", state("kitchen.light", Attributes.COLOR));
        assertEquals(true, state("kitchen.light", Attributes.ON));
    }

    @Test
    void a_colour_temperature_turns_the_light_on() throws Exception {
        run("kitchen.light", Command.colorTemperature(2700));

        assertEquals(2700, state("kitchen.light", Attributes.COLOR_TEMPERATURE));
        assertEquals(true, state("kitchen.light", Attributes.ON));
    }

    @Test
    void target_temperature_sets_the_set_point_and_leaves_the_measured_one() throws Exception {
        assertTrue(run("hall.thermostat", Command.targetTemperature(22.5)).ok());

        assertEquals(22.5, state("hall.thermostat", Attributes.TARGET_TEMPERATURE));
        assertEquals(20.5, state("hall.thermostat", Attributes.TEMPERATURE));
    }

    @Test
    void a_whole_number_set_point_is_reported_as_a_double_like_the_home_file() throws Exception {
        run("hall.thermostat", new Command(Capability.THERMOSTAT, Attributes.TARGET_TEMPERATURE, 23));

        assertEquals(23.0, state("hall.thermostat", Attributes.TARGET_TEMPERATURE));
    }

    @Test
    void the_measured_temperature_cannot_be_set() throws Exception {
        CommandResult r = run("hall.thermostat", new Command(Capability.THERMOSTAT, Attributes.TEMPERATURE, 30.0));

        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
        assertEquals("The thermostat measures the temperature and cannot change it; set the target temperature"
                + " instead.", r.reason());
        assertTrue(registry.updates.isEmpty());
    }

    @Test
    void cover_position_and_lock_are_set() throws Exception {
        run("blinds", Command.coverPosition(40));
        run("hall.lock", Command.unlock());

        assertEquals(40, state("blinds", Attributes.POSITION));
        assertEquals(false, state("hall.lock", Attributes.LOCKED));
    }

    @Test
    void cleaning_a_room_reports_cleaning_and_the_room() throws Exception {
        assertTrue(run("hall.vacuum", Command.startVacuum("kitchen")).ok());

        assertEquals("cleaning", state("hall.vacuum", Attributes.VACUUM_STATE));
        assertEquals("kitchen", state("hall.vacuum", Attributes.VACUUM_ROOM));
    }

    @Test
    void a_room_named_by_its_alias_is_cleaned_by_id() throws Exception {
        run("hall.vacuum", Command.startVacuum("厨房"));

        assertEquals("kitchen", state("hall.vacuum", Attributes.VACUUM_ROOM));
    }

    @Test
    void cleaning_everywhere_leaves_the_room_empty() throws Exception {
        run("hall.vacuum", Command.startVacuum("kitchen"));

        run("hall.vacuum", Command.startVacuum(null));

        assertEquals("cleaning", state("hall.vacuum", Attributes.VACUUM_STATE));
        assertEquals("", state("hall.vacuum", Attributes.VACUUM_ROOM));
    }

    @Test
    void cleaning_an_unknown_room_is_an_invalid_value() throws Exception {
        CommandResult r = run("hall.vacuum", Command.startVacuum("attic"));

        assertEquals(FailureCode.INVALID_VALUE, r.code());
        assertEquals("The robot vacuum does not know the room \"attic\"; the rooms are [kitchen, hall].", r.reason());
        assertEquals("docked", state("hall.vacuum", Attributes.VACUUM_STATE));
    }

    @Test
    void a_returning_vacuum_reports_docked_a_little_later() throws Exception {
        run("hall.vacuum", Command.startVacuum("kitchen"));

        run("hall.vacuum", Command.stopVacuum());

        assertEquals("returning", state("hall.vacuum", Attributes.VACUUM_STATE));
        awaitState("hall.vacuum", Attributes.VACUUM_STATE, "docked");
    }

    @Test
    void a_vacuum_sent_out_again_while_returning_does_not_dock() throws Exception {
        run("hall.vacuum", Command.stopVacuum());
        run("hall.vacuum", Command.startVacuum("hall"));

        Thread.sleep(DOCKING_TIME.toMillis() * 3);

        assertEquals("cleaning", state("hall.vacuum", Attributes.VACUUM_STATE));
    }

    @Test
    void playing_turns_the_tv_on() throws Exception {
        run("tv", Command.play("the news"));

        assertEquals("the news", state("tv", Attributes.PLAYING));
        assertEquals(true, state("tv", Attributes.ON));
    }

    @Test
    void playing_on_a_speaker_without_on_off_reports_only_what_plays() throws Exception {
        run("speaker", Command.play("jazz"));
        run("speaker", Command.volume(55));

        assertEquals(List.of(Map.of(Attributes.PLAYING, "jazz"), Map.of(Attributes.VOLUME, 55)),
                registry.updatesOf("speaker").stream().map(RecordingRegistry.Update::values).toList());
    }

    @Test
    void brewing_turns_the_coffee_machine_on() throws Exception {
        run("kitchen.coffee", Command.brew("espresso"));

        assertEquals("espresso", state("kitchen.coffee", Attributes.BREWING));
        assertEquals(true, state("kitchen.coffee", Attributes.ON));
    }

    @Test
    void the_change_is_in_the_registry_when_the_command_completes() throws Exception {
        // The slow light answers after 300 ms, so this check is attached before the command completes and runs
        // the moment it does.
        CompletableFuture<Object> seen = send("hall.slow_light", Command.turnOn(), Duration.ofSeconds(2))
                .thenApply(r -> state("hall.slow_light", Attributes.ON)).toCompletableFuture();

        assertEquals(true, seen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void latency_does_not_block_the_caller() {
        long start = System.nanoTime();
        CompletionStage<CommandResult> stage = send("hall.slow_light", Command.turnOn(), Duration.ofSeconds(2));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(tookMs < 200, "execute took " + tookMs + " ms");
        assertFalse(stage.toCompletableFuture().isDone());
    }

    @Test
    void a_device_without_the_capability_fails_not_supported_at_once() {
        CompletableFuture<CommandResult> f = send("kitchen.plug", Command.brightness(50), Duration.ofSeconds(2))
                .toCompletableFuture();

        assertTrue(f.isDone());
        CommandResult r = f.join();
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
        assertEquals("The kettle plug cannot be dimmed or brightened.", r.reason());
        assertTrue(registry.updates.isEmpty());
    }

    @Test
    void a_value_out_of_range_fails_invalid_value() throws Exception {
        CommandResult r = run("kitchen.light", new Command(Capability.BRIGHTNESS, Attributes.BRIGHTNESS, 140));

        assertEquals(FailureCode.INVALID_VALUE, r.code());
        assertEquals("The kitchen light cannot take that: brightness must be a whole number from 0 to 100%, not 140.",
                r.reason());
        assertEquals(50, state("kitchen.light", Attributes.BRIGHTNESS));
    }

    @Test
    void a_device_that_does_not_answer_fails_unreachable_within_the_deadline_and_never_changes_state()
            throws Exception {
        long start = System.nanoTime();

        CommandResult r = send("hall.porch_light", Command.turnOn(), Duration.ofSeconds(2)).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.reason().startsWith("The porch light did not answer"), r.reason());
        assertTrue(tookMs >= 90 && tookMs < 2000, "failed after " + tookMs + " ms; its latency is 100 ms");
        assertTrue(registry.updates.isEmpty());
        assertEquals(false, simulator.state("hall.porch_light").get(Attributes.ON));
    }

    @Test
    void a_silent_device_without_latency_gives_up_at_the_deadline() throws Exception {
        long start = System.nanoTime();

        CommandResult r = send("hall.dead_light", Command.turnOn(), Duration.ofMillis(200)).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(tookMs >= 150 && tookMs < 1000, "failed after " + tookMs + " ms; the deadline was 200 ms");
        assertTrue(registry.updates.isEmpty());
    }

    @Test
    void an_answer_that_would_come_after_the_deadline_fails_and_never_reaches_the_device() throws Exception {
        CommandResult r = send("hall.slow_light", Command.turnOn(), Duration.ofMillis(100)).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.reason().matches("The slow light did not answer within \\d+ ms\\."), r.reason());
        Thread.sleep(400); // past the device's 300 ms latency
        assertTrue(registry.updates.isEmpty());
        assertEquals(false, simulator.state("hall.slow_light").get(Attributes.ON));
    }

    @Test
    void a_command_whose_deadline_has_passed_fails_at_once() {
        CompletableFuture<CommandResult> f = simulator.execute(registry.device("kitchen.light"), Command.turnOn(),
                Instant.now().minusMillis(1)).toCompletableFuture();

        assertTrue(f.isDone());
        assertEquals(FailureCode.DEVICE_UNREACHABLE, f.join().code());
    }

    @Test
    void a_cancelled_command_never_reaches_the_device() throws Exception {
        send("hall.slow_light", Command.turnOn(), Duration.ofSeconds(2)).toCompletableFuture().cancel(false);

        Thread.sleep(500);

        assertTrue(registry.updates.isEmpty());
        assertEquals(false, simulator.state("hall.slow_light").get(Attributes.ON));
    }

    @Test
    void stopping_fails_commands_in_flight_and_withdraws_every_device() throws Exception {
        CompletableFuture<CommandResult> inFlight = send("hall.slow_light", Command.turnOn(), Duration.ofSeconds(2))
                .toCompletableFuture();

        simulator.stop();

        CommandResult r = inFlight.get(1, TimeUnit.SECONDS);
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("The slow light did not answer: the virtual driver stopped.", r.reason());
        assertEquals(12, registry.withdrawn.size());
        assertTrue(registry.devices.isEmpty());
        Thread.sleep(400);
        assertTrue(registry.updates.isEmpty());
        simulator.stop(); // a second stop (deactivation racing a reconfiguration) withdraws nothing twice
        assertEquals(12, registry.withdrawn.size());
    }

    @Test
    void a_device_the_driver_does_not_have_fails_no_device() {
        Device other = Device.builder("garden.light").driver("virtual").build();

        CommandResult r = simulator.execute(other, Command.turnOn(), Instant.now().plusSeconds(1))
                .toCompletableFuture().join();

        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertTrue(r.reason().contains("\"garden.light\""), r.reason());
    }

    @Test
    void commands_from_many_threads_all_complete_and_the_registry_ends_with_the_simulated_state()
            throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int level = i % 101;
                String id = i % 2 == 0 ? "kitchen.light" : "blinds";
                Command c = id.equals("blinds") ? Command.coverPosition(level) : Command.brightness(level);
                results.add(callers.submit(() -> send(id, c, Duration.ofSeconds(5)).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)));
            }
            for (Future<CommandResult> f : results) {
                assertTrue(f.get(10, TimeUnit.SECONDS).ok());
            }
        } finally {
            callers.shutdownNow();
        }

        assertEquals(400, registry.updates.size());
        assertEquals(simulator.state("kitchen.light").get(Attributes.BRIGHTNESS),
                state("kitchen.light", Attributes.BRIGHTNESS));
        assertEquals(simulator.state("blinds").get(Attributes.POSITION), state("blinds", Attributes.POSITION));
    }

    private void awaitState(String id, String attribute, Object expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!expected.equals(state(id, attribute)) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(expected, state(id, attribute));
    }
}
