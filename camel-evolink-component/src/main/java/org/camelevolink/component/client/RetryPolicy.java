package org.camelevolink.component.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Backoff for retried calls: {@code initial}, multiplied by {@code multiplier} per retry, never above {@code max}.
 * A server's Retry-After wins when it asks for longer, but is capped at {@code max} too, so one answer cannot park
 * a call for an hour. Each wait is then lengthened by a random share of itself, up to {@link #JITTER_SHARE}: calls
 * refused together (a burst of 429s answered with the same Retry-After) would otherwise come back together and be
 * refused together again.
 *
 * @param maxRetries retries after the first attempt
 */
public record RetryPolicy(int maxRetries, Duration initial, double multiplier, Duration max) {

    /** The most a wait is lengthened by, as a share of itself. */
    public static final double JITTER_SHARE = 0.5;

    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (maxRetries < 0 || multiplier < 1 || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retries >= 0, multiplier >= 1 and 0 <= initial <= max required");
        }
    }

    /**
     * The wait before retry number {@code retry + 1}, lengthened by {@code random} (in [0, 1)) times
     * {@link #JITTER_SHARE} of itself; {@code retryAfterMillis} null when the server gave none.
     */
    long delayMillis(int retry, Long retryAfterMillis, double random) {
        long base = delayMillis(retry, retryAfterMillis);
        return base + (long) (base * JITTER_SHARE * random);
    }

    /** The wait before retry number {@code retry + 1} before its jitter. */
    long delayMillis(int retry, Long retryAfterMillis) {
        double grown = initial.toMillis() * Math.pow(multiplier, retry);
        long backoff = (long) Math.min(max.toMillis(), grown);
        if (retryAfterMillis != null) {
            backoff = Math.max(backoff, Math.min(max.toMillis(), retryAfterMillis));
        }
        return backoff;
    }
}
