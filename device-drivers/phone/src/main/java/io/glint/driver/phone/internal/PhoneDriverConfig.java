package io.glint.driver.phone.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Glint phones",
        description = "Phones running the Glint companion app, which speaks MQTT under <base>/<phone-id>/"
                + " (docs/phone-protocol.md).")
public @interface PhoneDriverConfig {

    @AttributeDefinition(name = "Phones", required = false,
            description = "One entry per phone: <phone-id>=<display name>, e.g. annas-pixel=Anna's phone. The id is"
                    + " the topic level the app publishes under; without '=' the id is the name too.")
    String[] phones() default {};

    @AttributeDefinition(name = "Base topic", description = "The topic levels before the phone id.")
    String baseTopic() default "glint/phone";

    @AttributeDefinition(name = "Broker URI", required = false,
            description = "tcp://host:1883 of the broker the phones' app connects to. Empty: the hub's embedded broker.")
    String brokerUri() default "";

    @AttributeDefinition(name = "Client id", description = "MQTT client id; must be unique on the broker.")
    String clientId() default "glint-hub-phones";

    @AttributeDefinition(name = "User name", required = false, description = "Empty: connect anonymously.")
    String username() default "";

    @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "Acknowledgement timeout (ms)",
            description = "How long the app may take to answer a command (call, message, ring).", min = "100",
            max = "60000")
    long confirmTimeoutMs() default 4000;
}
