/**
 * Telling the wearer something nobody asked about: a {@link io.glint.api.notify.Notification} raised through the
 * hub's {@link io.glint.api.notify.Notifications} service reaches every pair of paired glasses that listens.
 */
@Export
@Version("1.0.0")
package io.glint.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
