package io.glint.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

import io.glint.api.device.DeviceListener;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Utterance;

/**
 * The embedded Felix framework with the distribution's bundles. The SDK and slf4j come from the launcher's class
 * path as system packages, so the launcher and the bundles share the same {@link Assistant} and
 * {@link io.glint.api.device.DeviceListener} classes.
 */
final class Hub implements AutoCloseable {

    /** What the hub must understand before it counts as ready for voice. */
    static final Utterance PROBE = Utterance.of("turn on the kitchen light");

    static final String CONFIGADMIN = "org.apache.felix.configadmin";
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    static final String SCR = "org.apache.felix.scr";
    static final String DRIVERS = "io.glint.driver.";
    /** The bundle with the on-device models; when it is installed, ready means its models serve both languages. */
    static final String DJL = "io.glint.djl";
    static final java.util.Set<String> MODEL_LANGUAGES = java.util.Set.of("en", "zh");
    /**
     * How long {@link #awaitReady} waits in all while the models are the only thing missing: their first indexing
     * of every first-party skill's sentences takes about 25 s on two cores (docs/benchmarks.md).
     */
    static final Duration MODELS_FIRST_INDEXING = Duration.ofSeconds(
            Integer.getInteger("glint.models.timeout.seconds", 120));
    /**
     * The embedded MQTT broker's port for short commands (io.glint.driver.mqtt's EmbeddedMqttBroker reads it): 0,
     * any free port, so a demo never collides with a hub running on this machine or another broker on 1883.
     */
    static final String EMBEDDED_MQTT_PORT = "glint.mqtt.embeddedPort";
    /**
     * A simulated home still being discovered registers a DeviceListener with this property true (the virtual
     * driver's MqttHome, while the hub has not yet got every simulated device online over MQTT), and
     * {@link #HOME_PROGRESS} saying how far it got.
     */
    static final String HOME_DISCOVERING = "glint.home.discovering";
    static final String HOME_PROGRESS = "glint.home.discovered";

    static final String API_EXPORTS_FALLBACK = "io.glint.api.skill;version=1.0.0,io.glint.api.device;version=1.0.0,"
            + "io.glint.api.driver;version=1.0.0,io.glint.api.voice;version=1.0.0";
    static final String SLF4J_VERSION_FALLBACK = "2.0.17";
    static final List<String> SLF4J_PACKAGES = List.of("org.slf4j", "org.slf4j.event", "org.slf4j.helpers",
            "org.slf4j.spi");

    private static final List<String> OVERRIDABLE = List.of("felix.", "org.osgi.framework.", "gosh.", "ds.");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Home home;
    private final Framework framework;
    private final Path storage;
    private final boolean privateStorage;
    private final List<BundleFailure> failures;
    private final ServiceTracker<Assistant, Assistant> assistants;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A bundle that could not be installed or started, and why. */
    record BundleFailure(String bundle, String message) {
        @Override
        public String toString() {
            return bundle + ": " + message;
        }
    }

    private Hub(Home home, Framework framework, Path storage, boolean privateStorage, List<BundleFailure> failures) {
        this.home = home;
        this.framework = framework;
        this.storage = storage;
        this.privateStorage = privateStorage;
        this.failures = failures;
        this.assistants = new ServiceTracker<>(framework.getBundleContext(), Assistant.class, null);
        this.assistants.open();
    }

    /**
     * Starts Felix, installs every jar of {@code bundle/} and starts the non-fragments: ConfigAdmin, SCR, then
     * FileInstall (whose first scan, done before it returns, loads {@code conf/} and {@code skills/}), then the
     * rest in file name order.
     *
     * @param service true for the long-running hub (its own storage, more logging); false for a short command,
     *                which gets a private storage folder so it can run next to a running hub
     */
    static Hub boot(Home home, boolean service) throws BundleException {
        Path storage = service ? home.data().resolve("felix-cache")
                : home.data().resolve("felix-cache-" + ProcessHandle.current().pid());
        if (!service) {
            removeStaleStorage(home.data());
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi framework on the class path: lib/ must hold "
                        + "org.apache.felix.framework.jar"));
        Framework framework = factory.newFramework(frameworkProperties(home, storage, service));
        framework.init();
        Hub hub = new Hub(home, framework, storage, !service, new ArrayList<>());
        try {
            framework.start();
            List<Bundle> installed = installAll(framework.getBundleContext(), home.bundles(), hub.failures);
            for (Bundle bundle : startOrder(installed)) {
                try {
                    bundle.start();
                } catch (BundleException | RuntimeException e) {
                    hub.failures.add(new BundleFailure(name(bundle), message(e)));
                }
            }
            return hub;
        } catch (BundleException | RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    static Map<String, String> frameworkProperties(Home home, Path storage, boolean service) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackagesExtra());
        // For ${glint.home} in conf/*.cfg files (FileInstall substitutes framework properties).
        p.put(Home.PROPERTY, home.root().toString());
        // The models and native libraries io.glint.djl copies out of its jar (~94 MB) live outside the framework
        // cache, which is cleaned at every start, and are shared by the service and the short commands.
        p.put("glint.djl.dir", home.data().resolve("djl").toString());
        // The NLU's vectors of the skills' examples, kept across restarts for the same reason.
        p.put("glint.nlu.dir", home.data().resolve("nlu").toString());
        // Where bundles keep what must outlive a restart (memos, alarms, reminders): each in a folder of its own.
        p.put("glint.data", home.data().toString());
        // FileInstall makes one watcher per folder of a comma-separated felix.fileinstall.dir, each with the
        // settings below: conf/ feeds ConfigAdmin, skills/ is the hot folder. Both accept jars and config files.
        p.put("felix.fileinstall.dir", home.conf() + "," + home.skills());
        p.put("felix.fileinstall.poll", "100");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
        p.put("felix.fileinstall.tmpdir", storage.resolve("fileinstall").toString());
        // conf/ is written by people: ConfigAdmin updates must not rewrite their files (and drop their comments).
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.configEncoding", "UTF-8");
        p.put("felix.fileinstall.log.level", service ? "3" : "2");
        // Without this Gogo reads stdin, which the demo owns, and stops the framework at end of input.
        p.put("gosh.args", "--nointeractive");
        p.put("felix.log.level", "1");
        if (!service) {
            p.put(EMBEDDED_MQTT_PORT, "0");
        }
        // -Dfelix.…, -Dorg.osgi.framework.… and -Dgosh.… on the java command line override the above.
        for (String key : System.getProperties().stringPropertyNames()) {
            if (OVERRIDABLE.stream().anyMatch(key::startsWith)) {
                p.put(key, System.getProperty(key));
            }
        }
        return p;
    }

    /** The SDK packages at the versions its own manifest exports, and slf4j at the version on the class path. */
    static String systemPackagesExtra() {
        String api = bundleExports("io.glint.api").orElse(API_EXPORTS_FALLBACK);
        String slf4j = Optional.ofNullable(org.slf4j.Logger.class.getPackage().getImplementationVersion())
                .orElse(SLF4J_VERSION_FALLBACK);
        return api + "," + SLF4J_PACKAGES.stream().map(pkg -> pkg + ";version=" + slf4j)
                .collect(Collectors.joining(","));
    }

    /** The Export-Package header of the bundle on the class path with that symbolic name. */
    static Optional<String> bundleExports(String symbolicName) {
        try {
            Enumeration<URL> manifests = Hub.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    var attributes = new Manifest(in).getMainAttributes();
                    String bsn = attributes.getValue(Constants.BUNDLE_SYMBOLICNAME);
                    String exports = attributes.getValue(Constants.EXPORT_PACKAGE);
                    if (bsn != null && bsn.split(";")[0].trim().equals(symbolicName) && exports != null) {
                        return Optional.of(exports);
                    }
                }
            }
        } catch (IOException e) {
            // fall back to the versions the launcher was built against
        }
        return Optional.empty();
    }

    private static List<Bundle> installAll(BundleContext context, Path folder, List<BundleFailure> failures) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            failures.add(new BundleFailure(folder.toString(), "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                // reference: keeps the jar where it is instead of copying it into the cache.
                installed.add(context.installBundle("reference:" + jar.toFile().toURI()));
            } catch (BundleException | RuntimeException e) {
                failures.add(new BundleFailure(jar.getFileName().toString(), message(e)));
            }
        }
        return installed;
    }

    static List<Bundle> startOrder(List<Bundle> installed) {
        return installed.stream()
                .filter(b -> (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0)
                .sorted(Comparator.comparingInt(Hub::startRank))
                .toList();
    }

    /**
     * ConfigAdmin and SCR before the bundles with components, so each component comes up as its bundle starts
     * rather than all at once when SCR arrives; FileInstall next, so conf/ is in ConfigAdmin before any Glint
     * component first activates. Then the device drivers: the embedded MQTT broker and the simulated home on it
     * need nothing else and take longest to come up (Netty, two MQTT connections), so they start while the rest
     * of the hub does.
     */
    private static int startRank(Bundle bundle) {
        String bsn = bundle.getSymbolicName();
        if (CONFIGADMIN.equals(bsn)) {
            return 0;
        }
        if (SCR.equals(bsn)) {
            return 1;
        }
        if (FILEINSTALL.equals(bsn)) {
            return 2;
        }
        return bsn != null && bsn.startsWith(DRIVERS) ? 3 : 4;
    }

    /**
     * Waits until the Assistant service is registered and understands {@link #PROBE}.
     *
     * @throws HubNotReadyException after the timeout, saying what is missing
     */
    Assistant awaitReady(Duration timeout) throws HubNotReadyException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        // the models' first indexing encodes every skill's sentences (tens of seconds on a gateway; later starts
        // read the vectors back from the data folder): while that is all that is missing, wait longer
        long modelsDeadline = start + Math.max(timeout.toNanos(), MODELS_FIRST_INDEXING.toNanos());
        boolean told = false;
        String missing = "no " + Assistant.class.getName() + " service is registered";
        while (true) {
            boolean indexing = false;
            Assistant assistant = assistants.getService();
            if (assistant != null) {
                try {
                    if (assistant.understand(PROBE).isPresent()) {
                        String home = homeDiscovering();
                        if (home != null) {
                            missing = "the simulated home is still being discovered over MQTT (" + home + "); its"
                                    + " devices are found under the ids of io.glint.driver.mqtt's homeFile, which"
                                    + " must be the home file io.glint.driver.virtual simulates";
                        } else if (!modelsInstalled() || assistant.modelLanguages().containsAll(MODEL_LANGUAGES)) {
                            return assistant;
                        } else {
                            missing = "the on-device models (" + DJL + ") have not finished loading: understood by"
                                    + " meaning so far " + assistant.modelLanguages() + ", expected "
                                    + MODEL_LANGUAGES;
                            indexing = true;
                        }
                    } else {
                        missing = "the " + Assistant.class.getName() + " service is registered but does not "
                                + "understand \"" + PROBE.text() + "\" (no intent): no skill declares it yet, or the NLU "
                                + "has not loaded it";
                    }
                } catch (RuntimeException e) {
                    missing = "the " + Assistant.class.getName() + " service failed to understand \"" + PROBE.text()
                            + "\": " + message(e);
                }
            }
            long now = System.nanoTime();
            long left = (indexing ? modelsDeadline : deadline) - now;
            if (left <= 0) {
                throw new HubNotReadyException(Diagnosis.notReady(Duration.ofNanos(now - start), missing,
                        framework.getBundleContext(), failures));
            }
            if (indexing && now > deadline && !told) {
                told = true;
                System.err.println("Glint: the on-device models are still encoding the skills' example sentences"
                        + " (a first start encodes them all, later starts read them back from the data folder);"
                        + " waiting up to " + MODELS_FIRST_INDEXING.toSeconds() + " s in all");
            }
            long waitMillis = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 25));
            if (assistant == null) {
                assistants.waitForService(waitMillis);
            } else {
                Thread.sleep(waitMillis);
            }
        }
    }

    /** How far a simulated home still being discovered got (devices online / all), or null when none is. */
    private String homeDiscovering() {
        try {
            ServiceReference<?>[] refs = framework.getBundleContext().getServiceReferences(
                    DeviceListener.class.getName(), "(" + HOME_DISCOVERING + "=true)");
            if (refs == null || refs.length == 0) {
                return null;
            }
            return "devices online: " + refs[0].getProperty(HOME_PROGRESS);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean modelsInstalled() {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (DJL.equals(b.getSymbolicName()) && (b.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                return true;
            }
        }
        return false;
    }

    <S> ServiceRegistration<S> register(Class<S> type, S service) {
        return framework.getBundleContext().registerService(type, service, null);
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    Home home() {
        return home;
    }

    List<BundleFailure> failures() {
        return List.copyOf(failures);
    }

    /** Blocks until something stops the framework (a shutdown hook, or {@code stop 0} in Gogo). */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        assistants.close();
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT.toMillis());
        } catch (BundleException | RuntimeException e) {
            System.err.println("Glint: the framework did not stop cleanly: " + message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (privateStorage) {
            deleteTree(storage);
        }
    }

    /** Private caches of short commands that were killed before they could clean up. */
    private static void removeStaleStorage(Path data) {
        try (Stream<Path> entries = Files.list(data)) {
            entries.filter(p -> p.getFileName().toString().matches("felix-cache-\\d+"))
                    .filter(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString().substring(12)))
                            .map(h -> !h.isAlive()).orElse(true))
                    .forEach(Hub::deleteTree);
        } catch (IOException | NumberFormatException e) {
            // a stale cache only costs disk space
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers are removed by the next command that finds them stale
        }
    }

    static String name(Bundle bundle) {
        String bsn = bundle.getSymbolicName();
        return (bsn != null ? bsn : bundle.getLocation()) + " " + bundle.getVersion();
    }

    /** The exception's message, with its causes' when they add something (Felix wraps activator errors). */
    static String message(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() != null ? e.getMessage() : e.getClass().getName());
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && depth++ < 5; cause = cause.getCause()) {
            String m = cause.getMessage() != null ? cause.getMessage() : "";
            sb.append(" Caused by ").append(cause.getClass().getName()).append(m.isEmpty() ? "" : ": " + m);
        }
        return sb.toString();
    }
}
