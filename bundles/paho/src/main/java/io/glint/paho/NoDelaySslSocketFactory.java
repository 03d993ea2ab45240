package io.glint.paho;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;

import javax.net.ssl.SSLSocketFactory;

/**
 * Creates TLS sockets with {@code TCP_NODELAY} on, for Paho's {@code ssl://} connections: what
 * {@link NoDelaySocketFactory} is for {@code tcp://}. Paho requires an {@link SSLSocketFactory} for {@code ssl://}
 * (any other factory fails the connection with "socket factory mismatch"), so this one wraps the factory of the
 * caller's {@code SSLContext} (trust store, client certificate) and only adds the socket option.
 * <p>
 * Paho asks for an unconnected socket ({@link #createSocket()}), connects it with its connection timeout, then runs
 * the handshake; Nagle is off before the first byte, so the handshake's and MQTT's small packets are not held back.
 */
public final class NoDelaySslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    /** Sockets from {@code delegate} (e.g. {@code sslContext.getSocketFactory()}), with {@code TCP_NODELAY} set. */
    public NoDelaySslSocketFactory(SSLSocketFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    // Paho calls this one, then connects the socket itself with its connection timeout.
    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return noDelay(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return noDelay(delegate.createSocket(s, consumed, autoClose));
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

    private static Socket noDelay(Socket socket) throws IOException {
        return NoDelaySocketFactory.noDelay(socket);
    }
}
