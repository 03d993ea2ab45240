package io.glint.driver.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.driver.mqtt.internal.MqttDriver;
import io.glint.driver.mqtt.internal.MqttDriverConfig;
import io.glint.moquette.EmbeddedBroker;

/**
 * The demo's path: the default home simulated on the embedded broker, discovered by the real MQTT driver (named by
 * the same home file), must be the home the in-memory simulation announces — same devices, names, aliases, rooms,
 * capabilities and state — and commands must come back as state the devices report.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttHomeDiscoveryTest {
    private static final long WAIT_MS = 10_000;

    @TempDir
    Path folder;

    private EmbeddedBroker broker;
    private MqttSimulation simulation;
    private MqttDriver driver;
    private VirtualDriver memory;
    private final RecordingRegistry overMqtt = new RecordingRegistry();
    private final RecordingRegistry inMemory = new RecordingRegistry();

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (simulation != null) {
            simulation.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (memory != null) {
            memory.deactivate();
        }
    }

    @Test
    void the_default_home_over_mqtt_is_the_home_in_memory_and_answers_commands() throws Exception {
        Path homeFile = folder.resolve("home.json");
        try (InputStream in = HomeParser.class.getClassLoader().getResourceAsStream(HomeParser.DEFAULT_HOME)) {
            Files.write(homeFile, in.readAllBytes());
        }
        broker = EmbeddedBroker.start(0);
        simulation = new MqttSimulation(new HomeParser("virtual").parseFile(homeFile), broker.uri(),
                Duration.ofMillis(200));
        simulation.start();
        driver = new MqttDriver(overMqtt, broker, config(homeFile.toString()));
        memory = new VirtualDriver(inMemory, "", "virtual", Duration.ofSeconds(1));

        int total = inMemory.devices.size();
        assertEquals(21, total);
        await("every device discovered and online", () -> overMqtt.devices.size() == total
                && overMqtt.devices.values().stream().allMatch(d -> d.availability() == Availability.ONLINE));
        // a device is discovered from its description; its state follows in messages of its own
        await("every device's state reported", () -> inMemory.devices.values().stream()
                .allMatch(d -> expectedState(d).equals(overMqtt.device(d.id()).state())));
        assertEquals(Map.copyOf(roomsById(inMemory)), Map.copyOf(roomsById(overMqtt)), "rooms, with their aliases");
        for (Device expected : inMemory.devices.values()) {
            Device got = overMqtt.device(expected.id());
            String id = expected.id();
            assertEquals(expected.name(), got.name(), id);
            assertEquals(expected.aliases(), got.aliases(), id);
            assertEquals(expected.room(), got.room(), id);
            assertEquals(expected.type(), got.type(), id);
            assertEquals(expected.capabilities(), got.capabilities(), id);
            assertEquals("mqtt", got.driver(), id);
            assertEquals(expectedState(expected), got.state(), id);
        }

        run("kitchen.light", Command.brightness(30));
        await("kitchen light at 30 %", () -> Integer.valueOf(30).equals(overMqtt.device("kitchen.light")
                .state(Attributes.BRIGHTNESS)) && Boolean.TRUE.equals(overMqtt.device("kitchen.light")
                        .state(Attributes.ON)));
        run("living_room.light", Command.color("blue"));
        await("living room light blue", () -> "#0000ff".equals(overMqtt.device("living_room.light")
                .state(Attributes.COLOR)));
        run("bedroom.bedside_lamp", Command.colorTemperature(2700));
        await("warm white", () -> Integer.valueOf(2700).equals(overMqtt.device("bedroom.bedside_lamp")
                .state(Attributes.COLOR_TEMPERATURE)));
        run("hallway.front_door_lock", Command.unlock());
        await("unlocked", () -> Boolean.FALSE.equals(overMqtt.device("hallway.front_door_lock")
                .state(Attributes.LOCKED)));
        run("garage.door", Command.coverPosition(100));
        await("garage open", () -> Integer.valueOf(100).equals(overMqtt.device("garage.door")
                .state(Attributes.POSITION)));
        run("living_room.air_conditioner", Command.targetTemperature(25));
        await("AC at 25 °C", () -> Double.valueOf(25).equals(overMqtt.device("living_room.air_conditioner")
                .state(Attributes.TARGET_TEMPERATURE)));
        run("living_room.vacuum", Command.startVacuum("kitchen"));
        await("vacuum in the kitchen", () -> "cleaning".equals(overMqtt.device("living_room.vacuum")
                .state(Attributes.VACUUM_STATE)) && "kitchen".equals(overMqtt.device("living_room.vacuum")
                        .state(Attributes.VACUUM_ROOM)));
        run("living_room.speaker", Command.play("jazz"));
        await("jazz", () -> "jazz".equals(overMqtt.device("living_room.speaker").state(Attributes.PLAYING)));
        run("living_room.tv", Command.volume(0));
        await("TV muted", () -> Integer.valueOf(0).equals(overMqtt.device("living_room.tv").state(Attributes.VOLUME)));
        run("kitchen.coffee_machine", Command.brew("flat white"));
        await("brewing", () -> "flat white".equals(overMqtt.device("kitchen.coffee_machine")
                .state(Attributes.BREWING)));
    }

    private void run(String id, Command command) throws Exception {
        CommandResult r = driver.execute(overMqtt.device(id), command, Instant.now().plusSeconds(2))
                .toCompletableFuture().get(3, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.toString());
    }

    private static Map<String, io.glint.api.device.Room> roomsById(RecordingRegistry r) {
        Map<String, io.glint.api.device.Room> rooms = new HashMap<>();
        r.rooms.forEach(room -> rooms.put(room.id(), room));
        return rooms;
    }

    /** The driver's configuration as ConfigAdmin would give it: every default, this home file, no broker URI. */
    private static MqttDriverConfig config(String homeFile) {
        return (MqttDriverConfig) Proxy.newProxyInstance(MqttDriverConfig.class.getClassLoader(),
                new Class<?>[] {MqttDriverConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("homeFile")) {
                        return homeFile;
                    }
                    if (method.getName().equals("clientId")) {
                        return "glint-test";
                    }
                    return defaultOf(method);
                });
    }

    private static Object defaultOf(Method method) {
        if (method.getName().equals("annotationType")) {
            return MqttDriverConfig.class;
        }
        Object d = method.getDefaultValue();
        if (d == null) {
            throw new UnsupportedOperationException(method.getName());
        }
        return d;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT_MS + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The in-memory device's state as a real device reports it: a bulb reports colours as colours, not names. */
    private static Map<String, Object> expectedState(Device expected) {
        Map<String, Object> state = new HashMap<>(expected.state());
        if (state.get(Attributes.COLOR) instanceof String name) {
            state.put(Attributes.COLOR, Colours.toHex(name));
        }
        return state;
    }
}
