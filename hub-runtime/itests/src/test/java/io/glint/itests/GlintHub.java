package io.glint.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.MavenArtifactProvisionOption;

/**
 * The hub as the distribution runs it: Felix with SCR, ConfigAdmin, FileInstall, Jackson and the hub's bundles,
 * slf4j from the class path as system packages. Every bundle comes from the local Maven repository; the versions
 * are the root pom's.
 */
final class GlintHub {
    /** Property naming the hot folder FileInstall watches in the framework under test. */
    static final String HOT_FOLDER = "felix.fileinstall.dir";

    private static final Properties VERSIONS = versions();

    private GlintHub() {
    }

    /** The hub, with a hot folder of its own (FileInstall would otherwise watch ./load). */
    static Option[] hub() {
        return options(
                systemPackages(slf4j("org.slf4j"), slf4j("org.slf4j.event"), slf4j("org.slf4j.helpers"),
                        slf4j("org.slf4j.spi"),
                        // Pax Exam's own bundles import org.slf4j [1.4,2); slf4j 2's API is backward compatible
                        // for callers, so the same classes are offered to them under a 1.x version too.
                        "org.slf4j;version=1.7.36"),
                junitBundles(),
                hotFolder(),
                mavenBundle("org.osgi", "org.osgi.util.function", version("osgi.function")),
                mavenBundle("org.osgi", "org.osgi.util.promise", version("osgi.promise")),
                mavenBundle("org.osgi", "org.osgi.service.component", version("osgi.component")),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", version("felix.scr")),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin", version("felix.configadmin")),
                mavenBundle("org.apache.felix", "org.apache.felix.fileinstall", version("felix.fileinstall")),
                mavenBundle("com.fasterxml.jackson.core", "jackson-annotations", version("jackson.annotations")),
                mavenBundle("com.fasterxml.jackson.core", "jackson-core", version("jackson")),
                mavenBundle("com.fasterxml.jackson.core", "jackson-databind", version("jackson")),
                glint("io.glint.api"),
                glint("io.glint.nlu"),
                glint("io.glint.core"),
                glint("io.glint.driver.virtual"),
                glint("io.glint.skill.lights"),
                glint("io.glint.skill.appliances"),
                glint("io.glint.skill.climate"),
                glint("io.glint.skill.media"));
    }

    /**
     * The on-device sentence encoders: io.glint.djl and the Gson DJL needs. Its ~94 MB of models and
     * natives go to a folder kept across runs ({@code glint.djl.dir}), not to the throwaway bundle storage, so only
     * the first boot copies them. At most one framework per JVM may start it: ONNX Runtime's native library binds
     * to the first io.glint.djl class loader that loads it, and every test class runs in the same surefire fork.
     */
    static Option models() {
        String dir = Path.of(System.getProperty("glint.itests.djl", "target/djl")).toAbsolutePath().toString();
        return composite(
                frameworkProperty("glint.djl.dir").value(dir),
                mavenBundle("com.google.code.gson", "gson", version("gson")),
                glint("io.glint.djl"));
    }

    /**
     * The glasses bridge with Californium and CBOR. The bridge bundle is installed but not started: a test
     * configures it (a free port, its own pairing file) through ConfigAdmin first, then starts it, so it never
     * binds the default port. (Pax Exam logs at boot that this bundle "is not resolved": it is resolved when the
     * test starts it.)
     */
    static Option glassesBridge() {
        return composite(
                mavenBundle("com.fasterxml.jackson.dataformat", "jackson-dataformat-cbor", version("jackson")),
                glint("io.glint.californium"),
                glint("io.glint.bridge").noStart());
    }

    /**
     * Cars: the MQTT driver's embedded broker (on any free port, as the launcher's short commands run it) with
     * Moquette and Paho, the car driver (with its simulated cars) and the car skill. Nothing runs until a test
     * configures the cars.
     */
    static Option cars() {
        return composite(
                frameworkProperty("glint.mqtt.embeddedPort").value("0"),
                mavenBundle("org.eclipse.paho", "org.eclipse.paho.client.mqttv3", version("paho")),
                glint("io.glint.paho"),
                glint("io.glint.moquette"),
                glint("io.glint.driver.mqtt"),
                glint("io.glint.driver.car"),
                glint("io.glint.skill.car"));
    }

    private static Option hotFolder() {
        try {
            Path work = Files.createDirectories(Path.of(System.getProperty("glint.itests.work", "target/itests")));
            Path dir = Files.createTempDirectory(work, "skills-");
            // As the launcher configures it: a jar dropped in is live in a few hundred milliseconds.
            return composite(
                    frameworkProperty(HOT_FOLDER).value(dir.toAbsolutePath().toString()),
                    frameworkProperty("felix.fileinstall.poll").value("100"),
                    frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                    frameworkProperty("felix.fileinstall.bundles.new.start").value("true"),
                    frameworkProperty("felix.fileinstall.filter").value(".*\\.(jar|cfg|config)"),
                    frameworkProperty("felix.fileinstall.tmpdir").value(work.resolve("fileinstall-tmp").toString()),
                    frameworkProperty("felix.fileinstall.log.level").value("2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MavenArtifactProvisionOption glint(String artifactId) {
        return mavenBundle("io.glint", artifactId, version("glint"));
    }

    private static String slf4j(String pkg) {
        return pkg + ";version=" + version("slf4j");
    }

    private static String version(String key) {
        String v = VERSIONS.getProperty(key);
        if (v == null || v.isBlank() || v.startsWith("${")) {
            throw new IllegalStateException("No version for " + key + " in versions.properties; is the module built "
                    + "with Maven (which fills it in from the root pom)?");
        }
        return v;
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = GlintHub.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the test class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
