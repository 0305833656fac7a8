package org.camelevolink.component.store;

import org.camelevolink.component.exceptions.TaskStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The persistent store: what survives, what fails loudly, and how large the file grows. */
class MVStoreTaskStoreTest {

    @TempDir
    Path dir;

    @Test
    void everyRecordSurvivesAReopen() {
        Path file = dir.resolve("nested/tasks.mv");
        MVStoreTaskStore store = new MVStoreTaskStore(file);
        store.start();
        store.save(TaskStoreContractTest.submitting("a", "tok-a").accepted("task-a", 5, 1));
        store.save(TaskStoreContractTest.submitting("b", null));
        store.stop();

        MVStoreTaskStore again = new MVStoreTaskStore(file);
        again.start();
        assertThat(again.size()).isEqualTo(2);
        assertThat(again.findByCallbackToken("tok-a").orElseThrow().taskId()).isEqualTo("task-a");
        assertThat(again.find("b").orElseThrow().state()).isEqualTo(TaskState.SUBMITTING);
        again.stop();
    }

    /**
     * The root cause of a lost acknowledged save: MVStore's background writer committed asynchronously, so an
     * explicit commit that found nothing left returned before the bytes were written. It must never run.
     */
    @Test
    void noBackgroundWriterRuns() {
        MVStoreTaskStore store = new MVStoreTaskStore(dir.resolve("tasks.mv"));
        store.start();
        try {
            store.save(TaskStoreContractTest.submitting("a", null));
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("MVStore background writer") || name.startsWith("H2-save")
                            || name.startsWith("H2-serialization"));
        } finally {
            store.stop();
        }
    }

    /** Saves from several threads at once (they share commits) are all there after a reopen. */
    @Test
    void concurrentSavesAreAllDurable() throws Exception {
        Path file = dir.resolve("tasks.mv");
        MVStoreTaskStore store = new MVStoreTaskStore(file);
        store.start();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                saves.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String key = "t" + thread + "-" + i;
                        TaskRecord r = TaskStoreContractTest.submitting(key, "tok-" + key);
                        store.save(r);
                        store.save(r.accepted("task-" + key, 0, 1));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> save : saves) {
                save.get();
            }
        } finally {
            pool.shutdownNow();
            store.stop();
        }
        MVStoreTaskStore again = new MVStoreTaskStore(file);
        again.start();
        try {
            assertThat(again.size()).isEqualTo(1_600);
            assertThat(again.undelivered()).allMatch(r -> r.state() == TaskState.WAITING);
            assertThat(again.find("t7-199").orElseThrow().taskId()).isEqualTo("task-t7-199");
        } finally {
            again.stop();
        }
    }

    @Test
    void aDamagedFileIsNamedAndKeptNeverReplaced() throws Exception {
        Path file = dir.resolve("tasks.mv");
        MVStoreTaskStore store = new MVStoreTaskStore(file);
        store.start();
        for (int i = 0; i < 50; i++) {
            store.save(TaskStoreContractTest.submitting("k" + i, null));
        }
        store.stop();
        byte[] bytes = Files.readAllBytes(file);
        byte[] damaged = Arrays.copyOf(bytes, bytes.length);
        for (int i = 0; i < damaged.length; i += 7) {
            damaged[i] = (byte) ~damaged[i];
        }
        Files.write(file, damaged);

        assertThatThrownBy(() -> new MVStoreTaskStore(file).start())
                .isInstanceOf(TaskStoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("move it aside");
        assertThat(Files.readAllBytes(file)).as("left as it was").isEqualTo(damaged);
    }

    @Test
    void aStoreFileThatWentMissingIsNotSilentlyReplaced() throws Exception {
        Path file = dir.resolve("tasks.mv");
        MVStoreTaskStore store = new MVStoreTaskStore(file);
        store.start();
        store.save(TaskStoreContractTest.submitting("pending", null));
        store.stop();
        Files.delete(file);

        assertThatThrownBy(() -> new MVStoreTaskStore(file).start())
                .isInstanceOf(TaskStoreException.class)
                .hasMessageContaining(file.toAbsolutePath() + " is missing")
                .hasMessageContaining("tasks.mv.created");
        assertThat(file).doesNotExist();

        Files.delete(dir.resolve("tasks.mv.created")); // the documented way to start afresh on purpose
        MVStoreTaskStore fresh = new MVStoreTaskStore(file);
        fresh.start();
        assertThat(fresh.size()).isZero();
        fresh.stop();
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsAClearError() throws Exception {
        Path file = Files.createDirectories(dir.resolve("tasks.mv"));
        assertThatThrownBy(() -> new MVStoreTaskStore(file).start())
                .isInstanceOf(TaskStoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void aSecondOpenOfTheSameFileIsRefusedAsInUseNotAsDamaged() throws Exception {
        Path file = dir.resolve("tasks.mv");
        MVStoreTaskStore first = new MVStoreTaskStore(file);
        first.start();
        try {
            assertThatThrownBy(() -> new MVStoreTaskStore(file).start())
                    .isInstanceOf(TaskStoreException.class)
                    .hasMessageContaining(file.toAbsolutePath() + " is in use by another process")
                    .hasMessageContaining("taskStoreFile")
                    .hasMessageNotContaining("damaged");
        } finally {
            first.stop();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("tasks.mv",
                    "tasks.mv.created");
        }
    }

    @Test
    void aFileLeftByAKilledFirstStartThatDoesNotReadIsMovedAsideForANewStore() throws Exception {
        Path file = dir.resolve("tasks.mv");
        Files.write(file, new byte[] {'H', ':', '2', 0, 0, 1}); // a header cut short, and no tasks.mv.created
        MVStoreTaskStore store = new MVStoreTaskStore(file);
        store.start();
        try {
            assertThat(store.size()).isZero();
        } finally {
            store.stop();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("tasks.mv.incomplete-"))
                    .contains("tasks.mv", "tasks.mv.created");
        }
    }

    @Test
    void usingAStoreThatIsNotOpenIsAnError() {
        MVStoreTaskStore store = new MVStoreTaskStore(dir.resolve("tasks.mv"));
        assertThatThrownBy(() -> store.find("k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not open");
    }

    /**
     * 5,000 tasks go through every state and are purged in rounds of 1,000, as a busy day would: the file must stay
     * near the size of the records alive at once, not grow with all records ever written. The bound is 4 times the
     * file holding one round, which a file keeping its old chunks (5 rounds' worth of writes) would exceed.
     */
    @Test
    void theFileStaysBoundedUnderChurn() throws Exception {
        MVStoreTaskStore store = new MVStoreTaskStore(dir.resolve("tasks.mv"));
        store.start();
        long afterFirstRound = 0;
        long largest = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 1_000; i++) {
                String key = "k-" + round + "-" + i;
                TaskRecord r = TaskStoreContractTest.submitting(key, "tok-" + key);
                store.save(r);
                r = r.accepted("task-" + key, 0, 1);
                store.save(r);
                r = r.finished(TaskStoreContractTest.completed("task-" + key), 2);
                store.save(r);
                store.save(r.delivered(3));
            }
            store.purgeDelivered(Long.MAX_VALUE);
            long size = store.fileSize();
            afterFirstRound = round == 0 ? size : afterFirstRound;
            largest = Math.max(largest, size);
        }
        System.out.printf("task store growth: 20,000 saves, file after round 1: %d KiB, largest: %d KiB%n",
                afterFirstRound / 1024, largest / 1024);
        assertThat(store.size()).isZero();
        assertThat(largest).isLessThan(afterFirstRound * 4);
        store.stop();
    }
}
