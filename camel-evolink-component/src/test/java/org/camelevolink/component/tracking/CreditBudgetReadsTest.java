package org.camelevolink.component.tracking;

import org.camelevolink.component.store.TaskRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.tracking.CreditBudget.STORE_READ_INTERVAL_MILLIS;

/**
 * The budget reads the store's sum at most once per interval, whatever the submits, and adds what this node reserved
 * since: a clock of the test's own says when the interval has passed.
 */
class CreditBudgetReadsTest {

    private final CountingTaskStore counting = new CountingTaskStore();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AsyncTaskStore store = new AsyncTaskStore(counting, executor);
    private final CreditBudget budget = new CreditBudget(100, 60_000);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static TaskRecord reserved(String key, long at, double credits) {
        return TaskRecord.submitting(key, "mj-v7", TaskRecord.Delivery.PRODUCER, null, Map.of(), null, at)
                .accepted("t-" + key, 0, at).reserved(credits);
    }

    @Test
    void manySubmitsWithinAnIntervalShareOneReadAndCountThisNodesReservations() {
        long t0 = 1_000_000;
        counting.save(reserved("other-node", t0 - 10, 7.0)); // another node's task, in the shared store
        counting.hold = true; // the first read is slow: the submits arriving meanwhile wait for that one read
        List<CompletableFuture<Double>> used = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            used.add(budget.used(store, t0 + i % 10));
        }
        counting.release();
        assertThat(used).allSatisfy(u -> assertThat(u.join()).isEqualTo(7.0));

        for (int i = 0; i < 50; i++) { // this node's submits, accepted within the interval
            budget.reserved("mj-v7", 2.0);
            counting.save(reserved("here-" + i, t0 + 100, 2.0));
            budget.reservationSaved(2.0);
            assertThat(budget.used(store, t0 + 100 + i).join()).isEqualTo(7.0 + 2.0 * (i + 1));
        }
        counting.save(reserved("other-node-2", t0 + 200, 5.0)); // counted here once the interval has passed
        assertThat(budget.used(store, t0 + STORE_READ_INTERVAL_MILLIS - 1).join()).isEqualTo(107.0);
        assertThat(counting.creditReads).as("one read within the interval").hasValue(1);

        assertThat(budget.used(store, t0 + STORE_READ_INTERVAL_MILLIS).join()).isEqualTo(112.0);
        assertThat(counting.creditReads).hasValue(2);
        assertThat(budget.check("mj-v7", 112.0)).isPresent();
    }

    @Test
    void aFailedReadFailsItsSubmitsAndTheNextSubmitReadsAgain() {
        counting.failWith.set(new IllegalStateException("database down"));
        assertThat(budget.used(store, 1_000)).failsWithin(java.time.Duration.ofSeconds(10));
        counting.failWith.set(null);
        counting.save(reserved("a", 900, 3.0));
        assertThat(budget.used(store, 1_001).join()).isEqualTo(3.0);
        assertThat(counting.creditReads).hasValue(2);
    }
}
