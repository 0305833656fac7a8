package org.camelevolink.component.client;

import java.time.Duration;

/**
 * Backoff for retried calls: {@code initial} doubling per attempt up to {@code max}; a server's Retry-After wins
 * when it is longer, capped at {@code max} too.
 */
public record RetryPolicy(int maxRetries, Duration initial, Duration max) {

    long delayMillis(int attempt, Long retryAfterMillis) {
        long backoff = Math.min(max.toMillis(), initial.toMillis() << Math.min(20, attempt));
        if (retryAfterMillis != null) {
            backoff = Math.max(backoff, Math.min(max.toMillis(), retryAfterMillis));
        }
        return backoff;
    }
}
