package io.glint.itests;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** The greeter skill's jar as Maven built it, and the "v2" an author would ship next. */
final class SkillJars {
    /** The resource the greeter reads its greeting word from. */
    static final String GREETING = "glint/greeting.txt";
    static final String GREETER = "io.glint.skill.examples.greeter";

    private SkillJars() {
    }

    /** The greeter jar the build resolved (set by the pom from the dependency's path). */
    static Path greeter() {
        String path = System.getProperty("glint.itests.greeter.jar");
        assertNotNull("glint.itests.greeter.jar is not set; run the tests through Maven", path);
        Path jar = Path.of(path);
        assertTrue(jar + " is not a file; build skills/examples/greeter first", Files.isRegularFile(jar));
        return jar;
    }

    static byte[] greeterBytes() throws IOException {
        return Files.readAllBytes(greeter());
    }

    /**
     * The greeter saying {@code greeting} instead of "Hello", one micro version up: the same code with another
     * resource, as a new release of a skill would be.
     */
    static byte[] greeterSaying(String greeting) throws IOException {
        try (JarFile jar = new JarFile(greeter().toFile())) {
            Manifest manifest = new Manifest(jar.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue(Constants.BUNDLE_VERSION, bumped(main.getValue(Constants.BUNDLE_VERSION)).toString());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME) || entry.getName().equals(GREETING)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry(GREETING));
                out.write((greeting + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return bytes.toByteArray();
        }
    }

    /** The Bundle-Version written by {@link #greeterSaying}. */
    static Version versionOf(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return Version.parseVersion(in.getManifest().getMainAttributes().getValue(Constants.BUNDLE_VERSION));
        }
    }

    private static Version bumped(String version) {
        Version v = Version.parseVersion(version);
        return new Version(v.getMajor(), v.getMinor(), v.getMicro() + 1, v.getQualifier());
    }
}
