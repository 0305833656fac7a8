package org.camelevolink.component.tracking;

import org.camelevolink.component.exceptions.TaskStoreException;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The task store as the task layer uses it: every call runs on the store's own bounded executor and answers with a
 * future, so that no store call ever runs on the HTTP client's I/O thread or the tracker's timer, and a slow store
 * delays only the tasks whose records it is writing. A save's future completes once the save is durable: whatever
 * must follow it is chained to that future.
 * <p>
 * The store is opened by the first call, on the store's executor: a context whose routes never submit or consume
 * creates no store file, and the file is never opened on a route's or the I/O thread.
 * <p>
 * Lease renewals have an executor of their own: queued behind a backlog of saves, they would come late, the leases
 * would expire, and other nodes would take over tasks this node is still working on.
 */
public final class AsyncTaskStore {

    private final TaskStore store;
    private final Executor executor;
    private final Executor leaseExecutor;
    private volatile boolean started;
    /** Why the last store call failed, while no later call has succeeded; and since when. */
    private volatile String failure;
    private volatile long failingSince;

    /** Every call, lease renewals included, on {@code executor}: for a store that is not shared. */
    public AsyncTaskStore(TaskStore store, Executor executor) {
        this(store, executor, executor);
    }

    /** Lease renewals on {@code leaseExecutor}, every other call on {@code executor}. */
    public AsyncTaskStore(TaskStore store, Executor executor, Executor leaseExecutor) {
        this.store = store;
        this.executor = executor;
        this.leaseExecutor = leaseExecutor;
    }

    /** The store behind, for the few readers that are not on a hot path (health checks); open once started. */
    public TaskStore store() {
        return store;
    }

    /** Whether a call has opened the store. */
    public boolean isStarted() {
        return started;
    }

    /** Closes the store if a call opened it. */
    public synchronized void stop() {
        if (started) {
            started = false;
            store.stop();
        }
    }

    /**
     * Opens the store now, on the calling thread: a shared store opens when the component starts, so that an
     * unreachable database fails the start instead of the first exchange.
     */
    public void startNow() {
        startOnce();
    }

    /** Why the store fails, while its last call failed: for health checks. */
    public Optional<String> failing() {
        String why = failure;
        return why == null ? Optional.empty()
                : Optional.of("The EvoLink task store " + store + " has failed since "
                        + Instant.ofEpochMilli(failingSince) + ": " + why);
    }

    /** A store that fails to open fails this call, and the next call tries again. */
    private synchronized void startOnce() {
        if (!started) {
            store.start();
            started = true;
        }
    }

    public CompletableFuture<TaskRecord> save(TaskRecord record) {
        return call(() -> {
            store.save(record);
            return record;
        });
    }

    public CompletableFuture<Optional<TaskRecord>> find(String idempotencyKey) {
        return call(() -> store.find(idempotencyKey));
    }

    public CompletableFuture<Optional<TaskRecord>> findByCallbackToken(String callbackToken) {
        return call(() -> store.findByCallbackToken(callbackToken));
    }

    public CompletableFuture<List<TaskRecord>> undelivered() {
        return call(store::undelivered);
    }

    public CompletableFuture<Boolean> claim(String idempotencyKey, String owner, long leaseUntil) {
        return call(() -> store.claim(idempotencyKey, owner, leaseUntil));
    }

    /** Runs {@code work} (which may use the store directly) on the store's executor. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        return call(work, executor);
    }

    /** Runs {@code work}, a renewal of leases, on the executor of lease renewals, never behind pending saves. */
    public <T> CompletableFuture<T> callForLeases(Supplier<T> work) {
        return call(work, leaseExecutor);
    }

    private <T> CompletableFuture<T> call(Supplier<T> work, Executor on) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    if (!started) {
                        startOnce();
                    }
                    T result = work.get();
                    failure = null;
                    return result;
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failingSince = System.currentTimeMillis();
                    }
                    failure = String.valueOf(e.getMessage());
                    throw e;
                }
            }, on);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new TaskStoreException("The EvoLink task store is stopping", e));
        }
    }
}
