package io.glint.core.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;

/**
 * One {@link Devices} per bundle that uses it (bundle scope), so every command is checked against the grants of
 * the skill bundle that sends it: a skill cannot borrow another's rights.
 */
@Component(service = Devices.class, scope = ServiceScope.BUNDLE)
public class ScopedDevices implements Devices {
    private final Registry registry;
    private final GrantTable grants;
    private final long bundleId;
    private final String caller;

    @Activate
    public ScopedDevices(@Reference Registry registry, @Reference GrantTable grants, ComponentContext context) {
        this(registry, grants, context.getUsingBundle());
    }

    private ScopedDevices(Registry registry, GrantTable grants, Bundle user) {
        this(registry, grants, user == null ? -1 : user.getBundleId(),
                user == null ? "An unknown bundle" : "The skill " + user.getSymbolicName());
    }

    public ScopedDevices(Registry registry, GrantTable grants, long bundleId, String caller) {
        this.registry = registry;
        this.grants = grants;
        this.bundleId = bundleId;
        this.caller = caller;
    }

    @Override
    public List<Device> all() {
        return registry.all();
    }

    @Override
    public Optional<Device> get(String id) {
        return registry.get(id);
    }

    @Override
    public List<Room> rooms() {
        return registry.rooms();
    }

    @Override
    public Optional<Room> room(String id) {
        return registry.room(id);
    }

    @Override
    public List<Device> inRoom(String roomId) {
        return registry.all().stream().filter(d -> roomId.equals(d.room())).toList();
    }

    @Override
    public List<Device> with(Capability capability, String roomId) {
        return registry.all().stream()
                .filter(d -> d.has(capability) && (roomId == null || roomId.equals(d.room()))).toList();
    }

    @Override
    public CommandResult execute(String deviceId, Command command) {
        return registry.execute(deviceId, command, grants.of(bundleId), caller);
    }

    @Override
    public List<CommandResult> executeAll(Collection<String> deviceIds, Command command) {
        return registry.executeAll(deviceIds, command, grants.of(bundleId), caller);
    }

    @Override
    public long revision() {
        return registry.revision();
    }
}
