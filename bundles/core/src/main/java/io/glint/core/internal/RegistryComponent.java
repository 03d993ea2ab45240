package io.glint.core.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.glint.api.device.DeviceListener;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.driver.DeviceRegistry;

/** The registry as a service: drivers report into it, listeners and drivers are tracked as they come and go. */
@Component(service = {DeviceRegistry.class, Registry.class}, configurationPid = "io.glint.core.registry")
@Designate(ocd = RegistryComponent.Config.class)
public class RegistryComponent extends Registry {

    @ObjectClassDefinition(name = "Glint device registry")
    public @interface Config {
        @AttributeDefinition(description = "How long a device may take to confirm a command before the wearer hears "
                + "that it did not answer (ms, 100–30000)", min = "100", max = "30000")
        long commandTimeoutMs() default 2000;
    }

    @Activate
    public RegistryComponent(Config config) {
        super(timeout(config));
    }

    @Modified
    void modified(Config config) {
        setCommandTimeout(timeout(config));
    }

    private static Duration timeout(Config config) {
        return Duration.ofMillis(Math.max(100, Math.min(30_000, config.commandTimeoutMs())));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(DeviceDriver driver) {
        addDriver(driver);
    }

    void unbindDriver(DeviceDriver driver) {
        removeDriver(driver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(DeviceListener listener) {
        addListener(listener);
    }

    void unbindListener(DeviceListener listener) {
        removeListener(listener);
    }
}
