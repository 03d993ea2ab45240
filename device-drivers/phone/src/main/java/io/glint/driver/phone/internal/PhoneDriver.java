package io.glint.driver.phone.internal;

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
import java.util.UUID;
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

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.driver.DeviceDriver;
import io.glint.api.driver.DeviceRegistry;
import io.glint.api.skill.FailureCode;
import io.glint.driver.phone.simulator.PhoneTopics;
import io.glint.moquette.LocalBroker;

/**
 * The wearer's phones, reached through their companion app ({@link PhoneTopics}, docs/phone-protocol.md). Each
 * configured phone is a device {@code phone:<id>} of type PHONE with the PHONE capability; its state carries
 * battery, charging, ringing, in_call, call and contacts as the app reports them. A command (call, message, ring)
 * is sent with an id and an expiry and is OK only once the app answers that id with {@code "ok":true}, within the
 * acknowledgement timeout and the caller's deadline; otherwise it fails and the app drops it when it arrives late.
 * Nothing is queued. All state lives on one worker thread. Contacts' names and numbers are never logged.
 */
@Component(service = DeviceDriver.class, immediate = true, configurationPid = PhoneDriver.PID)
@Designate(ocd = PhoneDriverConfig.class)
public final class PhoneDriver implements DeviceDriver {
    public static final String PID = "io.glint.driver.phone";
    static final String ID = "phone";
    private static final Logger LOG = LoggerFactory.getLogger(PhoneDriver.class);

    private final DeviceRegistry registry;
    private final PhoneTransport transport;
    /** phone id → display name, in configuration order. */
    private final Map<String, String> phones;
    private final Duration confirmTimeout;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final Map<String, Map<String, Object>> state = new HashMap<>();
    private final Map<String, Boolean> online = new HashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private volatile boolean brokerUp;

    private record Pending(String phone, String deviceId, String what, CompletableFuture<CommandResult> result,
            ScheduledFuture<?>[] timeout) {
    }

    @Activate
    public PhoneDriver(@Reference(name = "registry") DeviceRegistry registry,
            @Reference(name = "embeddedBroker", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) LocalBroker embedded,
            PhoneDriverConfig config) {
        this(registry, phones(config.phones()), Duration.ofMillis(config.confirmTimeoutMs()), Clock.systemUTC(),
                transport(config, embedded));
    }

    PhoneDriver(DeviceRegistry registry, Map<String, String> phones, Duration confirmTimeout, Clock clock,
            PhoneTransport transport) {
        this.registry = registry;
        this.phones = new LinkedHashMap<>(phones);
        this.confirmTimeout = confirmTimeout;
        this.clock = clock;
        this.transport = transport;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glint-phones");
            t.setDaemon(true);
            return t;
        });
        this.phones.forEach((id, name) -> {
            state.put(id, new HashMap<>());
            registry.announce(Device.builder(deviceId(id)).name(name).type(DeviceType.PHONE).driver(ID)
                    .capability(Capability.PHONE).availability(Availability.UNKNOWN, null).build());
        });
        if (transport == null) {
            LOG.info("No broker for the phones ({} brokerUri is empty and no embedded broker runs)", PID);
            worker.execute(() -> offlineAll("the hub has no MQTT broker for the phones' app"));
            return;
        }
        transport.start(List.copyOf(this.phones.keySet()), new PhoneTransport.Listener() {
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
            public void message(String phoneId, String leaf, byte[] payload) {
                worker.execute(() -> onMessage(phoneId, leaf, payload));
            }
        });
    }

    /**
     * "annas-pixel=Anna's phone" entries as id → name; an entry without '=' is its own name.
     *
     * @throws IllegalArgumentException naming the entry whose id is not usable as a topic level
     */
    static Map<String, String> phones(String[] entries) {
        Map<String, String> out = new LinkedHashMap<>();
        if (entries == null) {
            return out;
        }
        for (String entry : Arrays.stream(entries).flatMap(e -> Arrays.stream(e.split(","))).toList()) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String id = (eq < 0 ? e : e.substring(0, eq)).strip();
            String name = (eq < 0 ? id : e.substring(eq + 1)).strip();
            try {
                PhoneTopics.requirePhoneId(id);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("The phones entry \"" + e + "\" of " + PID + ": " + bad.getMessage());
            }
            out.putIfAbsent(id, name.isEmpty() ? id : name);
        }
        return out;
    }

    private static PhoneTransport transport(PhoneDriverConfig config, LocalBroker embedded) {
        String uri = config.brokerUri().isBlank() ? embedded == null ? null : embedded.uri()
                : config.brokerUri().trim();
        String base = config.baseTopic().strip().replaceAll("/+$", "");
        return uri == null ? null : new MqttPhoneTransport(uri, config.clientId(), config.username(),
                config.password(), base.isEmpty() ? PhoneTopics.DEFAULT_BASE : base);
    }

    static String deviceId(String phoneId) {
        return "phone:" + phoneId;
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
        String phone = phones.keySet().stream().filter(p -> deviceId.equals(deviceId(p))).findFirst().orElse(null);
        if (phone == null) {
            r.complete(CommandResult.failed(deviceId, FailureCode.NO_DEVICE, "There is no phone " + deviceId));
            return;
        }
        String name = phones.get(phone);
        String action;
        Map<String, Object> fields = new LinkedHashMap<>();
        String what;
        if (command.capability() != Capability.PHONE) {
            r.complete(CommandResult.failed(deviceId, FailureCode.NOT_SUPPORTED, name + " can call, send messages"
                    + " and ring, nothing else (" + command.capability() + ")"));
            return;
        }
        switch (command.attribute()) {
            case Attributes.CALL -> {
                if (!(command.value() instanceof String number) || number.isBlank()) {
                    r.complete(CommandResult.failed(deviceId, FailureCode.INVALID_VALUE, "A call needs a number"));
                    return;
                }
                action = PhoneTopics.ACTION_CALL;
                fields.put("number", number.strip());
                what = "make the call";
            }
            case Attributes.MESSAGE -> {
                if (!(command.value() instanceof Map<?, ?> m) || !(m.get("to") instanceof String to)
                        || !(m.get("text") instanceof String text) || to.isBlank() || text.isBlank()) {
                    r.complete(CommandResult.failed(deviceId, FailureCode.INVALID_VALUE,
                            "A message needs a number to go to and some text"));
                    return;
                }
                action = PhoneTopics.ACTION_MESSAGE;
                fields.put("to", to.strip());
                fields.put("text", text);
                what = "send the message";
            }
            case Attributes.RINGING -> {
                boolean ring = !Boolean.FALSE.equals(command.value()) && !"false".equals(command.value());
                action = ring ? PhoneTopics.ACTION_RING : PhoneTopics.ACTION_STOP_RINGING;
                what = ring ? "ring" : "stop ringing";
            }
            default -> {
                r.complete(CommandResult.failed(deviceId, FailureCode.NOT_SUPPORTED, name + " cannot set "
                        + command.attribute() + "; it can call, send messages and ring"));
                return;
            }
        }
        if (transport == null || !brokerUp || !transport.connected()) {
            r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, "The hub cannot reach " + name
                    + ": it is not connected to the phones' MQTT broker"));
            return;
        }
        if (Boolean.FALSE.equals(online.get(phone))) {
            r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, name + " is offline; check"
                    + " that the Glint app is running on it and the phone has a connection"));
            return;
        }
        Instant now = clock.instant();
        Instant limit = now.plus(confirmTimeout);
        if (deadline != null && deadline.isBefore(limit)) {
            limit = deadline;
        }
        Duration waited = Duration.between(now, limit);
        String requestId = UUID.randomUUID().toString();
        Pending p = new Pending(phone, deviceId, what, r, new ScheduledFuture<?>[1]);
        pending.put(requestId, p);
        String within = seconds(waited);
        p.timeout()[0] = worker.schedule(() -> {
            if (pending.remove(requestId) != null) {
                LOG.info("{} did not answer a {} command within {}", phone, action, within);
                r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, name
                        + " did not answer within " + within + "; check that the Glint app is running on it"));
            }
        }, Math.max(0, waited.toMillis()), TimeUnit.MILLISECONDS);
        byte[] payload = Payloads.command(requestId, action, fields, limit.toEpochMilli());
        transport.send(phone, payload).whenComplete((ok, e) -> {
            if (e != null) {
                worker.execute(() -> {
                    Pending gone = pending.remove(requestId);
                    if (gone != null) {
                        gone.timeout()[0].cancel(false);
                        r.complete(CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                                "The hub could not send the request to " + name + ": " + e.getMessage()));
                    }
                });
            }
        });
    }

    private static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private void onMessage(String phone, String leaf, byte[] payload) {
        if (!phones.containsKey(phone)) {
            return;
        }
        try {
            switch (leaf) {
                case PhoneTopics.STATUS -> onStatus(phone, payload);
                case PhoneTopics.STATE -> onState(phone, payload);
                case PhoneTopics.CONTACTS -> onContacts(phone, payload);
                case PhoneTopics.RESULT -> onResult(phone, payload);
                default -> {
                    // the hub only subscribes to the four above
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the {} message of phone {}: {} (see docs/phone-protocol.md)", leaf, phone,
                    e.getMessage());
        }
    }

    private void onStatus(String phone, byte[] payload) {
        if (payload.length == 0) {
            // a retained status cleared: the app was removed
            available(phone, false, "the Glint app on it signed off");
            return;
        }
        Payloads.Status s = Payloads.status(payload);
        if (s.protocol() != PhoneTopics.PROTOCOL) {
            LOG.warn("Phone {} speaks protocol {}, this hub speaks {}", phone, s.protocol(), PhoneTopics.PROTOCOL);
            online.put(phone, false);
            registry.updateAvailability(deviceId(phone), Availability.OFFLINE, "its Glint app speaks protocol "
                    + s.protocol() + " and this hub speaks " + PhoneTopics.PROTOCOL + "; update the "
                    + (s.protocol() > PhoneTopics.PROTOCOL ? "hub" : "app"));
            failPending(phone, phones.get(phone) + "'s app speaks another protocol version");
            return;
        }
        available(phone, s.online(), "the Glint app on it went offline");
    }

    private void available(String phone, boolean up, String reason) {
        if (Boolean.valueOf(up).equals(online.get(phone))) {
            return;
        }
        online.put(phone, up);
        registry.updateAvailability(deviceId(phone), up ? Availability.ONLINE : Availability.OFFLINE,
                up ? null : reason);
        if (!up) {
            failPending(phone, phones.get(phone) + " went offline before it answered");
        }
    }

    private void failPending(String phone, String reason) {
        pending.entrySet().removeIf(e -> {
            Pending p = e.getValue();
            if (!p.phone().equals(phone)) {
                return false;
            }
            p.timeout()[0].cancel(false);
            p.result().complete(CommandResult.failed(p.deviceId(), FailureCode.DEVICE_UNREACHABLE, reason));
            return true;
        });
    }

    private void onState(String phone, byte[] payload) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> next = Payloads.state(payload, problems);
        if (!problems.isEmpty()) {
            LOG.warn("Phone {} reported a state with {}; those fields are ignored", phone, String.join(", ", problems));
        }
        Map<String, Object> values = state.get(phone);
        Map<String, Object> changed = new LinkedHashMap<>();
        next.forEach((k, v) -> {
            if (!v.equals(values.get(k))) {
                changed.put(k, v);
            }
        });
        values.putAll(next);
        if (!online.containsKey(phone)) {
            // an app that reports its state but no status is taken as online
            available(phone, true, null);
        }
        if (!changed.isEmpty()) {
            registry.updateState(deviceId(phone), changed);
        }
    }

    private void onContacts(String phone, byte[] payload) {
        Payloads.Contacts c = Payloads.contacts(payload);
        if (c.skipped() > 0) {
            LOG.warn("Phone {} shared {} contacts the hub skipped (no name or no number, or more than {})", phone,
                    c.skipped(), Payloads.MAX_CONTACTS);
        }
        LOG.debug("Phone {} shared {} contacts", phone, c.contacts().size());
        state.get(phone).put(Attributes.CONTACTS, c.contacts());
        registry.updateState(deviceId(phone), Map.of(Attributes.CONTACTS, c.contacts()));
    }

    private void onResult(String phone, byte[] payload) {
        Payloads.Result res = Payloads.result(payload);
        Pending p = pending.get(res.id());
        if (p == null || !p.phone().equals(phone)) {
            LOG.debug("Phone {} answered request {}, which is no longer waited for", phone, res.id());
            return;
        }
        pending.remove(res.id());
        p.timeout()[0].cancel(false);
        p.result().complete(res.ok() ? CommandResult.ok(p.deviceId())
                : failure(p, res.error(), res.message()));
    }

    /** The app's error as the failure the wearer hears. */
    private CommandResult failure(Pending p, String error, String message) {
        String name = phones.get(p.phone());
        String detail = message == null || message.isBlank() ? "" : " (" + message.strip() + ")";
        return switch (error) {
            case PhoneTopics.ERROR_NO_SUCH_NUMBER -> CommandResult.failed(p.deviceId(), FailureCode.INVALID_VALUE,
                    name + " cannot reach that number; check it in your contacts");
            case PhoneTopics.ERROR_PERMISSION_DENIED -> CommandResult.failed(p.deviceId(), FailureCode.NOT_ALLOWED,
                    "The Glint app on " + name + " is not allowed to " + p.what()
                            + "; allow it in the app's settings on the phone");
            case PhoneTopics.ERROR_USER_ACTION_REQUIRED -> CommandResult.failed(p.deviceId(), FailureCode.NOT_ALLOWED,
                    name + " wants you to confirm on its screen");
            case PhoneTopics.ERROR_BUSY -> CommandResult.failed(p.deviceId(), FailureCode.DEVICE_UNREACHABLE,
                    name + " is busy in another call");
            case PhoneTopics.ERROR_NO_SERVICE -> CommandResult.failed(p.deviceId(), FailureCode.DEVICE_UNREACHABLE,
                    name + " has no mobile network right now");
            case PhoneTopics.ERROR_UNSUPPORTED -> CommandResult.failed(p.deviceId(), FailureCode.NOT_SUPPORTED,
                    name + " cannot " + p.what() + detail);
            case PhoneTopics.ERROR_EXPIRED -> CommandResult.failed(p.deviceId(), FailureCode.DEVICE_UNREACHABLE,
                    name + " got the request too late and did nothing; try again");
            case PhoneTopics.ERROR_INVALID_REQUEST -> CommandResult.failed(p.deviceId(), FailureCode.NOT_SUPPORTED,
                    "The Glint app on " + name + " did not understand the request" + detail
                            + "; update the app or the hub");
            default -> CommandResult.failed(p.deviceId(), FailureCode.DEVICE_UNREACHABLE,
                    name + " could not " + p.what() + detail);
        };
    }

    private void offlineAll(String reason) {
        for (String phone : phones.keySet()) {
            online.remove(phone);
            registry.updateAvailability(deviceId(phone), Availability.OFFLINE, reason);
            failPending(phone, "The hub lost the connection to " + phones.get(phone) + ": " + reason);
        }
    }

    @Deactivate
    void close() {
        if (transport != null) {
            transport.close();
        }
        worker.execute(() -> {
            for (Pending p : pending.values()) {
                p.timeout()[0].cancel(false);
                p.result().complete(CommandResult.failed(p.deviceId(), FailureCode.DEVICE_UNREACHABLE,
                        "The phone driver stopped before " + phones.get(p.phone()) + " answered"));
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
