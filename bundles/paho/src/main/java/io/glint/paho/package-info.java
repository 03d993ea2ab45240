/**
 * What Glint adds to Paho: {@link io.glint.paho.NoDelaySocketFactory} and
 * {@link io.glint.paho.NoDelaySslSocketFactory}, to pass to {@code MqttConnectionOptions.setSocketFactory} for
 * {@code tcp://} and {@code ssl://} brokers.
 */
@Export
@Version("1.1.0")
package io.glint.paho;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
