/**
 * The hub's own MQTT broker: {@link io.glint.moquette.EmbeddedBroker} starts Moquette on 127.0.0.1, in memory,
 * without telemetry, and {@link io.glint.moquette.LocalBroker} is the service a running one is known by.
 */
@Export
@Version("1.0.0")
package io.glint.moquette;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
