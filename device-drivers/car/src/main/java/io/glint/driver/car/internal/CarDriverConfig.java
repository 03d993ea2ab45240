package io.glint.driver.car.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Glint cars",
        description = "Cars that publish COVESA VSS signals over MQTT: <base>/<car>/current/<path> and take"
                + " <base>/<car>/target/<path>.")
public @interface CarDriverConfig {

    @AttributeDefinition(name = "Cars", required = false,
            description = "The cars' names as they appear in the topics (one topic level each), e.g. model3.")
    String[] cars() default {};

    @AttributeDefinition(name = "Other names", required = false,
            description = "Other names people call a car, per car: CAR=ALIAS|ALIAS, e.g. car=车|汽车 (the first name"
                    + " in Chinese characters is how the hub says it in Chinese).")
    String[] aliases() default {};

    @AttributeDefinition(name = "Base topic", description = "The first topic level of the VSS topics.")
    String baseTopic() default "vss";

    @AttributeDefinition(name = "Broker URI", required = false,
            description = "tcp://host:1883 of the broker the cars are on. Empty: the hub's embedded broker.")
    String brokerUri() default "";

    @AttributeDefinition(name = "Client id", description = "MQTT client id; must be unique on the broker.")
    String clientId() default "glint-hub-cars";

    @AttributeDefinition(name = "User name", required = false, description = "Empty: connect anonymously.")
    String username() default "";

    @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "Confirmation timeout (ms)",
            description = "How long a car may take to confirm an actuation by its current value.", min = "100",
            max = "60000")
    long confirmTimeoutMs() default 3000;
}
