package io.glint.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
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
import io.glint.api.skill.FailureCode;

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
        CommandResult screened = screen(deviceId, command);
        return screened != null ? screened : registry.execute(deviceId, command, grants.of(bundleId), caller);
    }

    @Override
    public List<CommandResult> executeAll(Collection<String> deviceIds, Command command) {
        List<CommandResult> results = new ArrayList<>(Collections.nCopies(deviceIds.size(), null));
        List<String> send = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        int i = 0;
        for (String id : deviceIds) {
            CommandResult screened = screen(id, command);
            if (screened != null) {
                results.set(i, screened);
            } else {
                send.add(id);
                where.add(i);
            }
            i++;
        }
        List<CommandResult> sent = registry.executeAll(send, command, grants.of(bundleId), caller);
        for (int k = 0; k < sent.size(); k++) {
            results.set(where.get(k), sent.get(k));
        }
        return results;
    }

    /**
     * Notes the device as touched by the current call, and holds a sensitive command for the wearer's "yes":
     * the hub carries it out after confirmation, never the skill. Outside a skill call made on the wearer's
     * behalf (another thread, after the call) a sensitive command is refused outright. Null: send it.
     */
    private CommandResult screen(String deviceId, Command command) {
        DispatchContext context = DispatchContext.current();
        boolean ours = context != null && context.bundleId() == bundleId;
        Optional<Device> device = registry.get(deviceId);
        if (device.isPresent() && Sensitivity.isSensitive(device.get(), command)) {
            if (!ours) {
                return CommandResult.failed(deviceId, FailureCode.NOT_ALLOWED, caller + " may not "
                        + Sensitivity.question(device.get(), command, "en").replace("?", "").toLowerCase(Locale.ROOT)
                        + " on its own: only a wearer's request, confirmed by the wearer, can do that.");
            }
            if (!grants.of(bundleId).contains(command.capability())) {
                return CommandResult.failed(deviceId, FailureCode.NOT_ALLOWED, caller + " is not allowed to use "
                        + command.capability() + "; add it to the skill's \"grants\".");
            }
            context.hold(new DispatchContext.Held(deviceId, command, grants.of(bundleId), caller));
            return CommandResult.failed(deviceId, FailureCode.CONFIRMATION_REQUIRED,
                    Sensitivity.question(device.get(), command, "en") + " The wearer has to confirm first.");
        }
        if (ours) {
            context.touched(deviceId);
        }
        return null;
    }

    @Override
    public long revision() {
        return registry.revision();
    }
}
