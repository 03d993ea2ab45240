package io.glint.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.skill.FailureCode;
import io.glint.testing.Mosquitto;

/**
 * The driver against a real Mosquitto with a TLS listener on loopback, with certificates made for the test by
 * {@code openssl}: server authentication, a broker that requires a client certificate, and settings or
 * certificates that cannot work, which must be refused with a reason that names what to change.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MqttTlsTest {
    private static final String BASE = "z2m";
    private static final String CEILING = "z2m.0x000d6ffffe8a1c22"; // kitchen/ceiling in the fixture
    private static final String PASSWORD = "s3cret-for-tests";

    @TempDir
    Path folder;

    private TestCertificates certificates;
    private TestCertificates.Pem ca;
    private TestCertificates.Pem server;
    private TestCertificates.Pem hub;
    private Mosquitto broker;
    private MqttDriver driver;
    private TestClients mqtt;
    private final MqttDriverTest.RecordingRegistry registry = new MqttDriverTest.RecordingRegistry();

    @BeforeEach
    void makeCertificates() throws Exception {
        certificates = TestCertificates.in(Files.createDirectory(folder.resolve("pki")));
        ca = certificates.authority("glint-test-ca");
        server = certificates.signed(ca, "broker", "IP:127.0.0.1,DNS:localhost");
        hub = certificates.signed(ca, "glint-hub", null);
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void server_authentication_with_the_brokers_ca_as_pem_discovers_and_commands_over_tls() throws Exception {
        startBroker(server, false);
        TlsSettings tls = new TlsSettings(ca.certificate().toString(), "", "", "", "", "", true);
        Device ceiling = discovered(broker.uri(), tls);

        BlockingQueue<String> set = mqtt.subscribe(BASE + "/kitchen/ceiling/set");
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.turnOn()));
        assertEquals("{\"state\":\"ON\"}", TestClients.next(set));
        mqtt.publish(BASE + "/kitchen/ceiling", "{\"state\":\"ON\",\"brightness\":254}", false);
        TestClients.await("state over TLS", () -> Integer.valueOf(100)
                .equals(registry.state(CEILING).get(io.glint.api.device.Attributes.BRIGHTNESS)));
        assertEquals(null, driver.problem());
    }

    @Test
    void a_broker_that_requires_a_client_certificate_accepts_the_hubs_key_store_and_refuses_the_hub_without()
            throws Exception {
        startBroker(server, true);
        Path trustStore = pkcs12TrustStore(ca.certificate(), PASSWORD);
        Path keyStore = certificates.pkcs12(hub, PASSWORD);
        String mqtts = "mqtts://127.0.0.1:" + broker.port(); // the usual spelling; Paho's own is ssl://

        driver = start(mqtts, new TlsSettings(trustStore.toString(), PASSWORD, "PKCS12", "", "", "", true));
        TestClients.await("the refusal explained", () -> driver.problem() != null);
        assertTrue(driver.problem().contains("client certificate") && driver.problem().contains("keyStorePath"),
                driver.problem());
        assertFalse(driver.connected());
        driver.close();
        driver = null;

        Device ceiling = discovered(mqtts, new TlsSettings(trustStore.toString(), PASSWORD, "PKCS12",
                keyStore.toString(), PASSWORD, "", true));
        BlockingQueue<String> set = mqtt.subscribe(BASE + "/kitchen/ceiling/set");
        assertEquals(CommandResult.ok(CEILING), run(ceiling, Command.brightness(50)));
        assertEquals("{\"brightness\":127}", TestClients.next(set));
    }

    @Test
    void a_trust_store_without_the_brokers_ca_fails_with_the_reason_and_devices_stay_unreachable()
            throws Exception {
        startBroker(server, false);
        TestCertificates.Pem other = certificates.authority("some-other-ca");

        driver = start(broker.uri(), new TlsSettings(other.certificate().toString(), "", "", "", "", "", true));
        TestClients.await("the failure explained", () -> driver.problem() != null);
        String problem = driver.problem();
        assertTrue(problem.contains("not trusted") && problem.contains("trustStorePath " + other.certificate()),
                problem);
        assertFalse(driver.connected());
        assertTrue(registry.announced.isEmpty(), "nothing is discovered through an untrusted broker");
        assertUnreachable();
    }

    @Test
    void a_certificate_for_another_host_is_refused_unless_host_name_checks_are_off() throws Exception {
        TestCertificates.Pem elsewhere = certificates.signed(ca, "elsewhere", "DNS:broker.example");
        startBroker(elsewhere, false);

        driver = start(broker.uri(), new TlsSettings(ca.certificate().toString(), "", "", "", "", "", true));
        TestClients.await("the failure explained", () -> driver.problem() != null);
        assertTrue(driver.problem().contains("does not name 127.0.0.1")
                && driver.problem().contains("verifyHostname"), driver.problem());
        assertFalse(driver.connected());
        driver.close();
        driver = null;

        discovered(broker.uri(), new TlsSettings(ca.certificate().toString(), "", "", "", "", "", false));
        assertTrue(driver.connected());
    }

    @Test
    void settings_that_cannot_work_are_named_with_what_to_do_and_the_driver_stays_up() throws Exception {
        startBroker(server, true);
        Path keyStore = certificates.pkcs12(hub, PASSWORD);
        String pem = ca.certificate().toString();

        assertRefused(new TlsSettings(folder.resolve("no-such-ca.pem").toString(), "", "", "", "", "", true),
                "trustStorePath", "does not exist");
        assertRefused(new TlsSettings(pem, "", "", keyStore.toString(), "wrong", "", true),
                "keyStorePassword", "does not open keyStorePath");
        assertRefused(new TlsSettings(pem, "", "", keyStore.toString(), "", "", true),
                "keyStorePassword", "it is empty");
        assertRefused(new TlsSettings(pem, "", "XYZ", "", "", "", true), "trustStoreType",
                "not a store type");
        assertRefused(new TlsSettings(pem, "", "", hub.certificate().toString(), PASSWORD, "", true),
                "keyStorePath", "is a PEM file");
        Path trustStore = pkcs12TrustStore(ca.certificate(), PASSWORD);
        assertRefused(new TlsSettings(trustStore.toString(), "wrong", "", "", "", "", true),
                "trustStorePassword", "does not open trustStorePath");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void assertRefused(TlsSettings tls, String setting, String what) throws Exception {
        driver = start(broker.uri(), tls);
        TestClients.await(setting + " refused", () -> driver.problem() != null);
        String problem = driver.problem();
        assertTrue(problem.startsWith(setting) || problem.contains(" " + setting), setting + ": " + problem);
        assertTrue(problem.contains(what), what + ": " + problem);
        assertFalse(driver.connected());
        assertUnreachable();
        driver.close();
        driver = null;
    }

    private void assertUnreachable() {
        Device lamp = Device.builder(CEILING).name("kitchen ceiling").driver(MqttDriver.DRIVER_ID).build();
        CommandResult result = driver.execute(lamp, Command.turnOn(), Instant.now().plusSeconds(2))
                .toCompletableFuture().getNow(null);
        assertNotNull(result, "answered at once");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, result.code());
    }

    private void startBroker(TestCertificates.Pem certificate, boolean requireClientCertificate) throws Exception {
        broker = Mosquitto.start(Files.createDirectory(folder.resolve("broker")), new Mosquitto.Tls(ca.certificate(),
                certificate.certificate(), certificate.key(), requireClientCertificate));
        Path keyStore = certificates.pkcs12(certificates.signed(ca, "test-client", null), PASSWORD);
        mqtt = new TestClients(broker::uri, new TlsSettings(ca.certificate().toString(), "", "",
                keyStore.toString(), PASSWORD, "", false).socketFactory());
    }

    private MqttDriver start(String uri, TlsSettings tls) {
        return new MqttDriver(registry, new MqttDriver.Settings(uri, "glint-test", "", "", BASE, true, 2000, 2000)
                .withTls(tls));
    }

    private Device discovered(String uri, TlsSettings tls) throws Exception {
        mqtt.publish(BASE + "/bridge/devices", bridgeDevices(), true);
        driver = start(uri, tls);
        TestClients.await("kitchen ceiling announced over TLS, or a problem reported",
                () -> registry.announced.containsKey(CEILING) || driver.problem() != null);
        assertEquals(null, driver.problem(), "no problem connecting over TLS");
        TestClients.await("connected", driver::connected);
        return registry.announced.get(CEILING);
    }

    private CommandResult run(Device device, Command command) throws Exception {
        return driver.execute(device, command, Instant.now().plusSeconds(2)).toCompletableFuture()
                .get(3, TimeUnit.SECONDS);
    }

    /** A PKCS12 trust store holding the CA, as keytool -importcert would make it. */
    private Path pkcs12TrustStore(Path caCertificate, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path path = folder.resolve("pki").resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password.toCharArray());
        }
        return path;
    }

    private static String bridgeDevices() throws IOException {
        try (InputStream in = MqttTlsTest.class.getResourceAsStream("/z2m/bridge-devices.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
