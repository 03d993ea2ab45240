package io.glint.paho;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;

import javax.net.SocketFactory;

/**
 * Creates sockets with {@code TCP_NODELAY} on, for Paho's {@code tcp://} connections.
 * <p>
 * Paho never turns Nagle's algorithm off. An MQTT exchange is a few small packets each way, so Nagle holds a
 * packet back until the previous one is acknowledged, and the peer's delayed ACK makes that wait ~40 ms: QoS 1
 * round trips then stall ~44 ms on some brokers instead of taking well under a millisecond. Not for
 * {@code ssl://}: Paho requires an {@code SSLSocketFactory} there; use {@link NoDelaySslSocketFactory}.
 */
public final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory delegate;

    /** Plain sockets, as Paho creates them by default. */
    public NoDelaySocketFactory() {
        this(SocketFactory.getDefault());
    }

    /** Sockets from {@code delegate}, with {@code TCP_NODELAY} set on each. */
    public NoDelaySocketFactory(SocketFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    // Paho calls this one, then connects the socket itself with its connection timeout.
    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    /** Sets {@code TCP_NODELAY} on {@code socket}, or closes it and throws. */
    static Socket noDelay(Socket socket) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
