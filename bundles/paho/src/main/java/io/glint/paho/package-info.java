/**
 * What Glint adds to Paho: {@link io.glint.paho.NoDelaySocketFactory}, to pass to
 * {@code MqttConnectionOptions.setSocketFactory} for {@code tcp://} brokers.
 */
@Export
@Version("1.0.0")
package io.glint.paho;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
