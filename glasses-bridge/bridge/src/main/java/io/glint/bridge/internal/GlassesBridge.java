package io.glint.bridge.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.util.Filter;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.voice.Assistant;
import io.glint.bridge.pairing.Pair;
import io.glint.bridge.pairing.PairingStore;

/**
 * The CoAP server over DTLS the glasses talk to: {@code /v1/utterances} and {@code /v1/notifications}. The PSK
 * identity of each DTLS session is who speaks; the pairing file decides who may, at every handshake and every
 * request, and a pair removed from it loses its sessions within {@link BridgeSettings#pairingPoll()}.
 */
public final class GlassesBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GlassesBridge.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final BridgeSettings settings;
    private final PairingStore pairing;
    private final NotificationCenter notifications;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final RateLimiter limiter;
    private final CoapServer server;
    private final DTLSConnector connector;
    private final CoapEndpoint endpoint;
    private final NotificationsResource notificationsResource;
    private final NotificationCenter.Listener listener;
    /**
     * Identity to key, of every pair this bridge has seen: in the pairing file at a check, or admitted at a request
     * (glasses paired and unpaired between two checks must still lose their sessions and observations).
     */
    private final Map<String, String> knownKeys = new ConcurrentHashMap<>();
    /**
     * The revocations under way, by identity: their 4.01s are out and their sessions not closed yet. Until they are,
     * the gate refuses these identities, whatever the file says now (a renewed key must not let the old one in).
     */
    private final Map<String, Revocation> revoking = new ConcurrentHashMap<>();
    private volatile boolean closed;

    GlassesBridge(BridgeSettings settings, PairingStore pairing, Supplier<Assistant> assistant,
            NotificationCenter notifications) {
        this.settings = settings;
        this.pairing = pairing;
        this.notifications = notifications;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queue()), r -> {
                    Thread t = new Thread(r, "glint-bridge-utterance-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glint-bridge-timer");
            t.setDaemon(true);
            return t;
        });
        this.limiter = new RateLimiter(settings.ratePerSecond(), settings.burst(), System::nanoTime);

        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxPayloadBytes());
        config.set(CoapConfig.MAX_MESSAGE_SIZE, Math.max(1024, settings.maxPayloadBytes()));
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(settings.host(), settings.port()))
                .setAdvancedPskStore(new PairedPskStore(pairing))
                .setLoggingTag("glint-bridge")
                .build();
        this.connector = new DTLSConnector(dtls);
        this.server = new CoapServer(config);
        this.endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector)
                .setLoggingTag("glint-bridge").build();
        server.addEndpoint(endpoint);

        CoapResource v1 = new CoapResource(io.glint.bridge.protocol.Protocol.VERSION);
        v1.setVisible(false);
        Gate gate = new Gate();
        v1.add(new UtteranceResource(gate, assistant, workers, settings));
        this.notificationsResource = new NotificationsResource(gate, notifications);
        v1.add(notificationsResource);
        server.add(v1);
        this.listener = notificationsResource::pushChanges;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IOException when the port cannot be bound (in use, or no such address); the message says which
     */
    void start() throws IOException {
        try {
            knownKeys.putAll(keys());
        } catch (IOException e) {
            LOG.error("{}", e.getMessage());
        }
        String busy = settings.port() == 0 ? null : bindProblemOrNull();
        if (busy != null) {
            // found before Californium tries: it would log its own stack trace for the same reason
            server.destroy();
            shutdownExecutors();
            throw new IOException(cannotListen(busy));
        }
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.destroy();
            shutdownExecutors();
            throw new IOException(cannotListen(bindProblem()), e);
        }
        notifications.addListener(listener);
        long poll = settings.pairingPoll().toMillis();
        timer.scheduleWithFixedDelay(this::checkPairs, poll, poll, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(notifications::tick, 5, 5, TimeUnit.SECONDS);
        LOG.info("Glasses bridge listening on coaps://{} (pairs in {})", address(), pairing.file());
        pairing.permissionProblem().ifPresent(p -> LOG.warn("{}", p));
    }

    private String cannotListen(String why) {
        return "The glasses bridge cannot listen on UDP " + settings.host() + ":" + settings.port() + " (" + why
                + "). Another hub may be running: set port in conf/io.glint.bridge.cfg to a free port, or stop the "
                + "other process.";
    }

    /** Why the address cannot be bound, as the JDK says it (Californium only logs it). */
    private String bindProblem() {
        String problem = bindProblemOrNull();
        return problem == null ? "the endpoint did not start" : problem;
    }

    /** Null when the address can be bound now. */
    private String bindProblemOrNull() {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(
                new InetSocketAddress(settings.host(), settings.port()))) {
            return null;
        } catch (IOException | SecurityException e) {
            return e.getMessage();
        }
    }

    /** The bound address (with the actual port when 0 was asked). */
    public InetSocketAddress address() {
        return connector.getAddress();
    }

    NotificationCenter notifications() {
        return notifications;
    }

    /** How many observations of {@code /v1/notifications} the bridge holds now. */
    int observers() {
        return notificationsResource.getObserverCount();
    }

    /** Closes the sessions of pairs that were removed from the file or given a new key. */
    void checkPairs() {
        Map<String, String> now;
        try {
            now = keys();
        } catch (IOException e) {
            LOG.error("{}", e.getMessage());
            now = Map.of();
        }
        Set<String> revoked = new HashSet<>();
        for (Map.Entry<String, String> e : knownKeys.entrySet()) {
            if (!e.getValue().equals(now.get(e.getKey()))) {
                revoked.add(e.getKey());
                knownKeys.remove(e.getKey(), e.getValue());
            }
        }
        knownKeys.putAll(now);
        revoking.values().removeIf(Revocation::over);
        if (!revoked.isEmpty()) {
            revoke(revoked);
        }
    }

    /**
     * Ends the observations of these identities with 4.01, then closes their DTLS sessions. In that order: the 4.01s
     * go out asynchronously over those very sessions, and a session closed first takes its 4.01 with it (a server
     * cannot open a session to send it), leaving the glasses observing a hub that will never speak to them again.
     * The sessions close once every 4.01 has been acknowledged or has failed, or at the latest
     * {@link BridgeSettings#pairingPoll()} later; until they are closed the gate answers their requests 4.01.
     */
    private void revoke(Set<String> identities) {
        LOG.info("Pairing revoked or renewed for {}: ending their observations and closing their DTLS sessions",
                identities);
        Revocation revocation = new Revocation();
        for (String identity : identities) {
            revoking.put(identity, revocation);
            limiter.forget(identity);
        }
        Filter<Principal> revoked = p -> p instanceof PreSharedKeyIdentity psk && identities.contains(psk.getIdentity());
        notificationsResource.dropObservers(identities)
                .completeOnTimeout(null, settings.pairingPoll().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((told, e) -> revocation.closing = closeSessions(revoked));
    }

    private Future<?> closeSessions(Filter<Principal> revoked) {
        if (closed) {
            return CompletableFuture.completedFuture(null); // Californium is destroyed with every session
        }
        try {
            return connector.startTerminateConnectionsForPrincipal(revoked);
        } catch (RuntimeException e) {
            LOG.debug("The DTLS sessions of revoked glasses were not closed: the bridge is stopping", e);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** One revocation: over once the sessions it closes are closed. */
    private static final class Revocation {
        volatile Future<?> closing;

        boolean over() {
            Future<?> f = closing;
            return f != null && f.isDone();
        }
    }

    private Map<String, String> keys() throws IOException {
        Map<String, String> keys = new HashMap<>();
        for (Pair p : pairing.pairs().values()) {
            keys.put(p.identity(), p.key());
        }
        return keys;
    }

    @Override
    public void close() {
        closed = true;
        notifications.removeListener(listener);
        // the bridge's own threads first, so that none of them hands Californium work after it is destroyed
        shutdownExecutors();
        server.destroy();
    }

    private void shutdownExecutors() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** Who is asking, and whether they may: run first by every resource, on the protocol thread. */
    final class Gate {
        /** The paired identity of the request's DTLS session, or empty after answering the refusal. */
        Optional<String> admit(CoapExchange exchange, boolean rateLimited) {
            Principal principal = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
            if (!(principal instanceof PreSharedKeyIdentity psk)) {
                Replies.error(exchange, org.eclipse.californium.core.coap.CoAP.ResponseCode.UNAUTHORIZED,
                        "Only paired glasses may talk to the hub: connect over DTLS with the identity and key from "
                                + "'glint pair NAME'");
                return Optional.empty();
            }
            String identity = psk.getIdentity();
            try {
                Optional<Pair> pair = pairing.find(identity);
                if (pair.isEmpty()) {
                    Replies.error(exchange, org.eclipse.californium.core.coap.CoAP.ResponseCode.UNAUTHORIZED,
                            "\"" + identity + "\" is no longer paired with this hub: pair the glasses again");
                    return Optional.empty();
                }
                Revocation revocation = revoking.get(identity);
                if (revocation != null && !revocation.over()) {
                    Replies.error(exchange, org.eclipse.californium.core.coap.CoAP.ResponseCode.UNAUTHORIZED,
                            "The pairing of \"" + identity + "\" changed and this session is closing: connect again "
                                    + "with the current key");
                    return Optional.empty();
                }
                knownKeys.putIfAbsent(identity, pair.get().key());
            } catch (IOException e) {
                Replies.error(exchange, org.eclipse.californium.core.coap.CoAP.ResponseCode.SERVICE_UNAVAILABLE,
                        "The hub cannot read its pairing file; the hub's log says why");
                return Optional.empty();
            }
            if (rateLimited) {
                long wait = limiter.acquire(identity);
                if (wait > 0) {
                    Replies.tooMany(exchange, wait, settings);
                    return Optional.empty();
                }
            }
            return Optional.of(identity);
        }

        /**
         * Called after an observation of these glasses was registered or notified. They were paired when the gate
         * admitted the request; if they were unpaired since, a revocation running meanwhile may have missed the
         * observation (not established yet when it looked), so this one is ended, and the sessions closed, now.
         */
        void observing(String identity) {
            try {
                if (pairing.find(identity).isPresent()) {
                    return;
                }
            } catch (IOException e) {
                return; // the next request is answered 5.03, and the next check of the pairs logs why
            }
            revoke(Set.of(identity));
        }
    }
}
