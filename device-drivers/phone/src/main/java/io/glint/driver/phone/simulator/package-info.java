/**
 * The companion-app protocol's topics and payload names ({@link io.glint.driver.phone.simulator.PhoneTopics}), and
 * a simulated phone running the app, for tests and the demo.
 */
@Export
@Version("0.1.0")
package io.glint.driver.phone.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
