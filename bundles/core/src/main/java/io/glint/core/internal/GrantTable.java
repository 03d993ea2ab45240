package io.glint.core.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import io.glint.api.device.Capability;

/**
 * Which capabilities each bundle's skills may command, as their definitions declared. A bundle that declared
 * no skill may read the registry but command nothing.
 */
@Component(service = GrantTable.class)
public class GrantTable {
    private final Map<Long, Set<Capability>> byBundle = new ConcurrentHashMap<>();

    public Set<Capability> of(long bundleId) {
        return byBundle.getOrDefault(bundleId, Set.of());
    }

    public void set(long bundleId, Set<Capability> grants) {
        if (grants.isEmpty()) {
            byBundle.remove(bundleId);
        } else {
            byBundle.put(bundleId, Set.copyOf(EnumSet.copyOf(grants)));
        }
    }
}
