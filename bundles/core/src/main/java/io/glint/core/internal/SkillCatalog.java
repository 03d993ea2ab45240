package io.glint.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Capability;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.nlu.IntentSpec;
import io.glint.nlu.Nlu;

/**
 * The installed skills by owner, and which skill answers which intent. A skill that leaves is kept for a short
 * grace period before its intents are forgotten: when a bundle is updated its service goes and comes back a
 * moment later, and a wearer speaking in that moment must be served by the new version, not told "no skill".
 * An uninstalled bundle is forgotten at once.
 */
public final class SkillCatalog implements IntentDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SkillCatalog.class);

    private static final class Entry {
        volatile SkillHandle handle;
        volatile CompletableFuture<SkillHandle> arrival = new CompletableFuture<>();
        long bundleId;
        /** Kept while the skill is away, so its intents stay routed here during an update. */
        List<String> intents = List.of();
    }

    private final Nlu nlu;
    private final GrantTable grants;
    private final ScheduledExecutorService scheduler;
    private final Duration grace;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private volatile Map<String, List<Entry>> byIntent = Map.of();

    public SkillCatalog(Nlu nlu, GrantTable grants, ScheduledExecutorService scheduler, Duration grace) {
        this.nlu = nlu;
        this.grants = grants;
        this.scheduler = scheduler;
        this.grace = grace;
    }

    public synchronized void arrived(SkillHandle handle) {
        Entry e = entries.computeIfAbsent(handle.owner, k -> new Entry());
        SkillHandle previous = e.handle;
        e.handle = handle;
        e.bundleId = handle.bundleId;
        e.intents = intents(handle);
        e.arrival.complete(handle);
        nlu.register(handle.owner, handle.spec);
        reindex();
        if (previous != null) {
            previous.retire();
        }
        LOG.info("Skill {} serves {}", handle.owner, intents(handle));
    }

    synchronized void departed(String owner, SkillHandle handle) {
        Entry e = entries.get(owner);
        if (e == null || e.handle != handle) {
            return;
        }
        // the new arrival future first: a request that sees no handle must wait on the future of this departure
        CompletableFuture<SkillHandle> awaited = new CompletableFuture<>();
        e.arrival = awaited;
        e.handle = null;
        handle.retire();
        scheduler.schedule(() -> forgetIfStillGone(owner, e, awaited), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The bundle is gone for good: forget its skills now, and fail waiting requests now. */
    synchronized void bundleUninstalled(long bundleId) {
        for (Map.Entry<String, Entry> me : new ArrayList<>(entries.entrySet())) {
            if (me.getValue().bundleId == bundleId && me.getValue().handle == null) {
                forget(me.getKey(), me.getValue());
            }
        }
    }

    /** Forgets the skill only if it has been away ever since this departure (not back and away again). */
    private synchronized void forgetIfStillGone(String owner, Entry e, CompletableFuture<SkillHandle> departure) {
        if (entries.get(owner) == e && e.handle == null && e.arrival == departure) {
            forget(owner, e);
        }
    }

    private void forget(String owner, Entry e) {
        entries.remove(owner);
        grants.set(e.bundleId, Set.of());
        e.arrival.complete(null);
        nlu.unregister(owner);
        reindex();
        LOG.info("Skill {} removed; its intents are no longer understood", owner);
    }

    private void reindex() {
        Map<String, List<Entry>> index = new LinkedHashMap<>();
        Map<Long, Set<Capability>> byBundle = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            Set<Capability> bundleGrants = byBundle.computeIfAbsent(e.bundleId, k -> EnumSet.noneOf(Capability.class));
            SkillHandle h = e.handle;
            if (h != null) {
                bundleGrants.addAll(h.spec.grants());
            }
            for (String intent : e.intents) {
                index.computeIfAbsent(intent, k -> new ArrayList<>()).add(e);
            }
        }
        byIntent = index;
        byBundle.forEach(grants::set);
    }

    private static List<String> intents(SkillHandle h) {
        return h.spec.intents().stream().map(IntentSpec::name).toList();
    }

    /** Whether any installed skill declares the intent. */
    boolean declares(String intent) {
        return byIntent.containsKey(intent);
    }

    /** The result and the answering skill's name; waits out an update in progress. */
    @Override
    public Dispatch dispatch(Intent intent) {
        List<Entry> candidates = byIntent.get(intent.name());
        if (candidates == null || candidates.isEmpty()) {
            return new Dispatch(SkillResult.failed(FailureCode.NO_SKILL, Say.in(intent.lang(),
                    "No installed skill can do that.", "没有已安装的技能可以做这件事。")), null);
        }
        Entry e = candidates.get(0);
        // Twice at most: a handle can be retired by an update between being read and being called.
        for (int attempt = 0; attempt < 2; attempt++) {
            SkillHandle h = e.handle;
            if (h == null) {
                h = awaitArrival(e);
                if (h == null) {
                    return new Dispatch(SkillResult.failed(FailureCode.NO_SKILL, Say.in(intent.lang(),
                            "No installed skill can do that any more.", "能做这件事的技能已被移除。")), null);
                }
            }
            try {
                DispatchContext context = new DispatchContext(h.bundleId);
                return new Dispatch(h.call(intent, context), h.owner, context);
            } catch (SkillHandle.RetiredException retired) {
                // updated under our feet: the next round waits for the new version
            }
        }
        return new Dispatch(SkillResult.failed(FailureCode.SKILL_TIMEOUT, Say.in(intent.lang(),
                "That skill is being updated right now; please say it again.", "该技能正在更新，请再说一遍。")), null);
    }

    private SkillHandle awaitArrival(Entry e) {
        try {
            return e.arrival.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A skill's answer, who gave it, and what it did (null when no skill ran). */
    public record Dispatch(SkillResult result, String owner, DispatchContext context) {
        public Dispatch(SkillResult result, String owner) {
            this(result, owner, null);
        }
    }

    synchronized Optional<SkillHandle> handle(String owner) {
        Entry e = entries.get(owner);
        return e == null ? Optional.empty() : Optional.ofNullable(e.handle);
    }

    public synchronized void clear() {
        for (Map.Entry<String, Entry> me : new ArrayList<>(entries.entrySet())) {
            SkillHandle h = me.getValue().handle;
            if (h != null) {
                h.retire();
            }
            me.getValue().arrival.complete(null);
        }
        entries.clear();
        byIntent = Map.of();
    }
}
