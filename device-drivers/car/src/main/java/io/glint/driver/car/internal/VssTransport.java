package io.glint.driver.car.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * How the hub reads and writes a car's VSS signals. The MQTT transport ({@link MqttVssTransport}) is the first; a
 * KUKSA.val gRPC one can follow (see the module's README). Listener calls arrive on the transport's threads and
 * must return at once.
 */
interface VssTransport extends AutoCloseable {

    interface Listener {
        /** Connected (again): current values follow. */
        void connected();

        /** The connection to the cars is gone, with a reason a wearer can hear. */
        void disconnected(String reason);

        /** A car reported a current value. */
        void current(String car, String path, Object value);

        /** A car said it is online or offline (its last will). */
        void carStatus(String car, boolean online);
    }

    /** Connects and follows the cars' current values; reconnects by itself. */
    void start(List<String> cars, Listener listener);

    boolean connected();

    /**
     * Sends a target value now. The stage completes once the transport handed it on, or fails at once when it
     * cannot; the car must ignore it after {@code expires}.
     */
    CompletionStage<Void> setTarget(String car, String path, Object value, Instant expires);

    @Override
    void close();
}
