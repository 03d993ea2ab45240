package io.glint.paho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectRetryTest {
    /** A client that counts how it was used. */
    static final class Client implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Client> made = new ArrayList<>();

    private Client make() {
        Client c = new Client();
        made.add(c);
        return c;
    }

    @Test
    void a_dropped_connection_is_tried_again_and_the_failed_client_closed() throws IOException {
        Client c = ConnectRetry.open("The test client", "tcp://127.0.0.1:1", this::make, client -> {
            if (made.size() < 3) {
                throw new IOException("Connection lost");
            }
        });
        assertEquals(3, made.size());
        assertSame(made.get(2), c);
        assertTrue(made.get(0).closed && made.get(1).closed && !c.closed);
    }

    @Test
    void after_every_attempt_failed_the_last_failure_is_explained() {
        IOException e = assertThrows(IOException.class, () -> ConnectRetry.open("The test client",
                "tcp://127.0.0.1:1", this::make, client -> {
                    throw new IOException("Connection refused");
                }));
        assertEquals("The test client could not connect to tcp://127.0.0.1:1: Connection refused", e.getMessage());
        assertEquals(ConnectRetry.ATTEMPTS, made.size());
        assertTrue(made.stream().allMatch(c -> c.closed));
    }

    @Test
    void a_runtime_exception_is_not_worth_another_try() {
        assertThrows(IllegalArgumentException.class, () -> ConnectRetry.open("The test client",
                "tcp://127.0.0.1:1", this::make, client -> {
                    throw new IllegalArgumentException("no such car name");
                }));
        assertEquals(1, made.size());
        assertTrue(made.get(0).closed);
    }
}
