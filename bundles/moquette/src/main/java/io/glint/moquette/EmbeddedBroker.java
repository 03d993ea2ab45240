package io.glint.moquette;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * Moquette, started the only way the hub runs it: bound to 127.0.0.1, anonymous, sessions and retained messages
 * in memory (nothing is written to disk), plain MQTT 3.1.1 over TCP only (no WebSocket, no TLS listener), and
 * with everything that could reach outside the machine off — Moquette's telemetry (which otherwise reports to
 * telemetry.moquette.io at every start and writes a {@code .moquette_uuid} file), Bugsnag and metrics. The
 * settings are fixed here and cannot be changed by callers.
 */
public final class EmbeddedBroker implements LocalBroker, AutoCloseable {
    public static final String HOST = "127.0.0.1";
    /**
     * The largest message accepted, in bytes: a zigbee2mqtt bridge with a few hundred devices publishes a
     * {@code bridge/devices} of several MiB, and the MQTT driver accepts up to 8 MiB of it.
     */
    public static final int MAX_MESSAGE_BYTES = 9 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** Netty's allocator reads it once, when it first allocates: see the static initialiser. */
    static final String NETTY_MAX_ORDER = "io.netty.allocator.maxOrder";

    static {
        // The broker serves a few clients on loopback. Netty's pooled allocator would take a 4 MiB chunk of direct
        // memory for each event-loop thread that reads (8 MiB resident with the hub's two connections); chunks of
        // 256 KiB (8 KiB pages << 5) serve as well. Unless someone chose otherwise for this JVM.
        if (System.getProperty(NETTY_MAX_ORDER) == null) {
            System.setProperty(NETTY_MAX_ORDER, "5");
        }
    }
    /** How long {@link #close()} waits for the port to be free again; the rest of Moquette's stop goes on behind. */
    private static final long RELEASE_WAIT_MS = 2_000;

    private final Server server;
    private final int port;
    private final Thread stopping;
    private volatile boolean closed;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
        this.stopping = new Thread(this::stopServer, "glint-moquette-stop");
        this.stopping.setDaemon(true);
    }

    /**
     * Starts a broker on 127.0.0.1.
     *
     * @param port the port to listen on, or 0 for any free one ({@link #port()} says which)
     * @throws BindException when something else listens on that port already
     * @throws IOException   when the broker cannot start for another reason
     */
    public static EmbeddedBroker start(int port) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The embedded MQTT broker's port must be 1–65535, or 0 for any free"
                    + " port, not " + port);
        }
        if (port == 0) {
            return startOnAnyFreePort();
        }
        ensureFree(port);
        Server server = new Server();
        try {
            server.startServer(new MemoryConfig(settings(port)));
        } catch (RuntimeException e) {
            stopQuietly(server);
            if (cause(e, BindException.class) != null) {
                throw inUse(port, cause(e, BindException.class));
            }
            throw new IOException("The embedded MQTT broker did not start on " + HOST + ":" + port + ": "
                    + e.getMessage(), e);
        }
        return new EmbeddedBroker(server, port);
    }

    /**
     * Moquette learns the port Netty bound from a listener on Netty's thread, into a map {@code Server.getPort()}
     * reads without a lock: asking it races with that listener. So a free port is chosen here and given to
     * Moquette; another process taking it in between only costs another try.
     */
    private static EmbeddedBroker startOnAnyFreePort() throws IOException {
        BindException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int candidate;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                candidate = probe.getLocalPort();
            }
            try {
                return start(candidate);
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Everything the broker is told; Moquette's own defaults would persist to ./data and report telemetry. */
    static Properties settings(int port) {
        Properties p = new Properties();
        p.setProperty("host", HOST);
        p.setProperty("port", Integer.toString(port));
        // Nothing leaves the machine.
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("use_bugsnag", "false");
        p.setProperty("use_metrics", "false");
        // Nothing on disk: sessions, subscriptions and retained messages live in memory, gone at stop.
        p.setProperty("persistence_enabled", "false");
        // Anyone on this machine may connect, as to a default Mosquitto on loopback; nobody from outside can.
        p.setProperty("allow_anonymous", "true");
        p.setProperty("password_file", "");
        p.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
        p.setProperty("netty.epoll", "false");
        p.setProperty("netty.tcp_nodelay", "true");
        p.setProperty("buffer_flush_millis", "immediate");
        return p;
    }

    private static void ensureFree(int port) throws BindException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (BindException e) {
            throw inUse(port, e);
        } catch (IOException e) {
            // Not a clear answer either way: let Moquette try and report.
        }
    }

    private static BindException inUse(int port, BindException cause) {
        BindException e = new BindException(HOST + ":" + port + " is already in use (" + cause.getMessage() + ")");
        e.initCause(cause);
        return e;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stopServer();
        } catch (RuntimeException e) {
            LOG.debug("Stopping a broker that did not start: {}", e.toString());
        }
    }

    @Override
    public String uri() {
        return "tcp://" + HOST + ":" + port;
    }

    @Override
    public int port() {
        return port;
    }

    /**
     * Stops the broker: its clients lose the connection at once (as when a broker is killed) and what it held is
     * gone. Returns once the port is free again, at most after a couple of seconds; Moquette's own shutdown of its
     * threads (a graceful period of about two seconds) finishes in the background.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELEASE_WAIT_MS);
        while (System.nanoTime() < deadline && stopping.isAlive() && !released()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopServer() {
        try {
            server.stopServer();
        } catch (RuntimeException e) {
            LOG.warn("The embedded MQTT broker did not stop cleanly: {}", e.toString());
        }
    }

    /** Whether nothing listens on the port any more. */
    private boolean released() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "embedded MQTT broker " + uri();
    }
}
