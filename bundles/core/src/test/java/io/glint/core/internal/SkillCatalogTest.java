package io.glint.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Capability;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Status;
import io.glint.api.voice.Utterance;
import io.glint.nlu.IntentSpec;
import io.glint.nlu.LanguageSpec;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpec;
import io.glint.nlu.TemplateSpec;

class SkillCatalogTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> registered = new ArrayList<>();
    private final Nlu nlu = new Nlu() {
            @Override
            public java.util.Set<String> intents() {
                return java.util.Set.of();
            }

        @Override
        public void register(String owner, SkillSpec spec) {
            registered.add("+" + owner);
        }

        @Override
        public void unregister(String owner) {
            registered.add("-" + owner);
        }

        @Override
        public Optional<Intent> parse(Utterance utterance, java.util.List<String> referents) {
            return Optional.empty();
        }
    };
    private final GrantTable grants = new GrantTable();
    private final SkillCatalog catalog = new SkillCatalog(nlu, grants, scheduler, Duration.ofMillis(1000));

    @AfterEach
    void tearDown() {
        catalog.clear();
        scheduler.shutdownNow();
    }

    private static SkillSpec spec(String intent) {
        return new SkillSpec(EnumSet.of(Capability.ON_OFF), List.of(new IntentSpec(intent, Map.of(),
                Map.of("en", new LanguageSpec(List.of(TemplateSpec.of("do " + intent)), List.of())))));
    }

    private static SkillHandle handle(String owner, long bundle, String intent, Skill skill, long budgetMs) {
        return new SkillHandle(owner, owner, bundle, skill, spec(intent), Duration.ofMillis(budgetMs));
    }

    private static Intent intent(String name) {
        return Intent.builder(name).text(name).build();
    }

    @Test
    void a_skill_answers_its_intent_and_its_grants_are_recorded() {
        catalog.arrived(handle("a/one", 7, "acme.ping", i -> SkillResult.done("pong"), 1000));
        SkillCatalog.Dispatch d = catalog.dispatch(intent("acme.ping"));
        assertEquals(SkillResult.done("pong"), d.result());
        assertEquals("a/one", d.owner());
        assertEquals(EnumSet.of(Capability.ON_OFF), grants.of(7));
        assertEquals(List.of("+a/one"), registered);
    }

    @Test
    void an_intent_no_skill_declares_answers_no_skill() {
        SkillCatalog.Dispatch d = catalog.dispatch(intent("acme.nothing"));
        assertEquals(FailureCode.NO_SKILL, d.result().code());
        assertNull(d.owner());
    }

    @Test
    void a_skill_that_throws_becomes_a_spoken_failure() {
        catalog.arrived(handle("a/bad", 7, "acme.bad", i -> {
            throw new IllegalStateException("database is locked");
        }, 1000));
        SkillResult r = catalog.dispatch(intent("acme.bad")).result();
        assertEquals(Status.FAILED, r.status());
        assertEquals(FailureCode.SKILL_ERROR, r.code());
        assertTrue(r.speech().contains("database is locked"), r.speech());
    }

    @Test
    void a_skill_that_returns_null_becomes_a_spoken_failure() {
        catalog.arrived(handle("a/null", 7, "acme.null", i -> null, 1000));
        assertEquals(FailureCode.SKILL_ERROR, catalog.dispatch(intent("acme.null")).result().code());
    }

    @Test
    void a_hanging_skill_times_out_and_the_others_keep_answering() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        catalog.arrived(handle("a/hang", 7, "acme.hang", i -> {
            never.await();
            return SkillResult.done("late");
        }, 150));
        catalog.arrived(handle("b/quick", 8, "acme.quick", i -> SkillResult.done("quick"), 1000));
        // fill every thread of the hanging skill, then one more: it must refuse, not queue
        List<CompletableFuture<SkillResult>> calls = new ArrayList<>();
        for (int n = 0; n < SkillHandle.MAX_CONCURRENT_CALLS + 1; n++) {
            calls.add(CompletableFuture.supplyAsync(() -> catalog.dispatch(intent("acme.hang")).result()));
        }
        for (CompletableFuture<SkillResult> c : calls) {
            assertEquals(FailureCode.SKILL_TIMEOUT, c.get(5, TimeUnit.SECONDS).code());
        }
        assertEquals("quick", catalog.dispatch(intent("acme.quick")).result().speech());
        never.countDown();
    }

    @Test
    void during_an_update_requests_wait_for_the_new_version_instead_of_failing() throws Exception {
        SkillHandle v1 = handle("a/skill", 7, "acme.version", i -> SkillResult.done("v1"), 1000);
        catalog.arrived(v1);
        catalog.departed("a/skill", v1);
        CompletableFuture<SkillCatalog.Dispatch> waiting = CompletableFuture
                .supplyAsync(() -> catalog.dispatch(intent("acme.version")));
        Thread.sleep(100);
        catalog.arrived(handle("a/skill", 7, "acme.version", i -> SkillResult.done("v2"), 1000));
        assertEquals("v2", waiting.get(5, TimeUnit.SECONDS).result().speech());
        assertEquals(List.of("+a/skill", "+a/skill"), registered, "never unregistered while updating");
    }

    @Test
    void an_uninstalled_bundle_is_forgotten_at_once() {
        SkillHandle h = handle("a/skill", 7, "acme.gone", i -> SkillResult.done("here"), 1000);
        catalog.arrived(h);
        catalog.departed("a/skill", h);
        catalog.bundleUninstalled(7);
        assertEquals(FailureCode.NO_SKILL, catalog.dispatch(intent("acme.gone")).result().code());
        assertEquals(List.of("+a/skill", "-a/skill"), registered);
        assertTrue(grants.of(7).isEmpty());
    }

    @Test
    void a_skill_that_never_comes_back_is_forgotten_after_the_grace_period() throws Exception {
        SkillHandle h = handle("a/skill", 7, "acme.gone", i -> SkillResult.done("here"), 1000);
        catalog.arrived(h);
        catalog.departed("a/skill", h);
        long start = System.nanoTime();
        assertEquals(FailureCode.NO_SKILL, catalog.dispatch(intent("acme.gone")).result().code());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 900, "waited for the grace period");
        Thread.sleep(200);
        assertEquals(List.of("+a/skill", "-a/skill"), registered);
    }

    @Test
    void issue2_a_skill_back_and_away_again_is_not_forgotten_by_the_timer_of_its_first_departure() throws Exception {
        SkillHandle v1 = handle("a/skill", 7, "acme.version", i -> SkillResult.done("v1"), 1000);
        catalog.arrived(v1);
        catalog.departed("a/skill", v1); // first departure: its timer fires at ~1000 ms
        Thread.sleep(100);
        SkillHandle v2 = handle("a/skill", 7, "acme.version", i -> SkillResult.done("v2"), 1000);
        catalog.arrived(v2);
        Thread.sleep(600);
        catalog.departed("a/skill", v2); // second departure: its own grace runs to ~1700 ms
        Thread.sleep(450); // past the first timer
        CompletableFuture<SkillCatalog.Dispatch> waiting = CompletableFuture
                .supplyAsync(() -> catalog.dispatch(intent("acme.version")));
        Thread.sleep(100);
        catalog.arrived(handle("a/skill", 7, "acme.version", i -> SkillResult.done("v3"), 1000));
        assertEquals("v3", waiting.get(5, TimeUnit.SECONDS).result().speech());
    }

    @Test
    void issue2_concurrent_calls_below_the_limit_are_never_refused_as_busy() throws Exception {
        catalog.arrived(handle("a/quick", 7, "acme.quick", i -> SkillResult.done("ok"), 1000));
        List<CompletableFuture<Long>> callers = new ArrayList<>();
        for (int t = 0; t < SkillHandle.MAX_CONCURRENT_CALLS - 1; t++) {
            callers.add(CompletableFuture.supplyAsync(() -> {
                long refused = 0;
                for (int n = 0; n < 3000; n++) {
                    if (catalog.dispatch(intent("acme.quick")).result().code() != null) {
                        refused++;
                    }
                }
                return refused;
            }, Executors.newSingleThreadExecutor()));
        }
        for (CompletableFuture<Long> c : callers) {
            assertEquals(0L, c.get(30, TimeUnit.SECONDS));
        }
    }
}
