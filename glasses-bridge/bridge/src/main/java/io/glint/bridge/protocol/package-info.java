/**
 * The glasses protocol, version 1 (docs/glasses-protocol.md): paths, content formats, messages and their JSON and
 * CBOR encodings, shared by the bridge and by any Java client (the simulator, the tests).
 */
@Export
@Version("1.2.0")
package io.glint.bridge.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
