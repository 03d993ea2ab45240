/**
 * The hub's voice entry point, used by the glasses bridge, the demo and the command line:
 * an {@link io.glint.api.voice.Utterance} in, a {@link io.glint.api.voice.Response} out.
 */
@Export
@Version("1.3.0")
package io.glint.api.voice;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
