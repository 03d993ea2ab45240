package io.glint.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

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

    private final ComponentContext context;
    private final Set<ServiceReference<DeviceDriver>> pending = ConcurrentHashMap.newKeySet();
    private final Map<ServiceReference<DeviceDriver>, DeviceDriver> resolved = new ConcurrentHashMap<>();

    @Activate
    public RegistryComponent(Config config, ComponentContext context) {
        super(timeout(config));
        this.context = context;
    }

    @Modified
    void modified(Config config) {
        setCommandTimeout(timeout(config));
    }

    private static Duration timeout(Config config) {
        return Duration.ofMillis(Math.max(100, Math.min(30_000, config.commandTimeoutMs())));
    }

    /*
     * Drivers need the registry to announce devices, and the registry needs drivers to send commands: taking the
     * driver object while it is being activated would be a cycle. So the registry keeps the reference and takes
     * the driver object the first time a command needs it.
     */
    @Reference(name = "driver", service = DeviceDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindDriver(ServiceReference<DeviceDriver> ref) {
        pending.add(ref);
    }

    void unbindDriver(ServiceReference<DeviceDriver> ref) {
        pending.remove(ref);
        DeviceDriver driver = resolved.remove(ref);
        if (driver != null) {
            removeDriver(driver);
        }
    }

    @Override
    protected DeviceDriver driver(String id) {
        DeviceDriver driver = super.driver(id);
        if (driver == null && !pending.isEmpty()) {
            resolvePending();
            driver = super.driver(id);
        }
        return driver;
    }

    private synchronized void resolvePending() {
        for (ServiceReference<DeviceDriver> ref : List.copyOf(pending)) {
            DeviceDriver driver = context.locateService("driver", ref);
            pending.remove(ref);
            if (driver != null) {
                resolved.put(ref, driver);
                addDriver(driver);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(DeviceListener listener) {
        addListener(listener);
    }

    void unbindListener(DeviceListener listener) {
        removeListener(listener);
    }
}
