package org.camelevolink.component.tracking;

import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.component.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Keeps the store bounded: forgets delivered records after the retention, and gives up on finished tasks no
 * consumer has taken within it (a fire-and-forget route without a consumer). Runs on the store's executor.
 */
public final class TaskPurger {

    private static final Logger LOG = LoggerFactory.getLogger(TaskPurger.class);

    private final AsyncTaskStore store;
    private final long retentionMillis;
    private final LongSupplier clock;

    public TaskPurger(AsyncTaskStore store, long retentionMillis, LongSupplier clock) {
        this.store = store;
        this.retentionMillis = retentionMillis;
        this.clock = clock;
    }

    /** Purges once; completes with the number of records removed. */
    public CompletableFuture<Integer> purge() {
        return store.call(() -> purge(store.store())).whenComplete((purged, error) -> {
            if (error != null) {
                LOG.warn("Purging delivered EvoLink task records failed: {}", error.getMessage());
            } else {
                LOG.debug("Purged {} delivered EvoLink task records", purged);
            }
        });
    }

    private int purge(TaskStore tasks) {
        long now = clock.getAsLong();
        long cutoff = now - retentionMillis;
        for (TaskRecord r : tasks.undelivered()) {
            if (r.state() == TaskState.FINISHED && r.updatedAt() < cutoff) {
                LOG.warn("No consumer of evolink:{} took task {} within taskRetention; its record is dropped",
                        r.model(), r.taskId());
                tasks.save(r.delivered(now));
            }
        }
        return tasks.purgeDelivered(cutoff);
    }
}
