package io.glint.driver.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;

class VirtualDriverTest {

    private final RecordingRegistry registry = new RecordingRegistry();

    @Test
    void activation_announces_the_default_home_online_with_the_driver_id() throws Exception {
        VirtualDriver driver = new VirtualDriver(registry, "", "virtual", Duration.ofSeconds(1));
        try {
            assertEquals("virtual", driver.id());
            assertTrue(registry.rooms.size() >= 3);
            assertEquals(driver.simulator().deviceIds().size(), registry.devices.size());
            for (Device d : registry.devices.values()) {
                assertEquals(Availability.ONLINE, d.availability(), d.id());
                assertEquals("virtual", d.driver(), d.id());
                assertTrue(d.room() == null || registry.rooms.stream().anyMatch(r -> r.id().equals(d.room())),
                        d.id() + " is in a room nobody defined");
            }
        } finally {
            driver.deactivate();
        }
    }

    @Test
    void the_default_kitchen_light_turns_on_through_the_driver() throws Exception {
        VirtualDriver driver = new VirtualDriver(registry, "", "virtual", Duration.ofSeconds(1));
        try {
            CommandResult r = driver.execute(registry.device("kitchen.light"), Command.turnOn(),
                    Instant.now().plusSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertTrue(r.ok(), r.toString());
            assertEquals(true, registry.device("kitchen.light").state(Attributes.ON));
        } finally {
            driver.deactivate();
        }
    }

    @Test
    void deactivation_withdraws_every_device_it_announced() throws Exception {
        VirtualDriver driver = new VirtualDriver(registry, "", "virtual", Duration.ofSeconds(1));
        int announced = registry.devices.size();

        driver.deactivate();

        assertTrue(announced > 0);
        assertEquals(announced, registry.withdrawn.size());
        assertTrue(registry.devices.isEmpty());
    }

    @Test
    void a_configured_home_file_and_driver_id_are_used(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("home.json");
        Files.writeString(file, TestHomes.SMALL);

        VirtualDriver driver = new VirtualDriver(registry, file.toString(), "lab", Duration.ofSeconds(1));
        try {
            assertEquals("lab", driver.id());
            assertEquals(12, registry.devices.size());
            assertEquals("lab", registry.device("hall.porch_light").driver());
        } finally {
            driver.deactivate();
        }
    }

    @Test
    void a_bad_home_file_stops_activation_with_its_message_and_announces_nothing(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("home.json");
        Files.writeString(file, "{\"devices\": [{\"id\": \"x\", \"name\": \"x\", \"type\": \"toaster\"}]}");

        HomeFileException e = assertThrows(HomeFileException.class,
                () -> new VirtualDriver(registry, file.toString(), "virtual", Duration.ofSeconds(1)));

        assertTrue(e.getMessage().startsWith("Home file " + file.toAbsolutePath() + ": device \"x\" (devices[0]):"
                + " type \"toaster\" is not a device type"), e.getMessage());
        assertTrue(registry.devices.isEmpty());
        assertTrue(registry.rooms.isEmpty());
    }
}
