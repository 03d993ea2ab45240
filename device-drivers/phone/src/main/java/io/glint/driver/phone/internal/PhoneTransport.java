package io.glint.driver.phone.internal;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * How the hub reaches the phones' companion app. Listener calls arrive on the transport's threads and must return
 * at once.
 */
interface PhoneTransport extends AutoCloseable {

    interface Listener {
        /** Connected (again): the phones' retained status, state and contacts follow. */
        void connected();

        /** The connection to the broker is gone, with a reason a wearer can hear. */
        void disconnected(String reason);

        /** A phone published {@code leaf} (status, state, contacts, result) under its id. */
        void message(String phoneId, String leaf, byte[] payload);
    }

    /** Connects and follows the phones' topics; reconnects by itself. */
    void start(List<String> phoneIds, Listener listener);

    boolean connected();

    /** Sends a command now; the stage fails at once when it cannot be handed to the broker. */
    CompletionStage<Void> send(String phoneId, byte[] command);

    @Override
    void close();
}
