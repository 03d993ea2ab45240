package io.glint.driver.virtual.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Glint virtual devices",
        description = "Simulated devices for the demo and for tests, described by a JSON home file.")
public @interface VirtualDriverConfig {

    @AttributeDefinition(name = "Home file", required = false,
            description = "Path of the JSON home file (relative paths are resolved against the hub's working"
                    + " directory). Empty: the default home shipped in the bundle.")
    String homeFile() default "";

    @AttributeDefinition(name = "Driver id",
            description = "Id of this driver; every simulated device carries it. Change it only to run two"
                    + " virtual homes side by side.")
    String driverId() default "virtual";

    @AttributeDefinition(name = "Transport",
            description = "memory: the devices are announced to the hub directly (tests). mqtt: they are a simulated"
                    + " zigbee2mqtt bridge and Homie devices on the hub's embedded MQTT broker, reached through the"
                    + " MQTT driver as real ones are; each device needs a \"topic\" in the home file.",
            options = {@Option(label = "memory", value = "memory"), @Option(label = "mqtt", value = "mqtt")})
    String transport() default "memory";
}
