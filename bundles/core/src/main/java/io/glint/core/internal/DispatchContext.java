package io.glint.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.glint.api.device.Capability;
import io.glint.api.device.Command;

/**
 * What one skill call did, seen from the hub: the devices it commanded, and the sensitive commands the hub held
 * back for the wearer to confirm. Bound to the skill's thread for the duration of the call, so a command sent
 * from any other thread (or after the call) has no context and a sensitive one is refused.
 */
public final class DispatchContext {
    private static final ThreadLocal<DispatchContext> CURRENT = new ThreadLocal<>();

    /** A sensitive command waiting for "yes", with the grants of the skill that asked for it. */
    public record Held(String deviceId, Command command, Set<Capability> grants, String caller) {
    }

    private final long bundleId;
    private final Set<String> touched = new LinkedHashSet<>();
    private final List<Held> held = new ArrayList<>();

    public DispatchContext(long bundleId) {
        this.bundleId = bundleId;
    }

    static DispatchContext current() {
        return CURRENT.get();
    }

    void bind() {
        CURRENT.set(this);
    }

    static void unbind() {
        CURRENT.remove();
    }

    long bundleId() {
        return bundleId;
    }

    synchronized void touched(String deviceId) {
        touched.add(deviceId);
    }

    synchronized void hold(Held command) {
        held.add(command);
    }

    public synchronized List<String> touched() {
        return List.copyOf(touched);
    }

    public synchronized List<Held> held() {
        return List.copyOf(held);
    }
}
