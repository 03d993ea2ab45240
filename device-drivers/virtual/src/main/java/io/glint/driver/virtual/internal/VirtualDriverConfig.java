package io.glint.driver.virtual.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

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
}
