package org.camelevolink.component.tracking;

import org.camelevolink.component.client.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Repeats store work that failed (a database that went away, a file that cannot be written) until it succeeds,
 * waiting 1 s, then twice as long each time, up to 30 s; each failure is a WARN. An outcome that EvoLink gave and
 * the store could not keep yet is held in memory meanwhile, never dropped. Ends (failed) only when the component
 * stops.
 */
final class StoreRetry {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);
    static final long FIRST_DELAY_MILLIS = 1_000;
    static final long MAX_DELAY_MILLIS = 30_000;

    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier stopped;

    StoreRetry(ScheduledExecutorService scheduler, BooleanSupplier stopped) {
        this.scheduler = scheduler;
        this.stopped = stopped;
    }

    /** Runs {@code work} until it succeeds; the future fails only when the component stops first. */
    <T> CompletableFuture<T> until(String what, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(what, work, result, FIRST_DELAY_MILLIS);
        return result;
    }

    private <T> void attempt(String what, Supplier<CompletableFuture<T>> work, CompletableFuture<T> result,
            long delay) {
        CompletableFuture<T> tried;
        try {
            tried = work.get();
        } catch (RuntimeException e) {
            tried = CompletableFuture.failedFuture(e);
        }
        tried.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            if (stopped.getAsBoolean()) {
                result.completeExceptionally(Futures.unwrap(error));
                return;
            }
            LOG.warn("{} failed ({}); trying again in {} ms", what, Futures.unwrap(error).getMessage(), delay);
            try {
                scheduler.schedule(() -> attempt(what, work, result, Math.min(MAX_DELAY_MILLIS, delay * 2)), delay,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(Futures.unwrap(error));
            }
        });
    }
}
