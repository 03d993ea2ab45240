/**
 * A simulated car that speaks the car driver's VSS-over-MQTT topics, for tests and the demo.
 */
@Export
@Version("0.1.0")
package io.glint.driver.car.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
