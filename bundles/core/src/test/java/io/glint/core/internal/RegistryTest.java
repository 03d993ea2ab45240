package io.glint.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceChange;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.skill.FailureCode;

class RegistryTest {
    private static final Set<Capability> LIGHTS = EnumSet.of(Capability.ON_OFF, Capability.BRIGHTNESS);
    private Registry registry;
    private final List<DeviceChange> changes = new ArrayList<>();

    /** A driver that applies commands at once, or never answers, or throws, as the device id says. */
    private final DeviceDriver driver = new DeviceDriver() {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline) {
            if (device.id().startsWith("silent")) {
                return new CompletableFuture<>();
            }
            if (device.id().startsWith("broken")) {
                throw new IllegalStateException("serial port closed");
            }
            registry.updateState(device.id(), Map.of(command.attribute(), command.value()));
            return CompletableFuture.completedFuture(CommandResult.ok(device.id()));
        }
    };

    @BeforeEach
    void setUp() {
        registry = new Registry(Duration.ofMillis(200));
        registry.addDriver(driver);
        registry.addListener(changes::add);
        registry.defineRoom(new Room("kitchen", "kitchen", List.of()));
        for (String id : List.of("kitchen.light", "silent.light", "broken.light")) {
            registry.announce(Device.builder(id).name(id.replace('.', ' ')).room("kitchen").type(DeviceType.LIGHT)
                    .capability(Capability.ON_OFF, Capability.BRIGHTNESS).state(Attributes.ON, false)
                    .availability(Availability.ONLINE, null).driver("test").build());
        }
    }

    @Test
    void a_command_reaches_the_driver_and_the_change_is_reported() {
        CommandResult r = registry.execute("kitchen.light", Command.turnOn(), LIGHTS, "test");
        assertTrue(r.ok(), r.toString());
        assertEquals(true, registry.get("kitchen.light").orElseThrow().state(Attributes.ON));
        assertEquals(List.of(new DeviceChange("kitchen.light", Attributes.ON, false, true)), changes);
    }

    @Test
    void a_capability_outside_the_grants_is_not_allowed_and_nothing_changes() {
        CommandResult r = registry.execute("kitchen.light", Command.turnOn(), Set.of(Capability.COLOR), "The skill x");
        assertEquals(FailureCode.NOT_ALLOWED, r.code());
        assertTrue(r.reason().contains("The skill x is not allowed to use ON_OFF"), r.reason());
        assertTrue(changes.isEmpty());
    }

    @Test
    void a_capability_the_device_lacks_is_not_supported() {
        CommandResult r = registry.execute("kitchen.light", Command.lock(), EnumSet.allOf(Capability.class), "t");
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
    }

    @Test
    void an_unknown_device_is_no_device() {
        assertEquals(FailureCode.NO_DEVICE, registry.execute("garden.gnome", Command.turnOn(), LIGHTS, "t").code());
    }

    @Test
    void a_device_that_does_not_answer_fails_by_the_deadline_with_a_sentence() {
        long start = System.nanoTime();
        CommandResult r = registry.execute("silent.light", Command.turnOn(), LIGHTS, "t");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.reason().contains("did not answer within 0.2 s"), r.reason());
        assertTrue(ms < 2000, "took " + ms + " ms");
    }

    @Test
    void a_driver_that_throws_becomes_an_unreachable_result() {
        CommandResult r = registry.execute("broken.light", Command.turnOn(), LIGHTS, "t");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.reason().contains("serial port closed"), r.reason());
    }

    @Test
    void executing_on_many_devices_reports_each_in_order() {
        List<CommandResult> results = registry.executeAll(List.of("kitchen.light", "silent.light"), Command.turnOn(),
                LIGHTS, "t");
        assertTrue(results.get(0).ok());
        assertFalse(results.get(1).ok());
        assertEquals("silent.light", results.get(1).deviceId());
    }

    @Test
    void offline_devices_fail_at_once_with_the_reason() {
        registry.updateAvailability("kitchen.light", Availability.OFFLINE, "the bridge lost power");
        CommandResult r = registry.execute("kitchen.light", Command.turnOn(), LIGHTS, "t");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.reason().contains("offline: the bridge lost power"), r.reason());
    }

    @Test
    void a_driver_going_away_takes_its_devices_offline() {
        registry.removeDriver(driver);
        assertEquals(Availability.OFFLINE, registry.get("kitchen.light").orElseThrow().availability());
        assertEquals(FailureCode.DEVICE_UNREACHABLE,
                registry.execute("kitchen.light", Command.turnOn(), LIGHTS, "t").code());
    }

    @Test
    void the_revision_changes_with_names_not_with_state() {
        long before = registry.revision();
        registry.updateState("kitchen.light", Map.of(Attributes.ON, true));
        assertEquals(before, registry.revision());
        registry.announce(registry.get("kitchen.light").orElseThrow().toBuilder().name("pantry light").build());
        assertNotEquals(before, registry.revision());
    }

    @Test
    void a_failing_listener_does_not_stop_the_others() {
        List<DeviceChange> seen = new ArrayList<>();
        registry.addListener(c -> {
            throw new IllegalStateException("listener bug");
        });
        registry.addListener(seen::add);
        registry.updateState("kitchen.light", Map.of(Attributes.BRIGHTNESS, 40));
        assertEquals(1, seen.size());
    }
}
