/**
 * What Glint adds to Paho: {@link io.glint.paho.NoDelaySocketFactory} and
 * {@link io.glint.paho.NoDelaySslSocketFactory}, to pass to {@code MqttConnectionOptions.setSocketFactory} for
 * {@code tcp://} and {@code ssl://} brokers, and {@link io.glint.paho.ConnectRetry}, for a client that tries again
 * when a broker drops it while it connects.
 */
@Export
@Version("1.2.0")
package io.glint.paho;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
