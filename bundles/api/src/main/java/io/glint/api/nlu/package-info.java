/**
 * Plug-in points for on-device understanding: a {@link io.glint.api.nlu.SentenceEncoder} turns text into a
 * vector so the hub can match what people say against the examples skills declare, and {@link
 * io.glint.api.nlu.RowDots} finds the nearest examples in native code.
 */
@Export
@Version("1.1.0")
package io.glint.api.nlu;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
