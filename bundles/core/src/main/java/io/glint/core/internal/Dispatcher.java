package io.glint.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.nlu.InvalidSkillSpecException;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.SkillSpecs;

/**
 * Tracks skills (whiteboard) as bundles come, update and go; reads each skill's definition from its bundle and
 * hands it to understanding; runs skills within their budget.
 */
@Component(service = Dispatcher.class, configurationPid = "io.glint.core.dispatcher")
@Designate(ocd = Dispatcher.Config.class)
public class Dispatcher implements IntentDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    @ObjectClassDefinition(name = "Glint skill dispatcher")
    public @interface Config {
        @AttributeDefinition(description = "Default time budget of one skill call (ms, 100–60000); a skill may ask "
                + "for another with the service property " + Skill.BUDGET_PROPERTY, min = "100", max = "60000")
        long budgetMs() default 3000;

        @AttributeDefinition(description = "How long requests wait for a skill whose bundle is being updated (ms)")
        long updateGraceMs() default 3000;
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "glint-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private final SkillCatalog catalog;
    private final Duration defaultBudget;
    private final Map<ServiceReference<Skill>, SkillHandle> handles = new ConcurrentHashMap<>();
    private BundleContext context;
    private final BundleListener uninstalls = event -> {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            catalogue().bundleUninstalled(event.getBundle().getBundleId());
        }
    };

    @Activate
    public Dispatcher(@Reference Nlu nlu, @Reference GrantTable grants, Config config, BundleContext context) {
        this.defaultBudget = Duration.ofMillis(Math.max(100, Math.min(60_000, config.budgetMs())));
        this.catalog = new SkillCatalog(nlu, grants, scheduler, Duration.ofMillis(Math.max(0, config.updateGraceMs())));
        this.context = context;
        context.addBundleListener(uninstalls);
    }

    private SkillCatalog catalogue() {
        return catalog;
    }

    @Deactivate
    void deactivate() {
        if (context != null) {
            context.removeBundleListener(uninstalls);
        }
        catalog.clear();
        scheduler.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSkill(ServiceReference<Skill> ref, Skill skill) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return;
        }
        String path = stringProperty(ref, Skill.DEFINITION_PROPERTY, "glint/skill.json");
        String source = bundle.getSymbolicName() + ":" + path;
        SkillSpec spec;
        try {
            spec = readDefinition(bundle, path, source);
        } catch (InvalidSkillSpecException e) {
            LOG.error("Skill {} is not installed: {}", source, e.getMessage());
            return;
        }
        String component = stringProperty(ref, "component.name", skill.getClass().getName());
        String owner = bundle.getSymbolicName() + "/" + component;
        Duration budget = budget(ref);
        SkillHandle handle = new SkillHandle(owner, displayName(bundle.getSymbolicName()), bundle.getBundleId(), skill,
                spec, budget);
        handles.put(ref, handle);
        catalog.arrived(handle);
    }

    void unbindSkill(ServiceReference<Skill> ref, Skill skill) {
        SkillHandle handle = handles.remove(ref);
        if (handle != null) {
            catalog.departed(handle.owner, handle);
        }
    }

    private static SkillSpec readDefinition(Bundle bundle, String path, String source) {
        String entry = path.startsWith("/") ? path.substring(1) : path;
        URL url = bundle.getEntry(entry);
        if (url == null) {
            throw new InvalidSkillSpecException(source + " does not exist in the bundle; put the definition there or "
                    + "name it with @SkillDefinition(\"path/in/bundle.json\")");
        }
        try (InputStream in = url.openStream()) {
            return SkillSpecs.read(in, source);
        } catch (IOException e) {
            throw new InvalidSkillSpecException(source + " could not be read: " + e.getMessage());
        }
    }

    private Duration budget(ServiceReference<Skill> ref) {
        Object v = ref.getProperty(Skill.BUDGET_PROPERTY);
        if (v == null) {
            return defaultBudget;
        }
        try {
            long ms = Long.parseLong(v.toString().trim());
            return Duration.ofMillis(Math.max(100, Math.min(60_000, ms)));
        } catch (NumberFormatException e) {
            LOG.warn("Skill property {}={} is not a number of milliseconds; using {} ms", Skill.BUDGET_PROPERTY, v,
                    defaultBudget.toMillis());
            return defaultBudget;
        }
    }

    private static String stringProperty(ServiceReference<?> ref, String key, String fallback) {
        Object v = ref.getProperty(key);
        if (v instanceof String[] arr && arr.length > 0) {
            return arr[0];
        }
        return v == null ? fallback : v.toString();
    }

    /** "io.glint.skill.lights" → "lights": what the wearer hears when a skill fails. */
    static String displayName(String symbolicName) {
        String s = symbolicName == null ? "unknown" : symbolicName;
        int dot = s.lastIndexOf('.');
        return dot >= 0 && dot < s.length() - 1 ? s.substring(dot + 1) : s;
    }

    @Override
    public SkillCatalog.Dispatch dispatch(Intent intent) {
        return catalog.dispatch(intent);
    }
}
