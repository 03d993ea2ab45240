package io.glint.bridge.protocol;

import java.net.InetSocketAddress;

/**
 * Registered as an OSGi service by a running glasses bridge: where glasses reach it (with the actual port when any
 * free port was asked). The service properties {@link #HOST} and {@link #PORT} say the same for callers that cannot
 * share the bridge's classes, such as the launcher outside the framework.
 */
public interface BridgeEndpoint {
    /** Service property: the address the bridge listens on (String). */
    String HOST = "glint.bridge.host";
    /** Service property: the UDP port the bridge listens on (Integer). */
    String PORT = "glint.bridge.port";

    InetSocketAddress address();
}
