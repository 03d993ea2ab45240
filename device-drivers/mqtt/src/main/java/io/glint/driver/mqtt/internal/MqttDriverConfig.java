package io.glint.driver.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Glint MQTT devices",
        description = "Devices behind an MQTT broker: zigbee2mqtt bridges and Homie 5 devices.")
public @interface MqttDriverConfig {

    @AttributeDefinition(name = "Broker URI", required = false,
            description = "tcp://host:1883 of the broker the devices are on, or ssl://host:8883 (also mqtts://)"
                    + " for TLS. Empty: the hub's embedded broker (see embeddedBroker).")
    String brokerUri() default "";

    @AttributeDefinition(name = "Client id",
            description = "MQTT client id of the hub; must be unique on the broker.")
    String clientId() default "glint-hub";

    @AttributeDefinition(name = "User name", required = false, description = "Empty: connect anonymously.")
    String username() default "";

    @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "Trust store", required = false,
            description = "ssl:// brokers: the CA certificate that signed the broker's certificate (PEM, e.g."
                    + " Mosquitto's cafile) or a PKCS12/JKS trust store holding it. Empty: the certificate"
                    + " authorities Java trusts.")
    String trustStorePath() default "";

    @AttributeDefinition(name = "Trust store password", required = false, type = AttributeType.PASSWORD,
            description = "Empty for a PEM file.")
    String trustStorePassword() default "";

    @AttributeDefinition(name = "Trust store type", required = false,
            description = "PEM, PKCS12 or JKS. Empty: PEM when the file is PEM, PKCS12 (or JKS) otherwise.")
    String trustStoreType() default "";

    @AttributeDefinition(name = "Client key store", required = false,
            description = "ssl:// brokers that require a client certificate: the hub's certificate and private key"
                    + " as PKCS12 (openssl pkcs12 -export -in hub.crt -inkey hub.key -out hub.p12) or JKS."
                    + " Empty: no client certificate.")
    String keyStorePath() default "";

    @AttributeDefinition(name = "Client key store password", required = false, type = AttributeType.PASSWORD,
            description = "Opens the key store and its key (both must have the same password).")
    String keyStorePassword() default "";

    @AttributeDefinition(name = "Client key store type", required = false,
            description = "PKCS12 or JKS. Empty: PKCS12.")
    String keyStoreType() default "";

    @AttributeDefinition(name = "Verify the broker's host name",
            description = "ssl:// brokers: the broker's certificate must name the host in the broker URI.")
    boolean verifyHostname() default true;

    @AttributeDefinition(name = "zigbee2mqtt base topic",
            description = "zigbee2mqtt's mqtt.base_topic.")
    String baseTopic() default "zigbee2mqtt";

    @AttributeDefinition(name = "zigbee2mqtt", description = "Discover and control zigbee2mqtt devices.")
    boolean zigbee2mqtt() default true;

    @AttributeDefinition(name = "Homie", description = "Discover and control Homie 5 devices.")
    boolean homie() default true;

    @AttributeDefinition(name = "Homie base topic",
            description = "Where Homie 5 devices publish: homie/5/<device id>/$description, $state, properties.")
    String homieBase() default "homie/5";

    @AttributeDefinition(name = "Command timeout (ms)",
            description = "How long the broker may take to acknowledge a command, at most.", min = "100")
    long commandTimeoutMs() default 2000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)",
            description = "After losing the broker the driver retries with a growing delay, up to this.",
            min = "1000")
    long reconnectMaxDelayMs() default 30000;

    @AttributeDefinition(name = "Embedded broker",
            description = "With brokerUri empty: run an MQTT broker inside the hub on 127.0.0.1 (MQTT 3.1.1, in"
                    + " memory, loopback only) and connect to it. false: no broker, MQTT devices are off.")
    boolean embeddedBroker() default true;

    @AttributeDefinition(name = "Embedded broker port", description = "The loopback port of the embedded broker.",
            min = "1", max = "65535")
    int embeddedPort() default 1883;

    @AttributeDefinition(name = "Home file", required = false,
            description = "JSON file naming MQTT devices the way people say them: rooms with their other names,"
                    + " and per device (by its topic, zigbee2mqtt/<friendly name> or homie/5/<id>) the id, name,"
                    + " aliases, room and type. The virtual driver's home file format. Empty: names come from"
                    + " zigbee2mqtt friendly names and Homie names.")
    String homeFile() default "";
}
