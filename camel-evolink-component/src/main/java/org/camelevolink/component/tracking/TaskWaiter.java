package org.camelevolink.component.tracking;

import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.Futures;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;
import org.camelevolink.component.store.TaskRecord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * Waits for the task an exchange waits for ({@code waitForCompletion=true}) and closes its record with the end,
 * so that a re-sent message gets the same answer without paying again. The waiting future completes only once the
 * closed record is durable (the save runs on the store's executor).
 */
public final class TaskWaiter {

    private final AsyncTaskStore store;
    private final TaskTracker tracker;
    private final TaskLeases leases;
    private final LongSupplier clock;
    private volatile TaskEvents events = TaskEvents.NONE;

    public TaskWaiter(AsyncTaskStore store, TaskTracker tracker, TaskLeases leases, LongSupplier clock) {
        this.store = store;
        this.tracker = tracker;
        this.leases = leases;
        this.clock = clock;
    }

    /** Where the waiter tells of the tasks it closes. */
    public void setEvents(TaskEvents events) {
        this.events = events;
    }

    public CompletableFuture<EvolinkTask> waitFor(TaskSubmitter.Submission submission, TaskReader reader,
            WaitPolicy policy) {
        TaskRecord record = submission.record();
        EvolinkTask task = submission.task();
        CompletableFuture<EvolinkTask> end;
        if (task.isFinished()) {
            end = CompletableFuture.completedFuture(task);
        } else if (submission.resumed()) {
            end = tracker.whenFinished(task.getId(), record.submittedAt(), clock.getAsLong(), reader, policy);
        } else {
            end = tracker.whenFinished(task, reader, policy);
        }
        return end.handle((finished, error) -> close(record, finished, Futures.unwrap(error))
                .handle((closed, storeError) -> {
                    leases.drop(record.idempotencyKey()); // an exchange's task is never taken over by another node
                    if (error != null) {
                        throw new CompletionException(Futures.unwrap(error));
                    }
                    if (storeError != null) {
                        throw new CompletionException(Futures.unwrap(storeError));
                    }
                    return finished;
                })).thenCompose(f -> f);
    }

    private CompletableFuture<?> close(TaskRecord record, EvolinkTask finished, Throwable error) {
        if (record.outcome() != null || error != null && !(error instanceof EvolinkTimeoutException)) {
            return CompletableFuture.completedFuture(null);
        }
        long now = clock.getAsLong();
        TaskRecord closed = finished != null ? record.finished(finished, now)
                : record.gaveUp("timeout", error.getMessage(), now);
        events.closed(closed, now);
        return store.save(closed.delivered(now));
    }
}
