package io.glint.driver.virtual.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Attributes;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.driver.DeviceRegistry;
import io.glint.api.skill.FailureCode;
import io.glint.driver.virtual.internal.CommandEffects.Accepted;
import io.glint.driver.virtual.internal.CommandEffects.Check;
import io.glint.driver.virtual.internal.CommandEffects.Refused;

/**
 * Runs a simulated home: announces it, plays commands against the devices' state after their latency, and reports
 * the changes to the registry. Every command is delivered on one timer thread, so state changes reach the registry
 * in the order the commands took effect, and never on the caller's thread (which may hold the registry's locks).
 */
final class Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final String RETURNING = "returning";
    private static final String DOCKED = "docked";

    private final DeviceRegistry registry;
    private final Home home;
    private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
    private final CommandEffects effects;
    private final Duration dockingTime;
    private final ScheduledThreadPoolExecutor timer;
    /** Commands not answered yet, with their device: failed if the driver stops. */
    private final Map<CompletableFuture<CommandResult>, SimulatedDevice> pending = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /** @param dockingTime how long a vacuum told to return takes to report "docked" */
    Simulator(DeviceRegistry registry, Home home, Duration dockingTime) {
        this.registry = registry;
        this.home = home;
        this.effects = new CommandEffects(home.rooms());
        this.dockingTime = dockingTime;
        home.devices().forEach(d -> devices.put(d.id(), new SimulatedDevice(d)));
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "glint-virtual-driver");
            t.setDaemon(true);
            return t;
        });
        // A command that ended early (cancelled, timed out) must not linger in the queue until its latency is over.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Tells the registry about the home. */
    void start() {
        home.rooms().forEach(registry::defineRoom);
        home.devices().forEach(d -> registry.announce(d.device()));
        LOG.info("Virtual home {}: {} rooms, {} devices", home.source(), home.rooms().size(),
                home.devices().size());
    }

    /** Stops the simulation: commands in flight fail, queued ones never reach their device, devices go away. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        timer.shutdownNow();
        try {
            // Deliveries are a few map operations; this only waits for one that is running right now.
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.forEach((result, sim) -> result.complete(stopped(sim)));
        devices.keySet().forEach(registry::withdraw);
    }

    CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline) {
        String id = device.id();
        SimulatedDevice sim = devices.get(id);
        if (sim == null) {
            return failed(id, FailureCode.NO_DEVICE, "The virtual driver has no device \"" + id
                    + "\"; it may have been removed from the home file.");
        }
        if (stopped) {
            return CompletableFuture.completedFuture(stopped(sim));
        }
        Check check = effects.check(sim.spec.device(), command);
        if (check instanceof Refused r) {
            return failed(id, r.code(), r.reason());
        }
        Duration remaining = Duration.between(Instant.now(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            return failed(id, FailureCode.DEVICE_UNREACHABLE, "The " + sim.name()
                    + " was asked after the deadline had passed.");
        }
        return schedule(sim, (Accepted) check, deadline, remaining);
    }

    private CompletionStage<CommandResult> schedule(SimulatedDevice sim, Accepted command, Instant deadline,
            Duration remaining) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        pending.put(result, sim);
        Optional<Duration> latency = sim.spec.latency();
        ScheduledFuture<?> task;
        if (!sim.spec.responds()) {
            // A driver talking to a silent device gives up after its own timeout, or at the deadline.
            Duration wait = latency.filter(l -> l.compareTo(remaining) < 0).orElse(remaining);
            task = later(sim, result, wait, () -> result.complete(CommandResult.failed(sim.id(),
                    FailureCode.DEVICE_UNREACHABLE, "The " + sim.name()
                            + " did not answer; check that it has power and is in range.")));
        } else if (latency.orElse(Duration.ZERO).compareTo(remaining) >= 0) {
            // Its answer would come too late: fail at the deadline and never touch the device.
            task = later(sim, result, remaining, () -> result.complete(tooLate(sim, remaining)));
        } else {
            task = later(sim, result, latency.orElse(Duration.ZERO),
                    () -> deliver(sim, command, deadline, remaining, result));
        }
        // However the command ends (answered, timed out by the registry, cancelled), its timer goes with it.
        result.whenComplete((r, e) -> {
            pending.remove(result);
            if (task != null) {
                task.cancel(false);
            }
        });
        return result;
    }

    private void deliver(SimulatedDevice sim, Accepted command, Instant deadline, Duration allowed,
            CompletableFuture<CommandResult> result) {
        if (result.isDone()) {
            return; // cancelled by the caller: the device must not get it
        }
        if (Instant.now().isAfter(deadline)) {
            result.complete(tooLate(sim, allowed)); // the timer thread ran late
            return;
        }
        try {
            Map<String, Object> changes = sim.apply(command);
            // Before completing: whoever waits on the command expects to see its effect in the registry.
            registry.updateState(sim.id(), changes);
            result.complete(CommandResult.ok(sim.id()));
            if (RETURNING.equals(changes.get(Attributes.VACUUM_STATE))) {
                dockLater(sim);
            }
        } catch (RuntimeException e) {
            LOG.error("Delivering {} to {} failed", command, sim.id(), e);
            result.completeExceptionally(e);
        }
    }

    private void dockLater(SimulatedDevice sim) {
        try {
            timer.schedule(() -> dock(sim), dockingTime.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping: the vacuum is withdrawn anyway.
        }
    }

    /** A returning vacuum arrives at its dock, unless it was sent somewhere else meanwhile. */
    private void dock(SimulatedDevice sim) {
        Map<String, Object> changes = sim.replaceIf(Attributes.VACUUM_STATE, RETURNING, DOCKED);
        if (!changes.isEmpty()) {
            registry.updateState(sim.id(), changes);
        }
    }

    /** Runs a task after a delay; null if the driver stopped meanwhile (the command is then failed). */
    private ScheduledFuture<?> later(SimulatedDevice sim, CompletableFuture<CommandResult> result, Duration delay,
            Runnable task) {
        try {
            return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.complete(stopped(sim)); // stop() ran between our check and now
            return null;
        }
    }

    /** The simulated state of a device now, or empty for an unknown id. */
    Map<String, Object> state(String id) {
        SimulatedDevice sim = devices.get(id);
        return sim == null ? Map.of() : sim.snapshot();
    }

    List<String> deviceIds() {
        return List.copyOf(devices.keySet());
    }

    private static CommandResult stopped(SimulatedDevice sim) {
        return CommandResult.failed(sim.id(), FailureCode.DEVICE_UNREACHABLE, "The " + sim.name()
                + " did not answer: the virtual driver stopped.");
    }

    private static CommandResult tooLate(SimulatedDevice sim, Duration allowed) {
        return CommandResult.failed(sim.id(), FailureCode.DEVICE_UNREACHABLE, "The " + sim.name()
                + " did not answer within " + Durations.spoken(allowed) + ".");
    }

    private static CompletionStage<CommandResult> failed(String id, FailureCode code, String reason) {
        return CompletableFuture.completedFuture(CommandResult.failed(id, code, reason));
    }
}
