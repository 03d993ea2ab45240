package io.glint.launcher;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Says why the hub is not ready: which Glint bundle is absent, which bundles failed to start or are not
 * active, and which DS components are not satisfied (read from SCR's runtime service by reflection, since its
 * API package belongs to the framework, not to the launcher's class path).
 */
final class Diagnosis {

    /** The bundles voice needs, and what each brings. */
    static final Map<String, String> EXPECTED = expected();

    private static final String SCR_RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final String SCR_DTO = "org.osgi.service.component.runtime.dto.ComponentDescriptionDTO";

    private Diagnosis() {
    }

    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("io.glint.core", "registers the Assistant service");
        m.put("io.glint.nlu", "understands utterances");
        m.put("io.glint.skill.lights", "declares the lights intents the readiness check asks for");
        m.put("io.glint.driver.virtual", "simulates the demo home's devices");
        return m;
    }

    static String notReady(Duration timeout, String missing, BundleContext context, List<Hub.BundleFailure> failures) {
        StringBuilder sb = new StringBuilder("Glint is not ready for voice after ").append(timeout.toSeconds())
                .append(" s: ").append(missing).append('.');
        Bundle[] bundles = context.getBundles();
        Set<String> present = java.util.Arrays.stream(bundles).map(Bundle::getSymbolicName)
                .collect(Collectors.toSet());
        List<String> absent = EXPECTED.entrySet().stream().filter(e -> !present.contains(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (!absent.isEmpty()) {
            section(sb, "Bundles missing from bundle/ and skills/", absent);
        }
        section(sb, "Bundles that failed to start", failures.stream().map(Hub.BundleFailure::toString).toList());
        Set<String> failed = failures.stream().map(Hub.BundleFailure::bundle).collect(Collectors.toSet());
        List<String> inactive = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getBundleId() != 0 && b.getState() != Bundle.ACTIVE && !isFragment(b)
                    && !failed.contains(Hub.name(b))) {
                inactive.add(Hub.name(b) + ": " + state(b.getState()));
            }
        }
        section(sb, "Bundles not active", inactive);
        section(sb, "Components not satisfied", unsatisfiedComponents(context));
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        sb.append(System.lineSeparator()).append("  ").append(title).append(':');
        for (String line : lines) {
            sb.append(System.lineSeparator()).append("    ").append(line);
        }
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "state " + state;
        };
    }

    /** Components that are not ACTIVE or SATISFIED, with what they wait for; empty when SCR is not running. */
    static List<String> unsatisfiedComponents(BundleContext context) {
        List<String> lines = new ArrayList<>();
        ServiceReference<?> ref = context.getServiceReference(SCR_RUNTIME);
        if (ref == null) {
            lines.add("(no " + SCR_RUNTIME + " service: is org.apache.felix.scr started?)");
            return lines;
        }
        Object scr = context.getService(ref);
        try {
            Class<?> api = ref.getBundle().loadClass(SCR_RUNTIME);
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Class<?> descriptionType = ref.getBundle().loadClass(SCR_DTO);
            Method configurations = api.getMethod("getComponentConfigurationDTOs", descriptionType);
            Method enabled = api.getMethod("isComponentEnabled", descriptionType);
            for (Object d : (java.util.Collection<?>) descriptions.invoke(scr, (Object) new Bundle[0])) {
                String name = bundleOf(d) + "/" + field(d, "name");
                if (!Boolean.TRUE.equals(enabled.invoke(scr, d))) {
                    lines.add(name + ": disabled");
                    continue;
                }
                Map<String, String> interfaces = new LinkedHashMap<>();
                for (Object r : array(field(d, "references"))) {
                    interfaces.put(String.valueOf(field(r, "name")), String.valueOf(field(r, "interfaceName")));
                }
                for (Object c : (java.util.Collection<?>) configurations.invoke(scr, d)) {
                    String why = why(c, interfaces);
                    if (why != null) {
                        lines.add(name + ": " + why);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            lines.add("(could not ask SCR: " + Hub.message(e) + ")");
        } finally {
            context.ungetService(ref);
        }
        return lines;
    }

    private static String why(Object configuration, Map<String, String> interfaces)
            throws ReflectiveOperationException {
        int state = ((Number) field(configuration, "state")).intValue();
        switch (state) {
            case 1:
                return "waiting for its configuration (ConfigurationPolicy.REQUIRE): put a .cfg file in conf/";
            case 2: {
                List<String> refs = new ArrayList<>();
                for (Object u : array(field(configuration, "unsatisfiedReferences"))) {
                    String refName = String.valueOf(field(u, "name"));
                    Object target = field(u, "target");
                    refs.add(refName + " (" + interfaces.getOrDefault(refName, "?")
                            + (target != null ? " " + target : "") + ")");
                }
                return "missing service " + String.join(", ", refs);
            }
            case 16: {
                Object failure = optionalField(configuration, "failure");
                return "failed to activate" + (failure != null ? ": " + firstLine(failure.toString()) : "");
            }
            default:
                return null;
        }
    }

    private static String bundleOf(Object description) throws ReflectiveOperationException {
        Object bundle = field(description, "bundle");
        return bundle == null ? "?" : String.valueOf(field(bundle, "symbolicName"));
    }

    private static Object field(Object dto, String name) throws ReflectiveOperationException {
        return dto.getClass().getField(name).get(dto);
    }

    private static Object optionalField(Object dto, String name) {
        try {
            return field(dto, name);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static List<Object> array(Object array) {
        List<Object> items = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < Array.getLength(array); i++) {
                items.add(Array.get(array, i));
            }
        }
        return items;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
