package org.camelevolink.component.client;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a call again after 429, 502, 503, a timeout or a network error, waiting the backoff or the server's
 * Retry-After (capped). Any other answer ends the call: a 500 may have done work, a 4xx will not change.
 */
final class Retrier {

    private final ScheduledExecutorService scheduler;
    private final ErrorDecoder errors;

    Retrier(ScheduledExecutorService scheduler, ErrorDecoder errors) {
        this.scheduler = scheduler;
        this.errors = errors;
    }

    CompletableFuture<HttpResult> run(Supplier<CompletableFuture<HttpResult>> call, int maxRetries,
            RetryPolicy policy) {
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        attempt(call, 0, maxRetries, policy, result);
        return result;
    }

    private void attempt(Supplier<CompletableFuture<HttpResult>> call, int attempt, int maxRetries, RetryPolicy policy,
            CompletableFuture<HttpResult> result) {
        CompletableFuture<HttpResult> sent;
        try {
            sent = call.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((r, t) -> {
            EvolinkApiException error = t != null ? errors.fromFailure(t) : r.isSuccess() ? null : errors.fromAnswer(r);
            if (error == null) {
                result.complete(r);
            } else if (attempt < maxRetries && retryable(error)) {
                long delay = policy.delayMillis(attempt, r == null ? null : retryAfterMillis(r.header("Retry-After")));
                scheduler.schedule(() -> attempt(call, attempt + 1, maxRetries, policy, result), delay,
                        TimeUnit.MILLISECONDS);
            } else {
                result.completeExceptionally(error);
            }
        });
    }

    private static boolean retryable(EvolinkApiException e) {
        int s = e.getStatusCode();
        if (s == 0) {
            String code = e.getCode();
            return "network_error".equals(code) || "timeout".equals(code);
        }
        return s == 429 || s == 502 || s == 503;
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()) * 1000);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
