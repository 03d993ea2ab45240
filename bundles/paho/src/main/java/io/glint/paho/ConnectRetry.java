package io.glint.paho;

import java.io.IOException;

/**
 * Opens an MQTT client that tries again when the broker drops it while it connects, as a phone's companion app or
 * a car's telematics unit does: a broker busy starting (the hub's embedded one, just after opening its port) now
 * and then closes a fresh connection. Five attempts, 250 ms more between each; a client that fails is closed
 * before the next. A {@link RuntimeException} (a bad name, a bug) is not worth another try and goes straight out.
 */
public final class ConnectRetry {
    /** How many times a client is created and connected before giving up. */
    public static final int ATTEMPTS = 5;

    /** Creates the client, not yet connected. */
    @FunctionalInterface
    public interface Create<T> {
        T create() throws Exception;
    }

    /** Connects a client that {@link Create} made. */
    @FunctionalInterface
    public interface Connect<T> {
        void connect(T client) throws Exception;
    }

    private ConnectRetry() {
    }

    /**
     * @param what      who connects, to start the messages with ("The simulated car model3")
     * @param brokerUri where to, for the message
     * @throws IOException "… could not connect to …" with the last failure, after {@link #ATTEMPTS} attempts, or
     *                     "… was stopped while connecting" when the thread is interrupted between them
     */
    public static <T extends AutoCloseable> T open(String what, String brokerUri, Create<T> create,
            Connect<T> connect) throws IOException {
        for (int attempt = 1; ; attempt++) {
            T client = null;
            try {
                client = create.create();
                connect.connect(client);
                return client;
            } catch (RuntimeException e) {
                closeQuietly(client);
                throw e;
            } catch (Exception e) {
                closeQuietly(client);
                if (attempt == ATTEMPTS) {
                    throw new IOException(what + " could not connect to " + brokerUri + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(250L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(what + " was stopped while connecting", e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable client) {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                // a client that never connected: nothing more to release
            }
        }
    }
}
