/**
 * Which glasses are paired with this hub: identity to pre-shared key, kept in a file only the hub's user can read.
 */
@Export
@Version("1.0.0")
package io.glint.bridge.pairing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
