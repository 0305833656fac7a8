package org.camelevolink.component.client;

import org.camelevolink.component.exceptions.EvolinkApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a call again after 429, 502, 503, a timeout or a network error, waiting the backoff or the server's
 * Retry-After (capped). Any other answer ends the call: a 500 may have done work, a 4xx will not change. The wait
 * is a scheduled task, never a sleeping thread.
 */
final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private final ScheduledExecutorService scheduler;
    private final ErrorDecoder errors;
    /** Calls sleeping between two attempts; closing the client ends them instead of leaving them pending. */
    private final Set<Attempts> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final ClientEvents events;

    Retrier(ScheduledExecutorService scheduler, ErrorDecoder errors) {
        this(scheduler, errors, ClientEvents.NONE);
    }

    Retrier(ScheduledExecutorService scheduler, ErrorDecoder errors, ClientEvents events) {
        this.scheduler = scheduler;
        this.errors = errors;
        this.events = events;
    }

    /**
     * @param what how the call is named in log lines, e.g. {@code GET /v1/credits} (never a header or a query)
     * @param call makes one attempt; it is invoked again for each retry, so it must build a fresh request
     */
    CompletableFuture<HttpResult> run(String what, Supplier<CompletableFuture<HttpResult>> call, int maxRetries,
            RetryPolicy policy) {
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        new Attempts(what, call, maxRetries, policy, result).next(0);
        return result;
    }

    /** No retry is scheduled from now on; calls waiting for one end with {@code why}. */
    void close(EvolinkApiException why) {
        closed = true;
        for (Attempts a : waiting) {
            a.result.completeExceptionally(why);
        }
        waiting.clear();
    }

    /** The state of one retried call. */
    private final class Attempts {
        private final String what;
        private final Supplier<CompletableFuture<HttpResult>> call;
        private final int maxRetries;
        private final RetryPolicy policy;
        private final CompletableFuture<HttpResult> result;

        Attempts(String what, Supplier<CompletableFuture<HttpResult>> call, int maxRetries, RetryPolicy policy,
                CompletableFuture<HttpResult> result) {
            this.what = what;
            this.call = call;
            this.maxRetries = maxRetries;
            this.policy = policy;
            this.result = result;
        }

        void next(int retry) {
            waiting.remove(this);
            if (result.isDone()) {
                return;
            }
            CompletableFuture<HttpResult> sent;
            try {
                sent = call.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((r, t) -> settle(retry, r, t));
        }

        private void settle(int retry, HttpResult r, Throwable t) {
            EvolinkApiException error = t != null ? errors.fromFailure(t) : r.isSuccess() ? null : errors.fromAnswer(r);
            boolean again = error != null && retry < maxRetries && isRetryable(error) && !closed;
            events.answered(ClientEvents.operation(what), r != null ? r.status() : error.getStatusCode(), again);
            if (error == null) {
                result.complete(r);
            } else if (again) {
                long delay = policy.delayMillis(retry, r == null ? null : retryAfterMillis(r.header("Retry-After")),
                        ThreadLocalRandom.current().nextDouble());
                LOG.debug("EvoLink {} failed ({}); retry {} of {} in {} ms", what, error.getCode(), retry + 1,
                        maxRetries, delay);
                schedule(retry + 1, delay, error);
            } else {
                result.completeExceptionally(error);
            }
        }

        private void schedule(int retry, long delayMillis, EvolinkApiException lastError) {
            waiting.add(this);
            try {
                scheduler.schedule(() -> next(retry), delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                waiting.remove(this);
                // the scheduler is shut down (client or Camel stopping): end the call with what we know
                result.completeExceptionally(lastError);
            }
        }
    }

    /** Answers that did not take effect (or were replayable with the same Idempotency-Key), worth another try. */
    static boolean isRetryable(EvolinkApiException e) {
        int s = e.getStatusCode();
        if (s == 0) {
            return EvolinkApiException.NETWORK_ERROR.equals(e.getCode()) || EvolinkApiException.TIMEOUT.equals(e.getCode());
        }
        return s == 429 || s == 502 || s == 503;
    }

    /** Seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
    static Long retryAfterMillis(String header) {
        return retryAfterMillis(header, System.currentTimeMillis());
    }

    static Long retryAfterMillis(String header, long nowMillis) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (SECONDS.matcher(value).matches()) {
            try {
                return Math.max(0, Math.multiplyExact(Long.parseLong(value), 1000L));
            } catch (ArithmeticException | NumberFormatException tooLong) {
                return Long.MAX_VALUE; // the cap applies
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, at.toInstant().toEpochMilli() - nowMillis);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
