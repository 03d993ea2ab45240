package io.glint.paho;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;

import javax.net.SocketFactory;

/**
 * Creates sockets with {@code TCP_NODELAY} on, for Paho's {@code tcp://} connections; the plain sockets of the
 * no-argument constructor also buffer what they read.
 * <p>
 * Paho never turns Nagle's algorithm off. An MQTT exchange is a few small packets each way, so Nagle holds a
 * packet back until the previous one is acknowledged, and the peer's delayed ACK makes that wait ~40 ms: QoS 1
 * round trips then stall ~44 ms on some brokers instead of taking well under a millisecond. Not for
 * {@code ssl://}: Paho requires an {@code SSLSocketFactory} there; use {@link NoDelaySslSocketFactory}.
 * <p>
 * Paho reads each packet straight from the socket: the first byte, the length a byte at a time, then the rest. On
 * an unbuffered socket that is three or more system calls per message, about a third of what Paho's receive thread
 * spent on a 200-byte state message; the plain sockets made here read through a buffer instead.
 */
public final class NoDelaySocketFactory extends SocketFactory {
    /** Big enough for dozens of typical messages per system call. */
    static final int READ_BUFFER = 16 * 1024;

    /** Null: plain sockets with a read buffer, made here. */
    private final SocketFactory delegate;

    /** Plain sockets, as Paho creates them by default, with {@code TCP_NODELAY} and a read buffer. */
    public NoDelaySocketFactory() {
        this.delegate = null;
    }

    /** Sockets from {@code delegate}, with {@code TCP_NODELAY} set on each (and no read buffer added). */
    public NoDelaySocketFactory(SocketFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    // Paho calls this one, then connects the socket itself with its connection timeout.
    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate == null ? new BufferedSocket() : delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(delegate == null ? new BufferedSocket(host, port) : delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(delegate == null ? new BufferedSocket(host, port, localHost, localPort)
                : delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(delegate == null ? new BufferedSocket(host, port) : delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(delegate == null ? new BufferedSocket(address, port, localAddress, localPort)
                : delegate.createSocket(address, port, localAddress, localPort));
    }

    /**
     * A plain socket whose input stream reads through a buffer. One stream per socket, however often it is asked
     * for: two buffers on one socket would each take bytes meant for the other.
     */
    static final class BufferedSocket extends Socket {
        private InputStream in;

        BufferedSocket() {
        }

        BufferedSocket(String host, int port) throws IOException {
            super(host, port);
        }

        BufferedSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            super(host, port, localHost, localPort);
        }

        BufferedSocket(InetAddress host, int port) throws IOException {
            super(host, port);
        }

        BufferedSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            super(address, port, localAddress, localPort);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), READ_BUFFER);
            }
            return in;
        }
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
