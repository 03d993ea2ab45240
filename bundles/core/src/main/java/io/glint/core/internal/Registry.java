package io.glint.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceChange;
import io.glint.api.device.DeviceListener;
import io.glint.api.device.Room;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.driver.DeviceRegistry;
import io.glint.api.skill.FailureCode;

/**
 * Every device and room the drivers announced, their latest state, and the path of a command to its driver.
 * Plain Java so it can be tested without a framework; {@link RegistryComponent} wires it into OSGi.
 */
public class Registry implements DeviceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final Map<String, Device> devices = new ConcurrentSkipListMap<>();
    private final Map<String, Room> rooms = new ConcurrentSkipListMap<>();
    private final Map<String, DeviceDriver> drivers = new ConcurrentHashMap<>();
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong revision = new AtomicLong();
    private volatile Duration commandTimeout;

    public Registry(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    void setCommandTimeout(Duration timeout) {
        this.commandTimeout = timeout;
    }

    // ---- drivers report -------------------------------------------------------------------------------

    @Override
    public void defineRoom(Room room) {
        Room old = rooms.put(room.id(), room);
        if (!room.equals(old)) {
            revision.incrementAndGet();
        }
    }

    @Override
    public void announce(Device device) {
        Device old = devices.put(device.id(), device);
        if (old != null && !old.driver().equals(device.driver())) {
            LOG.warn("Device {} was announced by driver {} and now by {}; the newer one wins", device.id(),
                    old.driver(), device.driver());
        }
        if (old == null || !sameIdentity(old, device)) {
            revision.incrementAndGet();
        }
        if (old != null) {
            notify(diff(old, device));
        }
    }

    private static boolean sameIdentity(Device a, Device b) {
        return a.name().equals(b.name()) && a.aliases().equals(b.aliases()) && Objects.equals(a.room(), b.room())
                && a.type() == b.type() && a.capabilities().equals(b.capabilities())
                && Objects.equals(a.state(Attributes.CONTACTS), b.state(Attributes.CONTACTS));
    }

    @Override
    public void withdraw(String deviceId) {
        if (devices.remove(deviceId) != null) {
            revision.incrementAndGet();
        }
    }

    @Override
    public void updateState(String deviceId, Map<String, ?> values) {
        List<DeviceChange> changes = new ArrayList<>();
        Device updated = devices.computeIfPresent(deviceId, (id, old) -> {
            Device next = old.toBuilder().state(values).build();
            changes.addAll(diff(old, next));
            return next;
        });
        if (updated == null) {
            LOG.debug("State for unknown device {} ignored", deviceId);
            return;
        }
        if (changes.stream().anyMatch(c -> Attributes.CONTACTS.equals(c.attribute()))) {
            revision.incrementAndGet(); // the names the wearer may say changed
        }
        notify(changes);
    }

    @Override
    public void updateAvailability(String deviceId, Availability availability, String reason) {
        List<DeviceChange> changes = new ArrayList<>();
        devices.computeIfPresent(deviceId, (id, old) -> {
            if (old.availability() != availability) {
                changes.add(new DeviceChange(id, "availability", old.availability(), availability));
            }
            return old.toBuilder().availability(availability, reason).build();
        });
        notify(changes);
    }

    private static List<DeviceChange> diff(Device old, Device next) {
        List<DeviceChange> changes = new ArrayList<>();
        Map<String, Object> keys = new LinkedHashMap<>(old.state());
        keys.putAll(next.state());
        for (String attribute : keys.keySet()) {
            Object before = old.state(attribute);
            Object after = next.state(attribute);
            if (!Objects.equals(before, after)) {
                changes.add(new DeviceChange(next.id(), attribute, before, after));
            }
        }
        if (old.availability() != next.availability()) {
            changes.add(new DeviceChange(next.id(), "availability", old.availability(), next.availability()));
        }
        return changes;
    }

    private void notify(List<DeviceChange> changes) {
        for (DeviceChange change : changes) {
            for (DeviceListener l : listeners) {
                try {
                    l.deviceChanged(change);
                } catch (RuntimeException e) {
                    LOG.warn("A device listener failed on {}; others are still told", change, e);
                }
            }
        }
    }

    // ---- drivers and listeners come and go ------------------------------------------------------------

    /** The running driver with this id, or null. */
    protected DeviceDriver driver(String id) {
        return drivers.get(id);
    }

    public void addDriver(DeviceDriver driver) {
        drivers.put(driver.id(), driver);
    }

    public void removeDriver(DeviceDriver driver) {
        if (drivers.remove(driver.id(), driver)) {
            for (Device d : devices.values()) {
                if (d.driver().equals(driver.id())) {
                    updateAvailability(d.id(), Availability.OFFLINE, "its driver " + driver.id() + " stopped");
                }
            }
        }
    }

    public void addListener(DeviceListener l) {
        listeners.add(l);
    }

    public void removeListener(DeviceListener l) {
        listeners.remove(l);
    }

    // ---- what skills see ------------------------------------------------------------------------------

    public List<Device> all() {
        return List.copyOf(devices.values());
    }

    public Optional<Device> get(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public List<Room> rooms() {
        return List.copyOf(rooms.values());
    }

    public Optional<Room> room(String id) {
        return Optional.ofNullable(rooms.get(id));
    }

    public long revision() {
        return revision.get();
    }

    /**
     * Sends a command on behalf of a caller holding {@code grants}; completes with a result, never
     * exceptionally, by the command deadline at the latest.
     */
    public CompletableFuture<CommandResult> executeAsync(String deviceId, Command command, Set<Capability> grants,
            String caller) {
        Device device = devices.get(deviceId);
        if (device == null) {
            return done(CommandResult.failed(deviceId, FailureCode.NO_DEVICE,
                    "There is no device " + deviceId + "; it may have been removed."));
        }
        if (!grants.contains(command.capability())) {
            return done(CommandResult.failed(deviceId, FailureCode.NOT_ALLOWED, caller + " is not allowed to use "
                    + command.capability() + "; add it to the skill's \"grants\"."));
        }
        if (!device.has(command.capability())) {
            return done(CommandResult.failed(deviceId, FailureCode.NOT_SUPPORTED,
                    "The " + device.name() + " cannot do that (" + command.capability() + ")."));
        }
        if (device.availability() == Availability.OFFLINE) {
            return done(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, "The " + device.name()
                    + " is offline" + (device.availabilityReason() == null ? "." : ": " + device.availabilityReason()
                            + ".")));
        }
        DeviceDriver driver = driver(device.driver());
        if (driver == null) {
            return done(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                    "The " + device.name() + " cannot be reached: its driver " + device.driver() + " is not running."));
        }
        Duration timeout = commandTimeout;
        Instant deadline = Instant.now().plus(timeout);
        CompletionStage<CommandResult> stage;
        try {
            stage = driver.execute(device, command, deadline);
        } catch (RuntimeException e) {
            LOG.warn("Driver {} failed on {} for {}", driver.id(), command, deviceId, e);
            return done(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                    "The " + device.name() + "'s driver failed: " + e.getMessage()));
        }
        if (stage == null) {
            return done(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                    "The " + device.name() + "'s driver gave no answer."));
        }
        String late = "The " + device.name() + " did not answer within " + seconds(timeout) + ".";
        return stage.toCompletableFuture().copy()
                .completeOnTimeout(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, late),
                        timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                        "The " + device.name() + " could not be reached: " + rootMessage(e)));
    }

    public CommandResult execute(String deviceId, Command command, Set<Capability> grants, String caller) {
        return executeAsync(deviceId, command, grants, caller).join();
    }

    public List<CommandResult> executeAll(Collection<String> deviceIds, Command command, Set<Capability> grants,
            String caller) {
        List<CompletableFuture<CommandResult>> futures = new ArrayList<>();
        for (String id : deviceIds) {
            futures.add(executeAsync(id, command, grants, caller));
        }
        List<CommandResult> results = new ArrayList<>();
        for (CompletableFuture<CommandResult> f : futures) {
            results.add(f.join());
        }
        return results;
    }

    private static CompletableFuture<CommandResult> done(CommandResult r) {
        return CompletableFuture.completedFuture(r);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
