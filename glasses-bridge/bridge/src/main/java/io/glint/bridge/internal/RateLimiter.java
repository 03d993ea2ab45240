package io.glint.bridge.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per identity: {@code burst} requests at once, refilled at {@code perSecond}. One pair of glasses
 * that floods the hub is slowed down; the others are not affected.
 */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs ratePerSecond > 0 and burst >= 1, got "
                    + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one token for this identity.
     *
     * @return 0 when the request may go on, else the whole seconds to wait before the next one will be accepted
     */
    long acquire(String identity) {
        long now = nanoClock.getAsLong();
        Bucket b = buckets.computeIfAbsent(identity, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * perSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }

    void forget(String identity) {
        buckets.remove(identity);
    }
}
