package io.glint.paho;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
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
    void plain_sockets_read_through_one_buffer_and_pass_every_byte_on() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        byte[] sent = new byte[100_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31);
        }
        try (ServerSocket server = new ServerSocket(0, 1, loopback); Socket socket = factory.createSocket()) {
            socket.connect(new InetSocketAddress(loopback, server.getLocalPort()), 2000);
            socket.setSoTimeout(5000);
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write(sent);
                peer.getOutputStream().flush();
            }
            InputStream in = socket.getInputStream();
            assertSame(in, socket.getInputStream(), "one buffer per socket");
            assertInstanceOf(BufferedInputStream.class, in);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            received.write(in.read()); // as Paho reads a packet: a byte, then the rest in bulk
            received.write(in.readAllBytes());
            assertArrayEquals(sent, received.toByteArray());
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
