package io.glint.paho;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {
    private final NoDelaySocketFactory factory = new NoDelaySocketFactory();

    @Test
    void an_unconnected_socket_as_paho_asks_for_has_nagle_off() throws IOException {
        try (Socket socket = factory.createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
    }

    @Test
    void a_connected_socket_has_nagle_off() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket byName = factory.createSocket(loopback.getHostAddress(), server.getLocalPort());
                Socket byAddress = factory.createSocket(loopback, server.getLocalPort())) {
            assertTrue(byName.getTcpNoDelay());
            assertTrue(byAddress.getTcpNoDelay());
        }
    }

    @Test
    void an_unconnected_tls_socket_as_paho_asks_for_has_nagle_off() throws Exception {
        NoDelaySslSocketFactory tls = new NoDelaySslSocketFactory(SSLContext.getDefault().getSocketFactory());
        try (Socket socket = tls.createSocket()) {
            assertInstanceOf(SSLSocket.class, socket, "Paho casts it to SSLSocket for the handshake");
            assertTrue(socket.getTcpNoDelay());
        }
    }

    @Test
    void a_connected_tls_socket_has_nagle_off() throws Exception {
        NoDelaySslSocketFactory tls = new NoDelaySslSocketFactory(SSLContext.getDefault().getSocketFactory());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket socket = tls.createSocket(loopback, server.getLocalPort())) {
            assertTrue(socket.getTcpNoDelay());
        }
    }
}
