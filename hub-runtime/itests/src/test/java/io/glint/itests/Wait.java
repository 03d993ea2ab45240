package io.glint.itests;

import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.function.Predicate;

import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.Utterance;

/** Asking the hub until it answers as expected, within a deadline: no test waits without one. */
final class Wait {
    private Wait() {
    }

    /** Says {@code text} every 10 ms until an answer matches; fails with the last answer at the deadline. */
    static Response until(Assistant assistant, String text, Predicate<Response> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last;
        do {
            last = assistant.handle(Utterance.of(text));
            if (expected.test(last)) {
                return last;
            }
            sleep(10);
        } while (System.nanoTime() < deadline);
        fail("\"" + text + "\" was still answered " + describe(last) + " after " + timeout.toMillis() + " ms");
        return last;
    }

    static String describe(Response r) {
        return r.status() + (r.code() == null ? "" : "(" + r.code() + ")") + " \"" + r.speech() + "\""
                + (r.skill() == null ? "" : " by " + r.skill());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
