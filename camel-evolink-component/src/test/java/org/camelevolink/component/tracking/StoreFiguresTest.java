package org.camelevolink.component.tracking;

import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** The store's figures: never read on the asking thread, at most once per freshness, the last kept on a failure. */
class StoreFiguresTest {

    private final CountingTaskStore counting = new CountingTaskStore();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AsyncTaskStore store = new AsyncTaskStore(counting, executor);
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final StoreFigures figures = new StoreFigures(store, new CreditBudget(10, 60_000), clock::get);

    @AfterEach
    void stop() {
        counting.release();
        executor.shutdownNow();
    }

    private static TaskRecord waiting(String key) {
        return TaskRecord.submitting(key, "mj-v7", TaskRecord.Delivery.CONSUMER, null, Map.of(), null, 999_000)
                .accepted("t-" + key, 0, 999_000).reserved(2.0);
    }

    @Test
    void aCallerGetsTheLastFiguresAtOnceWhileTheStoreIsRead() {
        assertThat(figures.get()).as("a store not opened yet is not opened for its figures")
                .isEqualTo(StoreFigures.Snapshot.NOT_READ);
        store.save(waiting("a")).join(); // opens the store
        counting.save(waiting("b").gaveUp("timeout", "late", 999_500).delivered(999_500));
        assertThat(counting.countReads).hasValue(0);

        counting.hold = true; // a slow store: the callers do not wait for it
        for (int i = 0; i < 100; i++) {
            assertThat(figures.get().isRead()).isFalse();
        }
        waitingFor("the read started").until(() -> counting.countReads.get() == 1);
        assertThat(figures.get().isRead()).isFalse();
        assertThat(counting.countReads).as("one read under way at a time").hasValue(1);
        counting.release();
        StoreFigures.Snapshot read = waitingFor("the figures read").until(figures::get, StoreFigures.Snapshot::isRead);
        assertThat(read.byState()).containsEntry(TaskState.WAITING, 1).containsEntry(TaskState.DELIVERED, 1)
                .containsEntry(TaskState.SUBMITTING, 0);
        assertThat(read.undelivered()).isEqualTo(1);
        assertThat(read.records()).isEqualTo(2);
        assertThat(read.creditsReserved()).isEqualTo(4.0);

        counting.save(waiting("c"));
        clock.addAndGet(StoreFigures.FRESH_MILLIS - 1);
        assertThat(figures.get().undelivered()).as("fresh: not read again").isEqualTo(1);
        assertThat(counting.countReads).hasValue(1);

        clock.addAndGet(1);
        figures.get(); // stale: starts a read
        assertThat(waitingFor("the figures read again").until(() -> figures.get().undelivered(), n -> n == 2))
                .isEqualTo(2);
        assertThat(counting.countReads).hasValue(2);
    }

    @Test
    void aFailedReadKeepsTheLastFiguresAndSaysWhy() {
        store.save(waiting("a")).join();
        figures.get();
        waitingFor("the figures read").until(figures::get, StoreFigures.Snapshot::isRead);

        counting.failWith.set(new IllegalStateException("database down"));
        clock.addAndGet(StoreFigures.FRESH_MILLIS);
        figures.get();
        StoreFigures.Snapshot failed = waitingFor("the failure seen").until(figures::get, s -> s.failure() != null);
        assertThat(failed.failure()).contains("database down");
        assertThat(failed.undelivered()).as("the last figures stand").isEqualTo(1);

        counting.failWith.set(null);
        figures.get();
        assertThat(counting.countReads).as("a failing store is not asked again before the figures are stale")
                .hasValue(2);
        clock.addAndGet(StoreFigures.FRESH_MILLIS);
        figures.get();
        assertThat(waitingFor("the store read again").until(figures::get, s -> s.failure() == null).undelivered())
                .isEqualTo(1);
    }
}
