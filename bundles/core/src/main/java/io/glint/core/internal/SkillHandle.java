package io.glint.core.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillResult;
import io.glint.nlu.SkillSpec;

/**
 * One installed skill: its service, its definition, and its own small executor, so a skill that hangs uses up
 * its own threads and nobody else's. Calls are bounded by the skill's time budget.
 */
public final class SkillHandle {
    private static final Logger LOG = LoggerFactory.getLogger(SkillHandle.class);
    /** Concurrent calls one skill may have in flight; a skill stuck on all of them answers "busy". */
    static final int MAX_CONCURRENT_CALLS = 4;

    final String owner;
    final String displayName;
    final long bundleId;
    final SkillSpec spec;
    final Duration budget;
    private final Skill skill;
    private final ThreadPoolExecutor executor;
    private final Semaphore calls = new Semaphore(MAX_CONCURRENT_CALLS);

    public SkillHandle(String owner, String displayName, long bundleId, Skill skill, SkillSpec spec, Duration budget) {
        this.owner = owner;
        this.displayName = displayName;
        this.bundleId = bundleId;
        this.skill = skill;
        this.spec = spec;
        this.budget = budget;
        // A JDK pool, not a hand-made one. SynchronousQueue: a call runs now on a fresh or idle thread, never
        // waits in a queue behind a stuck one. The limit is a semaphore rather than the pool's maximum, because a
        // worker that has just finished is not yet idle and the pool would refuse a call it could take.
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads(displayName));
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "glint-skill-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    Skill skill() {
        return skill;
    }

    /** Thrown when the skill was retired (its bundle is being updated) before the call could start. */
    static final class RetiredException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Runs the skill on its executor within its budget; whatever happens, the wearer gets an answer. */
    SkillResult call(Intent intent) throws RetiredException {
        return call(intent, new DispatchContext(bundleId));
    }

    /** As {@link #call(Intent)}, recording what the skill did in {@code context}. */
    SkillResult call(Intent intent, DispatchContext context) throws RetiredException {
        if (executor.isShutdown()) {
            throw new RetiredException();
        }
        if (!calls.tryAcquire()) {
            return SkillResult.failed(FailureCode.SKILL_TIMEOUT, Say.in(intent.lang(),
                    "The " + displayName + " skill is still busy with earlier requests; try again in a moment.",
                    displayName + " 技能正忙，请稍后再试。"));
        }
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                calls.release();
            }
        };
        Future<SkillResult> future;
        try {
            future = executor.submit(() -> {
                started.set(true);
                context.bind();
                try {
                    return skill.handle(intent);
                } finally {
                    DispatchContext.unbind();
                    release.run(); // a call that overran holds its permit until it really ends
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            throw new RetiredException();
        }
        try {
            SkillResult result = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                LOG.warn("Skill {} returned no result for {}", owner, intent);
                return SkillResult.failed(FailureCode.SKILL_ERROR, Say.in(intent.lang(),
                        "The " + displayName + " skill gave no answer.", displayName + " 技能没有给出回答。"));
            }
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            if (!started.get()) {
                release.run(); // cancelled before it started: the task's finally will never run
            }
            LOG.warn("Skill {} did not answer {} within {} ms", owner, intent, budget.toMillis());
            return SkillResult.failed(FailureCode.SKILL_TIMEOUT, Say.in(intent.lang(),
                    "The " + displayName + " skill did not answer in time; nothing more will happen. Please try again.",
                    displayName + " 技能没有及时响应，请再试一次。"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("Skill {} failed on {}", owner, intent, cause);
            return SkillResult.failed(FailureCode.SKILL_ERROR, Say.in(intent.lang(),
                    "The " + displayName + " skill ran into a problem (" + describe(cause) + "). The hub is fine; "
                            + "its author has been logged the details.",
                    displayName + " 技能出错了（" + describe(cause) + "）。"));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return SkillResult.failed(FailureCode.SKILL_TIMEOUT, Say.in(intent.lang(),
                    "The hub is shutting down; nothing was done.", "系统正在关闭，未执行任何操作。"));
        }
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Lets calls in flight finish (an update must not break them), then lets the threads go. */
    void retire() {
        executor.shutdown();
    }
}
