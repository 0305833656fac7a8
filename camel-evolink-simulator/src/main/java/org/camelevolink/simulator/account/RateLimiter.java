package org.camelevolink.simulator.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per API key. EvoLink publishes no numbers, so the rate is the simulator's setting. */
public final class RateLimiter {

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final class Bucket {
        private double tokens = burst;
        private long lastNanos = System.nanoTime();

        /** Returns 0 when a token was taken, else the seconds until one is available. */
        private synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }

    public RateLimiter(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Returns 0 if the request may go on, else the {@code Retry-After} seconds to answer with. */
    public long acquire(String apiKey) {
        if (perSecond <= 0) {
            return 0;
        }
        return buckets.computeIfAbsent(apiKey, k -> new Bucket()).take();
    }

    public void reset() {
        buckets.clear();
    }
}
