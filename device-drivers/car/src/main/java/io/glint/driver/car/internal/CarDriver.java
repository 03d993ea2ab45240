package io.glint.driver.car.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.driver.DeviceRegistry;
import io.glint.api.skill.FailureCode;
import io.glint.driver.car.simulator.VssTopics;
import io.glint.moquette.LocalBroker;

/**
 * Cars as Glint devices. Each configured car is a device {@code car:<name>} (LOCK: the doors; THERMOSTAT: the
 * climate, cabin temperature and set point; COVER: the windows; its state also carries battery, range, charging,
 * location, tyre pressures…) and a device {@code car:<name>:trunk} (COVER: 100 opens the trunk). A command is
 * written as VSS target values and reported OK only once the car's current values show it, within the
 * confirmation timeout (and the caller's deadline); otherwise it fails with DEVICE_UNREACHABLE and the car
 * ignores the target from then on (it carries its expiry). All state lives on one worker thread.
 */
@Component(service = DeviceDriver.class, immediate = true, configurationPid = CarDriver.PID)
@Designate(ocd = CarDriverConfig.class)
public final class CarDriver implements DeviceDriver {
    public static final String PID = "io.glint.driver.car";
    static final String ID = "car";
    /** How much earlier than the caller's deadline an unconfirmed command is failed. */
    static final long CALLER_MARGIN_MS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(CarDriver.class);

    private final DeviceRegistry registry;
    private final VssTransport transport;
    private final List<String> cars;
    private final Duration confirmTimeout;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final Map<String, Map<String, Object>> vss = new HashMap<>();
    private final Map<String, Boolean> online = new HashMap<>();
    /** Per car, the last destination the hub sent (name, latitude, longitude): VSS carries no destination name. */
    private final Map<String, Map<String, Object>> destinations = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private volatile boolean brokerUp;

    private final class Pending {
        final String car;
        final String deviceId;
        final CarMapping.Actuation actuation;
        final CompletableFuture<CommandResult> result;
        ScheduledFuture<?> timeout;

        Pending(String car, String deviceId, CarMapping.Actuation actuation, CompletableFuture<CommandResult> r) {
            this.car = car;
            this.deviceId = deviceId;
            this.actuation = actuation;
            this.result = r;
        }
    }

    @Activate
    public CarDriver(@Reference(name = "registry") DeviceRegistry registry,
            @Reference(name = "embeddedBroker", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) LocalBroker embedded,
            CarDriverConfig config) {
        this(registry, cars(config.cars()), aliases(config.aliases()), Duration.ofMillis(config.confirmTimeoutMs()),
                Clock.systemUTC(), transport(config, embedded));
    }

    CarDriver(DeviceRegistry registry, List<String> cars, Duration confirmTimeout, Clock clock,
            VssTransport transport) {
        this(registry, cars, Map.of(), confirmTimeout, clock, transport);
    }

    CarDriver(DeviceRegistry registry, List<String> cars, Map<String, List<String>> aliases, Duration confirmTimeout,
            Clock clock, VssTransport transport) {
        this.registry = registry;
        this.cars = List.copyOf(cars);
        this.confirmTimeout = confirmTimeout;
        this.clock = clock;
        this.transport = transport;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glint-cars");
            t.setDaemon(true);
            return t;
        });
        for (String car : this.cars) {
            VssTopics.requireCarName(car);
            vss.put(car, new HashMap<>());
            List<String> others = aliases.getOrDefault(car, List.of());
            registry.announce(Device.builder(deviceId(car)).name(car).aliases(others).type(DeviceType.VEHICLE)
                    .driver(ID).capability(Capability.LOCK, Capability.THERMOSTAT, Capability.COVER,
                            Capability.NAVIGATION)
                    .availability(Availability.UNKNOWN, null).build());
            // in Chinese the trunk is said as the car's ("车的后备箱")
            List<String> trunkNames = others.stream().filter(a -> a.codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).limit(1)
                    .map(a -> a + "的后备箱").toList();
            registry.announce(Device.builder(trunkId(car)).name(car + " trunk").aliases(trunkNames)
                    .type(DeviceType.VEHICLE).driver(ID)
                    .capability(Capability.COVER).availability(Availability.UNKNOWN, null).build());
        }
        if (transport == null) {
            LOG.info("No broker for the cars ({} brokerUri is empty and no embedded broker runs)", PID);
            worker.execute(() -> offlineAll("the hub has no MQTT broker for the cars"));
            return;
        }
        transport.start(this.cars, new VssTransport.Listener() {
            @Override
            public void connected() {
                brokerUp = true;
            }

            @Override
            public void disconnected(String reason) {
                brokerUp = false;
                worker.execute(() -> offlineAll(reason));
            }

            @Override
            public void current(String car, String path, Object value) {
                worker.execute(() -> onCurrent(car, path, value));
            }

            @Override
            public void carStatus(String car, boolean up) {
                worker.execute(() -> onStatus(car, up));
            }
        });
    }

    /** The configured names; a .cfg file gives them as one string, "model3, ioniq". */
    static List<String> cars(String[] names) {
        return names == null ? List.of() : Arrays.stream(names).flatMap(n -> Arrays.stream(n.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * Other names per car from entries {@code car=alias|alias}, separated by ";" when a .cfg file gives them as one
     * string ("car=车|汽车; camper=房车").
     *
     * @throws IllegalArgumentException for an entry that is not NAME=ALIAS|ALIAS
     */
    static Map<String, List<String>> aliases(String[] entries) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        if (entries == null) {
            return aliases;
        }
        for (String entry : Arrays.stream(entries).flatMap(e -> Arrays.stream(e.split(";"))).map(String::trim)
                .filter(e -> !e.isEmpty()).toList()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(PID + " aliases: \"" + entry + "\" is not CAR=ALIAS|ALIAS, e.g."
                        + " car=车|汽车");
            }
            aliases.put(entry.substring(0, eq).trim(), Arrays.stream(entry.substring(eq + 1).split("\\|"))
                    .map(String::trim).filter(a -> !a.isEmpty()).toList());
        }
        return aliases;
    }

    private static VssTransport transport(CarDriverConfig config, LocalBroker embedded) {
        String uri = config.brokerUri().isBlank() ? embedded == null ? null : embedded.uri()
                : config.brokerUri().trim();
        return uri == null ? null : new MqttVssTransport(uri, config.clientId(), config.username(),
                config.password(), config.baseTopic(), Clock.systemUTC());
    }

    static String deviceId(String car) {
        return "car:" + car.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    }

    static String trunkId(String car) {
        return deviceId(car) + ":trunk";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CompletionStage<CommandResult> execute(Device device, Command command, Instant deadline) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        worker.execute(() -> start(device.id(), command, deadline, result));
        return result;
    }

    private void start(String deviceId, Command command, Instant deadline, CompletableFuture<CommandResult> r) {
        String car = cars.stream().filter(c -> deviceId.equals(deviceId(c)) || deviceId.equals(trunkId(c)))
                .findFirst().orElse(null);
        if (car == null) {
            r.complete(CommandResult.failed(deviceId, FailureCode.NO_DEVICE, "There is no car " + deviceId));
            return;
        }
        CarMapping.Actuation actuation;
        try {
            actuation = deviceId.equals(trunkId(car)) ? CarMapping.trunk(command) : CarMapping.car(command);
        } catch (IllegalArgumentException e) {
            r.complete(CommandResult.failed(deviceId, FailureCode.NOT_SUPPORTED, e.getMessage()));
            return;
        }
        if (command.capability() == Capability.NAVIGATION && command.value() instanceof Map<?, ?> m) {
            Map<String, Object> named = new LinkedHashMap<>();
            m.forEach((k, v) -> named.put(String.valueOf(k), v));
            destinations.put(car, named);
        }
        if (transport == null || !brokerUp || !transport.connected()) {
            r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, "The hub cannot reach "
                    + car + ": it is not connected to the cars' MQTT broker"));
            return;
        }
        if (Boolean.FALSE.equals(online.get(car))) {
            r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, "The car " + car
                    + " is offline; it may be out of coverage"));
            return;
        }
        Instant now = clock.instant();
        Instant limit = now.plus(confirmTimeout);
        boolean callerFirst = deadline != null && deadline.isBefore(limit);
        if (callerFirst) {
            limit = deadline;
        }
        Duration waited = Duration.between(now, limit);
        Pending p = new Pending(car, deviceId, actuation, r);
        pending.add(p);
        // before the caller's own deadline, so the caller hears the driver's reason rather than its own timeout
        long delay = Math.max(0, waited.toMillis() - (callerFirst ? CALLER_MARGIN_MS : 0));
        String within = seconds(callerFirst ? waited : confirmTimeout);
        p.timeout = worker.schedule(() -> {
            if (pending.remove(p)) {
                LOG.info("{} did not confirm \"{}\" within {}", car, actuation.what(), within);
                r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, "The car " + car
                        + " is unreachable: it did not confirm within " + within + "; it may be out of coverage"));
            }
        }, delay, TimeUnit.MILLISECONDS);
        Instant expires = limit;
        for (Map.Entry<String, Object> t : actuation.targets().entrySet()) {
            transport.setTarget(car, t.getKey(), t.getValue(), expires).whenComplete((ok, e) -> {
                if (e != null) {
                    worker.execute(() -> {
                        if (pending.remove(p)) {
                            p.timeout.cancel(false);
                            r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                                    "The hub could not send \"" + actuation.what() + "\" to " + car + ": "
                                            + e.getMessage()));
                        }
                    });
                }
            });
        }
        // The car may already be there (locking a locked car): its next report confirms, or this does.
        check(car);
    }

    /** "2 s", "1.5 s": a deadline 1999 ms away is said as the 2 s it was. */
    static String seconds(Duration d) {
        String s = String.format(Locale.ROOT, "%.1f", Math.round(d.toMillis() / 100.0) / 10.0);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + " s";
    }

    private void onCurrent(String car, String path, Object value) {
        Map<String, Object> values = vss.get(car);
        if (values == null) {
            return;
        }
        Map<String, Object> beforeCar = state(car, values);
        Map<String, Object> beforeTrunk = CarMapping.trunkState(values);
        values.put(path, value);
        report(deviceId(car), beforeCar, state(car, values));
        report(trunkId(car), beforeTrunk, CarMapping.trunkState(values));
        if (!online.containsKey(car)) {
            // a car that reports values but no status (no last will configured) is taken as online
            onStatus(car, true);
        }
        check(car);
    }

    /** The car device's state, its destination named as the hub asked for it when the car went there. */
    private Map<String, Object> state(String car, Map<String, Object> values) {
        Map<String, Object> s = CarMapping.state(values);
        Map<String, Object> asked = destinations.get(car);
        if (asked != null && s.get(io.glint.api.device.Attributes.DESTINATION) instanceof Map<?, ?> half
                && asked.get("latitude") instanceof Number la && asked.get("longitude") instanceof Number lo
                && CarMapping.same(half.get("latitude"), la.doubleValue())
                        != CarMapping.same(half.get("longitude"), lo.doubleValue())) {
            // one coordinate of the new destination has arrived, the other not yet: no destination to tell
            s.remove(io.glint.api.device.Attributes.DESTINATION);
            return s;
        }
        if (asked != null && s.get(io.glint.api.device.Attributes.DESTINATION) instanceof Map<?, ?> reported
                && asked.get("latitude") instanceof Number lat && asked.get("longitude") instanceof Number lon
                && CarMapping.same(reported.get("latitude"), lat.doubleValue())
                && CarMapping.same(reported.get("longitude"), lon.doubleValue())) {
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("name", asked.get("name"));
            named.put("latitude", reported.get("latitude"));
            named.put("longitude", reported.get("longitude"));
            s.put(io.glint.api.device.Attributes.DESTINATION, named);
        }
        return s;
    }

    private void report(String deviceId, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.put(k, v);
            }
        });
        if (!changed.isEmpty()) {
            registry.updateState(deviceId, changed);
        }
    }

    private void check(String car) {
        Map<String, Object> values = vss.get(car);
        for (Pending p : List.copyOf(pending)) {
            if (p.car.equals(car) && p.actuation.confirmed().test(values)) {
                pending.remove(p);
                p.timeout.cancel(false);
                p.result.complete(CommandResult.ok(p.deviceId));
            }
        }
    }

    private void onStatus(String car, boolean up) {
        if (!vss.containsKey(car) || Boolean.valueOf(up).equals(online.get(car))) {
            return;
        }
        online.put(car, up);
        String reason = up ? null : "the car " + car + " went offline; it may be out of coverage";
        registry.updateAvailability(deviceId(car), up ? Availability.ONLINE : Availability.OFFLINE, reason);
        registry.updateAvailability(trunkId(car), up ? Availability.ONLINE : Availability.OFFLINE, reason);
    }

    private void offlineAll(String reason) {
        for (String car : cars) {
            online.remove(car);
            registry.updateAvailability(deviceId(car), Availability.OFFLINE, reason);
            registry.updateAvailability(trunkId(car), Availability.OFFLINE, reason);
        }
    }

    @Deactivate
    void close() {
        if (transport != null) {
            transport.close();
        }
        worker.execute(() -> {
            for (Pending p : pending) {
                p.result.complete(CommandResult.failed(p.deviceId, FailureCode.DEVICE_UNREACHABLE,
                        "The car driver stopped before " + p.car + " confirmed"));
            }
            pending.clear();
        });
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }
}
