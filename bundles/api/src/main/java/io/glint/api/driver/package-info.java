/**
 * The SPI a protocol bundle implements: announce devices to the {@link io.glint.api.driver.DeviceRegistry},
 * execute commands within a deadline, report state and availability.
 */
@Export
@Version("1.0.0")
package io.glint.api.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
