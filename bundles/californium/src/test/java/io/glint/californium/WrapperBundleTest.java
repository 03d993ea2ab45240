package io.glint.californium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The bundle bnd made (target/classes with its manifest) resolves in Felix next to slf4j 2 exported by the
 * system bundle — the situation in which the published Californium jars do not resolve — and its DTLS and CoAP
 * classes load from it.
 */
class WrapperBundleTest {

    @Test
    void resolvesWithSlf4j2AndWithoutBouncyCastle(@TempDir Path storage) throws Exception {
        Path classes = Path.of("target/classes");
        Manifest manifest;
        try (var in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String imports = manifest.getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
        assertTrue(imports.contains("org.slf4j.event;version=\"[1.7,3)\""), imports);
        assertTrue(imports.matches("(?s).*org\\.bouncycastle[^,]*resolution:=optional.*"), imports);

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.slf4j;version=2.0.17,org.slf4j.event;version=2.0.17,org.slf4j.helpers;version=2.0.17,"
                        + "org.slf4j.spi;version=2.0.17");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(config);
        framework.start();
        try {
            Bundle bundle = framework.getBundleContext()
                    .installBundle("reference:" + classes.toAbsolutePath().toUri());
            bundle.start();
            assertEquals(Bundle.ACTIVE, bundle.getState());
            assertEquals("io.glint.californium", bundle.getSymbolicName());
            Class<?> dtls = bundle.loadClass("org.eclipse.californium.scandium.DTLSConnector");
            Class<?> server = bundle.loadClass("org.eclipse.californium.core.CoapServer");
            assertEquals(bundle, org.osgi.framework.FrameworkUtil.getBundle(dtls));
            assertEquals(bundle, org.osgi.framework.FrameworkUtil.getBundle(server));
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }
}
