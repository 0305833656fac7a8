package org.camelevolink.component.store;

import org.camelevolink.component.client.EvolinkTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TaskStore} must do, run against each store the component ships: one top-level subclass per store
 * (surefire leaves nested classes out).
 */
abstract class TaskStoreContractTest {

    @TempDir
    Path dir;
    TaskStore store;

    abstract TaskStore create(Path dir);

    @BeforeEach
    void open() {
        store = create(dir);
        store.start();
    }

    @AfterEach
    void close() {
        store.stop();
    }

    static TaskRecord submitting(String key, String token) {
        return TaskRecord.submitting(key, "mj-v7", TaskRecord.Delivery.CONSUMER, "order-1",
                Map.of("customer", "ACME"), token, 1_000);
    }

    static EvolinkTask completed(String taskId) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue("{\"id\":\"" + taskId + "\",\"model\":"
                + "\"mj-v7\",\"status\":\"completed\",\"progress\":100,\"results\":[\"https://x/1.png\"],"
                + "\"usage\":{\"credits_reserved\":8.0,\"credits_used\":8.0}}", EvolinkTask.class);
    }

    @Test
    void aRecordIsFoundByKeyAndTokenThroughEveryState() throws Exception {
        TaskRecord r = submitting("k1", "tok-1");
        store.save(r);
        assertThat(store.find("k1")).contains(r);
        assertThat(store.findByCallbackToken("tok-1")).contains(r);

        TaskRecord waiting = r.accepted("task-1", 2_000, 1_500);
        store.save(waiting);
        assertThat(store.find("k1")).contains(waiting);
        assertThat(store.findByCallbackToken("tok-1")).contains(waiting);
        assertThat(store.undelivered()).containsExactly(waiting);

        TaskRecord finished = waiting.finished(completed("task-1"), 3_000);
        store.save(finished);
        TaskRecord read = store.find("k1").orElseThrow();
        assertThat(read.state()).isEqualTo(TaskState.FINISHED);
        assertThat(read.outcome().getResults()).containsExactly("https://x/1.png");
        assertThat(read.outcome().getUsage().creditsUsed()).isEqualTo(8.0);
        assertThat(read.carriedHeaders()).containsEntry("customer", "ACME");
        assertThat(read.correlationId()).isEqualTo("order-1");

        store.save(finished.delivered(4_000));
        assertThat(store.undelivered()).isEmpty();
        assertThat(store.find("k1").orElseThrow().deliveryAttempts()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void creditsReservedAreKeptAndSummedOverTheRecordsSubmittedSinceATimeDeliveredOnesIncluded() {
        TaskRecord early = TaskRecord.submitting("early", "mj-v7", TaskRecord.Delivery.PRODUCER, null, Map.of(), null,
                1_000).accepted("t-early", 0, 1_100).reserved(2.5);
        TaskRecord late = TaskRecord.submitting("late", "mj-v7", TaskRecord.Delivery.PRODUCER, null, Map.of(), null,
                5_000).accepted("t-late", 0, 5_100).reserved(4.0);
        TaskRecord unpriced = TaskRecord.submitting("unpriced", "mj-v7", TaskRecord.Delivery.CONSUMER, null, Map.of(),
                null, 6_000).accepted("t-unpriced", 0, 6_100);
        store.save(early.gaveUp("timeout", "late", 2_000).delivered(2_000));
        store.save(late);
        store.save(unpriced);
        assertThat(store.find("early").orElseThrow().creditsReserved()).isEqualTo(2.5);
        assertThat(store.find("unpriced").orElseThrow().creditsReserved()).isNull();
        assertThat(store.creditsReservedSince(0)).isEqualTo(6.5);
        assertThat(store.creditsReservedSince(1_001)).isEqualTo(4.0);
        assertThat(store.creditsReservedSince(5_001)).isZero();
    }

    @Test
    void recordsAreCountedByStateDeliveredOnesIncluded() throws Exception {
        assertThat(store.countsByState().values()).as("an empty store").allMatch(n -> n == 0);
        store.save(submitting("s1", null));
        store.save(submitting("w1", null).accepted("t-w1", 0, 10));
        store.save(submitting("w2", null).accepted("t-w2", 0, 10));
        store.save(submitting("f1", null).accepted("t-f1", 0, 10).finished(completed("t-f1"), 20));
        store.save(submitting("d1", null).accepted("t-d1", 0, 10).gaveUp("timeout", "late", 20).delivered(30));
        Map<TaskState, Integer> counts = store.countsByState();
        assertThat(counts).containsEntry(TaskState.SUBMITTING, 1).containsEntry(TaskState.WAITING, 2)
                .containsEntry(TaskState.FINISHED, 1).containsEntry(TaskState.DELIVERED, 1);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(store.size());
    }

    @Test
    void onlyDeliveredRecordsOlderThanTheCutOffArePurged() {
        store.save(submitting("old", null).accepted("t-old", 0, 10).gaveUp("timeout", "late", 20).delivered(100));
        store.save(submitting("new", "tok").accepted("t-new", 0, 10).gaveUp("timeout", "late", 20).delivered(300));
        store.save(submitting("waiting", null).accepted("t-w", 0, 10));
        assertThat(store.purgeDelivered(100)).as("updatedAt 100 is not before 100").isZero();
        assertThat(store.purgeDelivered(200)).isEqualTo(1);
        assertThat(store.find("old")).isEmpty();
        assertThat(store.findByCallbackToken("tok")).isPresent();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void concurrentSavesKeepEveryIndexConsistent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    String key = "k-" + thread + "-" + i;
                    TaskRecord r = submitting(key, "tok-" + key);
                    store.save(r);
                    store.save(r.accepted("task-" + key, 0, 2));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(store.size()).isEqualTo(800);
        for (int t = 0; t < 8; t++) {
            for (int i = 0; i < 100; i++) {
                String key = "k-" + t + "-" + i;
                assertThat(store.find(key).orElseThrow().taskId()).isEqualTo("task-" + key);
                assertThat(store.findByCallbackToken("tok-" + key).orElseThrow().state())
                        .isEqualTo(TaskState.WAITING);
            }
        }
    }

    @Test
    void ofConcurrentCreatesOfOneKeyExactlyOneWinsAndTheOthersGetItsRecord() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Optional<TaskRecord>>> tries = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            TaskRecord mine = TaskRecord.submitting("same", "mj-v7", TaskRecord.Delivery.CONSUMER, "order-" + t,
                    Map.of(), null, 1_000);
            tries.add(pool.submit(() -> store.create(mine, "node", 5_000)));
        }
        List<String> winners = new ArrayList<>();
        List<String> seenByLosers = new ArrayList<>();
        for (Future<Optional<TaskRecord>> f : tries) {
            f.get(30, TimeUnit.SECONDS).ifPresentOrElse(known -> seenByLosers.add(known.correlationId()),
                    () -> winners.add("won"));
        }
        pool.shutdown();
        assertThat(winners).hasSize(1);
        String saved = store.find("same").orElseThrow().correlationId();
        assertThat(seenByLosers).hasSize(7).containsOnly(saved);
    }

    @Test
    void toStringNeverShowsACallbackToken() {
        store.save(submitting("k", "secret-token-123"));
        assertThat(store.toString()).doesNotContain("secret-token-123");
        assertThat(store.find("k").orElseThrow().toString()).doesNotContain("secret-token-123");
    }
}
