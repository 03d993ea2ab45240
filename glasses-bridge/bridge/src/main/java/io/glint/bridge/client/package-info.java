/**
 * A pair of glasses in Java: speaks the glasses protocol over CoAP/DTLS with a pre-shared key. The glasses
 * simulator ({@code glint say}, {@code glint glasses}), the tests and the benchmarks use it.
 */
@Export
@Version("1.0.0")
package io.glint.bridge.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
