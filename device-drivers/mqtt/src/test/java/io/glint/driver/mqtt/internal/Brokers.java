package io.glint.driver.mqtt.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import io.glint.api.driver.DeviceRegistry;
import io.glint.driver.mqtt.internal.home.HomeFile;
import io.glint.moquette.EmbeddedBroker;
import io.glint.moquette.LocalBroker;
import io.glint.testing.Mosquitto;

/**
 * The brokers the driver's suites run against: Debian's Mosquitto (MQTT 5, a separate process) and the hub's own
 * embedded Moquette (MQTT 3.1.1, in this JVM), each on a free loopback port. With the embedded one the driver is
 * set up as in the hub when no broker is configured: {@code brokerUri} empty, the broker handed over as a
 * {@link LocalBroker}.
 */
enum Brokers {
    MOSQUITTO {
        @Override
        TestBroker start(Path folder) throws IOException, InterruptedException {
            return new MosquittoBroker(Mosquitto.start(folder));
        }
    },
    EMBEDDED {
        @Override
        TestBroker start(Path folder) throws IOException {
            return new Embedded(EmbeddedBroker.start(0));
        }
    };

    abstract TestBroker start(Path folder) throws IOException, InterruptedException;

    /** A real broker on 127.0.0.1 that a test can kill and bring back on the same port. */
    interface TestBroker extends AutoCloseable {
        String uri();

        /** Whether it speaks MQTT 3.1.1 only (the test's own clients must too). */
        boolean mqtt311();

        /** Gone at once, as a crash would leave it; its clients lose the connection. */
        void kill() throws InterruptedException;

        /** A new broker on the port of this killed one, with nothing retained. */
        TestBroker restart(Path folder) throws IOException, InterruptedException;

        @Override
        void close() throws InterruptedException;

        /** The test's clients for this broker (its address looked up each time: a restart keeps the port). */
        default TestClients clients(Supplier<String> uri) {
            return mqtt311() ? TestClients.mqtt311(uri) : new TestClients(uri);
        }

        /** The driver connected to this broker the way the hub connects to it, with these settings. */
        default MqttDriver driver(DeviceRegistry registry, MqttDriver.Settings settings, HomeFile home) {
            if (!mqtt311()) {
                return new MqttDriver(registry, settings.withBrokerUri(uri()), null, home);
            }
            String address = uri();
            LocalBroker local = new LocalBroker() {
                @Override
                public String uri() {
                    return address;
                }

                @Override
                public int port() {
                    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
                }
            };
            return new MqttDriver(registry, settings.withBrokerUri(""), local, home);
        }
    }

    private record MosquittoBroker(Mosquitto mosquitto) implements TestBroker {
        @Override
        public String uri() {
            return mosquitto.uri();
        }

        @Override
        public boolean mqtt311() {
            return false;
        }

        @Override
        public void kill() throws InterruptedException {
            mosquitto.kill();
        }

        @Override
        public TestBroker restart(Path folder) throws IOException, InterruptedException {
            return new MosquittoBroker(mosquitto.restart(folder));
        }

        @Override
        public void close() throws InterruptedException {
            mosquitto.close();
        }
    }

    private record Embedded(EmbeddedBroker broker) implements TestBroker {
        @Override
        public String uri() {
            return broker.uri();
        }

        @Override
        public boolean mqtt311() {
            return true;
        }

        @Override
        public void kill() {
            broker.close(); // drops every client at once, as a killed broker's clients see it
        }

        @Override
        public TestBroker restart(Path folder) throws IOException {
            return new Embedded(EmbeddedBroker.start(broker.port()));
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
