package org.camelevolink.component.tracking;

import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** The dispatcher's deliveries, with a consumer that is not a Camel route: the races a route's restart creates. */
class TaskDispatcherTest {

    private final InMemoryTaskStore records = new InMemoryTaskStore();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService storeThread = Executors.newSingleThreadExecutor();
    private final AsyncTaskStore store = new AsyncTaskStore(records, storeThread);
    private final TaskTracker tracker = new TaskTracker(scheduler, new OutageWatch(60_000, System::currentTimeMillis));
    private final TaskLeases leases = new TaskLeases(store, tracker, scheduler, System::currentTimeMillis, 60_000);
    private final TaskDispatcher dispatcher = new TaskDispatcher(store, tracker, leases, scheduler,
            System::currentTimeMillis, 4);

    @AfterEach
    void stop() {
        dispatcher.stop();
        tracker.stop();
        scheduler.shutdownNow();
        storeThread.shutdownNow();
    }

    /**
     * A consumer starts again while a delivery to it is under way that found it stopped: its start offers the task
     * (the reload of the store), and that offer must not be lost to the delivery still running, else the task would
     * wait for the consumer's next start.
     */
    @Test
    void aConsumerThatStartsWhileADeliveryFindsItStoppedGetsTheTaskAtOnce() throws Exception {
        TaskRecord finished = finishedRecord();
        RestartingConsumer consumer = new RestartingConsumer(finished);
        dispatcher.register(consumer, ids -> CompletableFuture.completedFuture(List.of()),
                new WaitPolicy(60_000, 10, 1_000));
        waitingFor("the task delivered once the consumer started").until(() -> consumer.delivered.get() == 1);
        waitingFor("the delivery saved").until(() -> records.find(finished.idempotencyKey())
                .map(r -> r.state() == TaskState.DELIVERED).orElse(false));
        assertThat(consumer.delivered).as("delivered once").hasValue(1);
    }

    private TaskRecord finishedRecord() {
        TaskRecord record = TaskRecord.submitting("restart-race-0001", "mj-v7", TaskRecord.Delivery.CONSUMER, null,
                Map.of(), null, 1_000).accepted("task-unified-1-restart", 2_000, 1_500)
                .gaveUp("task_not_found", "EvoLink no longer knows the task", System.currentTimeMillis());
        records.save(record);
        return record;
    }

    /** Stopped at the first look, and starting during it: its start offers the task again, as a reload does. */
    private final class RestartingConsumer implements TaskConsumer {
        private final TaskRecord record;
        private final AtomicInteger looks = new AtomicInteger();
        private final AtomicInteger delivered = new AtomicInteger();

        RestartingConsumer(TaskRecord record) {
            this.record = record;
        }

        @Override
        public String model() {
            return "mj-v7";
        }

        @Override
        public boolean isAcceptingTasks() {
            if (looks.getAndIncrement() == 0) {
                dispatcher.deliver(record); // the start's reload, while this delivery still runs
                return false;
            }
            return true;
        }

        @Override
        public long deliveryRetryDelay() {
            return TimeUnit.MINUTES.toMillis(1);
        }

        @Override
        public CompletableFuture<Boolean> deliver(TaskRecord r) {
            delivered.incrementAndGet();
            return CompletableFuture.completedFuture(true);
        }
    }
}
