package io.glint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.DeviceChange;
import io.glint.api.skill.Intent;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

/** Changes devices report after the hub has answered, as devices behind a broker do, still belong to the turn. */
class ChangeRecorderTest {
    private static final DeviceChange ON = new DeviceChange("kitchen.light", "on", false, true);
    private static final DeviceChange BRIGHT = new DeviceChange("kitchen.light", "brightness", 30, 55);

    private final ChangeRecorder recorder = new ChangeRecorder();
    private final ScheduledExecutorService device = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        device.shutdownNow();
    }

    @Test
    void reports_arriving_after_the_answer_are_waited_for_until_they_stop() throws Exception {
        recorder.begin();
        device.schedule(() -> recorder.deviceChanged(ON), 50, TimeUnit.MILLISECONDS);
        device.schedule(() -> recorder.deviceChanged(BRIGHT), 70, TimeUnit.MILLISECONDS);
        List<DeviceChange> changes = recorder.endAfterReports(Duration.ofSeconds(2), Duration.ofMillis(100),
                Duration.ofSeconds(3));
        assertEquals(List.of(ON, BRIGHT), changes);
        recorder.deviceChanged(new DeviceChange("kitchen.light", "on", true, false));
        assertEquals(List.of(), recorder.end(), "nothing is recorded after the turn");
    }

    @Test
    void when_nothing_changes_it_gives_up_after_the_first_window_and_never_waits_past_the_longest() throws Exception {
        recorder.begin();
        long started = System.nanoTime();
        assertEquals(List.of(), recorder.endAfterReports(Duration.ofMillis(150), Duration.ofMillis(50),
                Duration.ofSeconds(3)));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs >= 140 && tookMs < 1_000, "gave up after " + tookMs + " ms");

        recorder.begin();
        var chatty = device.scheduleAtFixedRate(() -> recorder.deviceChanged(ON), 0, 10, TimeUnit.MILLISECONDS);
        started = System.nanoTime();
        List<DeviceChange> changes = recorder.endAfterReports(Duration.ofSeconds(1), Duration.ofMillis(50),
                Duration.ofMillis(300));
        chatty.cancel(false);
        tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs >= 290 && tookMs < 1_000, "a device that never stops reporting ends the turn at the"
                + " longest: " + tookMs + " ms");
        assertTrue(changes.size() >= 2, changes.size() + " changes");
    }

    @Test
    void a_turn_of_the_demo_shows_what_the_device_reported_after_the_answer() {
        Assistant assistant = new Assistant() {
            @Override
            public Response handle(Utterance utterance) {
                // The broker took the command; the light says it is on a moment later.
                device.schedule(() -> recorder.deviceChanged(ON), 30, TimeUnit.MILLISECONDS);
                return new Response(ResponseStatus.DONE, null, "Turned on the kitchen light.", null,
                        Intent.builder("light.turn_on").text(utterance.text()).build(), "io.glint.skill.lights");
            }

            @Override
            public Optional<Intent> understand(Utterance utterance) {
                return Optional.empty();
            }

            @Override
            public Set<String> intents() {
                return Set.of();
            }
        };
        Turn turn = new Conversation(assistant, recorder, t -> { }).say("turn on the kitchen light");
        assertEquals(List.of(ON), turn.changes());
        assertTrue(turn.millis() < 30, "the time is the hub's answer, not the wait: " + turn.millis() + " ms");
    }
}
