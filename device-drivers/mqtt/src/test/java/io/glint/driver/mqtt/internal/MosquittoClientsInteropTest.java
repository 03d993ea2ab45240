package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Device;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.driver.mqtt.internal.z2m.Z2mDevices;
import io.glint.testing.Mosquitto;

/**
 * The driver with Mosquitto's own command-line clients on the other side of a real broker, and the hub's voice
 * path on this side: zigbee2mqtt and Homie discovery from retained messages {@code mosquitto_pub -r} left on the
 * broker, what a spoken command publishes as {@code mosquitto_sub} sees it, state from {@code mosquitto_pub}, and
 * hostile payloads that must be logged and ignored.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MosquittoClientsInteropTest {
    private static final String BASE = "zigbee2mqtt";
    private static final String HOMIE = "homie/5";
    private static final String CEILING = "z2m.0x000d6ffffe8a1c22"; // kitchen/ceiling, a dimmable IKEA bulb
    private static final String LAMP = "homie.desk-lamp";
    private static final String LAMP_DESCRIPTION = """
            {"homie":"5.0","version":1,"name":"desk lamp","nodes":{
              "light":{"name":"Lamp","type":"light","properties":{
                "on":{"datatype":"boolean","settable":true},
                "brightness":{"datatype":"integer","format":"0:100","unit":"%","settable":true}}}}}""";

    @TempDir
    Path folder;

    private Mosquitto broker;
    private CommandLineClients cli;
    private VoiceHub hub;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(Files.createDirectory(folder.resolve("broker")));
        cli = CommandLineClients.forBroker(broker.port());
        hub = new VoiceHub();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (hub != null) {
                hub.close();
            }
        } finally {
            if (cli != null) {
                cli.close();
            }
            broker.close();
        }
    }

    @Test
    void devices_are_discovered_from_retained_zigbee2mqtt_and_homie_messages_left_by_mosquitto_pub()
            throws Exception {
        publishHome();
        connect();

        int z2m = new Z2mDevices(MqttDriver.DRIVER_ID).parse(Files.readAllBytes(bridgeDevices())).size();
        TestClients.await("every device discovered", () -> hub.registry.all().size() == z2m + 1);
        Device ceiling = hub.registry.get(CEILING).orElseThrow();
        assertEquals("kitchen", ceiling.room(), "the room comes from the friendly name kitchen/ceiling");
        assertTrue(hub.registry.room("kitchen").isPresent());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), ceiling.capabilities());
        Device lamp = hub.registry.get(LAMP).orElseThrow();
        assertEquals("desk lamp", lamp.name());
        assertEquals(Set.of(Capability.ON_OFF, Capability.BRIGHTNESS), lamp.capabilities());
        TestClients.await("lamp online from its retained $state", () -> hub.registry.get(LAMP).orElseThrow().online());
    }

    @Test
    void what_is_said_arrives_at_mosquitto_sub_as_exactly_the_set_payload() throws Exception {
        publishHome();
        connect();
        TestClients.await("kitchen ceiling and desk lamp discovered",
                () -> hub.registry.get(CEILING).isPresent() && hub.registry.get(LAMP).isPresent());

        assertEquals("{\"state\":\"ON\"}", said("turn on the kitchen ceiling", BASE + "/kitchen/ceiling/set"));
        assertEquals("{\"brightness\":76}", said("dim the kitchen ceiling to 30 %", BASE + "/kitchen/ceiling/set"));
        assertEquals("{\"state\":\"OFF\"}", said("turn off the kitchen ceiling", BASE + "/kitchen/ceiling/set"));
        assertEquals("true", said("turn on the desk lamp", HOMIE + "/desk-lamp/light/on/set"));
        assertEquals("40", said("set the desk lamp to 40 %", HOMIE + "/desk-lamp/light/brightness/set"));
    }

    @Test
    void state_published_with_mosquitto_pub_updates_the_registry() throws Exception {
        publishHome();
        connect();
        TestClients.await("discovered", () -> hub.registry.get(CEILING).isPresent()
                && hub.registry.get(LAMP).isPresent());

        cli.publish(BASE + "/kitchen/ceiling", "{\"state\":\"ON\",\"brightness\":254,\"linkquality\":87}", false);
        TestClients.await("ceiling on at 100 %", () -> Boolean.TRUE.equals(state(CEILING, Attributes.ON))
                && Integer.valueOf(100).equals(state(CEILING, Attributes.BRIGHTNESS)));
        cli.publish(BASE + "/kitchen/ceiling", "{\"state\":\"OFF\"}", false);
        TestClients.await("ceiling off", () -> Boolean.FALSE.equals(state(CEILING, Attributes.ON)));

        cli.publish(HOMIE + "/desk-lamp/light/brightness", "40", true);
        cli.publish(HOMIE + "/desk-lamp/light/on", "true", true);
        TestClients.await("lamp on at 40 %", () -> Boolean.TRUE.equals(state(LAMP, Attributes.ON))
                && Integer.valueOf(40).equals(state(LAMP, Attributes.BRIGHTNESS)));
    }

    @Test
    void hostile_payloads_from_mosquitto_pub_are_logged_and_ignored_and_the_driver_keeps_working()
            throws Exception {
        publishHome();
        connect();
        TestClients.await("discovered", () -> hub.registry.get(CEILING).isPresent()
                && hub.registry.get(LAMP).isPresent());
        int devices = hub.registry.all().size();
        Path megabyte = folder.resolve("megabyte.bin");
        byte[] big = new byte[1024 * 1024];
        Arrays.fill(big, (byte) '{');
        Files.write(megabyte, big);
        // The fixture plus a device that only exposes what no one knows and a light with one unknown expose.
        ArrayNode withUnknown = (ArrayNode) new ObjectMapper().readTree(bridgeDevices().toFile());
        withUnknown.add(new ObjectMapper().readTree("""
                {"ieee_address":"0x00158d0000aaaa01","type":"EndDevice","friendly_name":"lab/teleporter",
                 "supported":true,"definition":{"model":"X1","vendor":"ACME","description":"Teleporter",
                 "exposes":[{"type":"teleport","features":[{"type":"warp","name":"state","property":"state",
                   "access":7}]},{"type":"numeric","name":"flux","property":"flux","access":1}]}}"""));
        withUnknown.add(new ObjectMapper().readTree("""
                {"ieee_address":"0x00158d0000aaaa02","type":"Router","friendly_name":"lab/lamp","supported":true,
                 "definition":{"model":"L1","vendor":"ACME","description":"Lamp with a hologram",
                 "exposes":[{"type":"hologram","features":"not even an array"},{"type":"light","features":[
                   {"type":"binary","name":"state","property":"state","access":7,"value_on":"ON",
                    "value_off":"OFF"}]}]}}"""));
        Path extended = folder.resolve("bridge-devices-unknown-exposes.json");
        Files.writeString(extended, withUnknown.toString());

        String log;
        try (LogCapture capture = new LogCapture()) {
            cli.publish(BASE + "/kitchen/ceiling", "{\"state\":", false);                      // bad JSON
            cli.publishFile(BASE + "/kitchen/ceiling", megabyte, false);                       // 1 MiB
            cli.publish(BASE + "/kitchen/ceiling", "{\"state\":42,\"brightness\":\"bright\"}", false); // wrong types
            cli.publish(BASE + "/kitchen/ceiling", "[\"ON\"]", false);                         // not an object
            cli.publishFile(BASE + "/bridge/devices", megabyte, false);                        // 1 MiB, not JSON
            cli.publish(BASE + "/bridge/devices", "{\"devices\":", false);
            cli.publishFile(BASE + "/bridge/devices", extended, false);                        // unknown exposes
            cli.publish(HOMIE + "/desk-lamp/$description", "{\"homie\":\"5.0\",", false);
            cli.publish(HOMIE + "/desk-lamp/light/brightness", "very", false);
            cli.publish(HOMIE + "/desk-lamp/light/on", "maybe", false);
            cli.publishFile(HOMIE + "/desk-lamp/light/on", megabyte, false);
            // Then a good message: once it counts, everything before it has been handled.
            cli.publish(BASE + "/kitchen/ceiling", "{\"state\":\"ON\",\"brightness\":127}", false);
            TestClients.await("the good message after the bad ones",
                    () -> Integer.valueOf(50).equals(state(CEILING, Attributes.BRIGHTNESS)));
            log = capture.text();
        }

        assertEquals(Boolean.TRUE, state(CEILING, Attributes.ON));
        assertNull(state(LAMP, Attributes.BRIGHTNESS), "nothing from the bad Homie values");
        assertNull(state(LAMP, Attributes.ON), "nothing from the bad Homie values");
        assertTrue(hub.registry.get(LAMP).isPresent(), "a bad description does not remove the device");
        assertEquals(devices + 1, hub.registry.all().size(), "only the lamp with a known expose is new");
        Device labLamp = hub.registry.get("z2m.0x00158d0000aaaa02").orElseThrow();
        assertEquals(Set.of(Capability.ON_OFF), labLamp.capabilities());
        assertTrue(hub.registry.get("z2m.0x00158d0000aaaa01").isEmpty(), "nothing to control on the teleporter");

        for (String expected : List.of(
                BASE + "/kitchen/ceiling ignored: State of kitchen/ceiling is not valid JSON",
                BASE + "/kitchen/ceiling ignored: State of kitchen/ceiling is 1048576 bytes",
                "kitchen/ceiling: state 42 ignored",
                "kitchen/ceiling: brightness \"bright\" ignored",
                BASE + "/kitchen/ceiling ignored: State of kitchen/ceiling must be a JSON object",
                BASE + "/bridge/devices ignored: bridge/devices is not valid JSON",
                "lab/teleporter exposes nothing Glint can control; skipped",
                HOMIE + "/desk-lamp/$description ignored",
                HOMIE + "/desk-lamp/light/brightness ignored",
                HOMIE + "/desk-lamp/light/on ignored")) {
            assertTrue(log.contains(expected), "log should say: " + expected + "\n--- log:\n" + log);
        }

        // And it still works both ways.
        assertEquals("{\"state\":\"OFF\"}", said("turn off the kitchen ceiling", BASE + "/kitchen/ceiling/set"));
        assertEquals("true", said("turn on the desk lamp", HOMIE + "/desk-lamp/light/on/set"));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Leaves the home on the broker as zigbee2mqtt and a Homie device would: retained. */
    private void publishHome() throws Exception {
        cli.publishFile(BASE + "/bridge/devices", bridgeDevices(), true);
        cli.publish(HOMIE + "/desk-lamp/$description", LAMP_DESCRIPTION, true);
        cli.publish(HOMIE + "/desk-lamp/$state", "ready", true);
    }

    private void connect() throws Exception {
        MqttDriver driver = hub.connect(new MqttDriver.Settings(broker.uri(), "glint-interop", "", "", BASE, true,
                2000, 2000, true, HOMIE));
        TestClients.await("connected", driver::connected);
    }

    /** Says {@code text} to the hub and returns the one payload mosquitto_sub then receives on {@code topic}. */
    private String said(String text, String topic) throws Exception {
        try (CommandLineClients.Subscriber sub = cli.subscribeOnce(topic)) {
            Response answer = hub.say(text);
            assertEquals(ResponseStatus.DONE, answer.status(), text + " → " + answer);
            return sub.payload();
        }
    }

    private Object state(String id, String attribute) {
        return hub.registry.get(id).map(d -> d.state(attribute)).orElse(null);
    }

    private Path bridgeDevices() throws IOException {
        Path file = folder.resolve("bridge-devices.json");
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("/z2m/bridge-devices.json")) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file;
    }

    /**
     * What the driver logs while it is open: slf4j-simple writes to whatever {@code System.err} is at the time,
     * so this tees it (the lines still reach the build output).
     */
    private static final class LogCapture implements AutoCloseable {
        private final PrintStream original = System.err;
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

        LogCapture() {
            PrintStream copy = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setErr(new PrintStream(new java.io.OutputStream() {
                @Override
                public synchronized void write(int b) {
                    original.write(b);
                    copy.write(b);
                }

                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    original.write(b, off, len);
                    copy.write(b, off, len);
                }
            }, true, StandardCharsets.UTF_8));
        }

        String text() {
            synchronized (captured) {
                return captured.toString(StandardCharsets.UTF_8).lines().collect(Collectors.joining("\n"));
            }
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }
}
