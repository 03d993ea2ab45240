package io.glint.moquette;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An MQTT broker the hub itself runs on this machine, registered as a service while it accepts connections: the
 * MQTT driver connects to it when no broker is configured, and simulated devices publish there (never on a broker
 * someone else runs). It speaks MQTT 3.1.1 and listens on loopback only.
 */
@ProviderType
public interface LocalBroker {

    /** Where to connect: {@code tcp://127.0.0.1:<port>}. */
    String uri();

    /** The loopback port it listens on. */
    int port();
}
