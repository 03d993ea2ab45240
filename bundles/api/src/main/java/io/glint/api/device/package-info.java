/**
 * The device model skills see: devices, rooms, capabilities, commands, and the {@link io.glint.api.device.Devices}
 * service that finds and commands them within a skill's grants.
 */
@Export
@Version("1.5.0")
package io.glint.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
