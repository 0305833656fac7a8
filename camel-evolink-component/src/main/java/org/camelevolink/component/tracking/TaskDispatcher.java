package org.camelevolink.component.tracking;

import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.Futures;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Carries tasks submitted with {@code waitForCompletion=false} to the consumers: waits for each through the task
 * tracker, saves the outcome in the task store, and delivers it to the consumer of its model until that consumer's
 * route has processed it. Outcomes with no consumer yet stay in the store and are delivered when one starts. Every
 * store call runs on the store's executor, never on the tracker's timer or the HTTP client's I/O thread.
 * <p>
 * At most {@code maxDeliveries} deliveries are in flight at once, each from its start until the route's verdict is
 * durable in the store; more wait in a queue, not on a thread. That bounds what a crash can deliver twice (a route
 * that did its work whose verdict was not saved yet) by the same number, however far the store lags behind.
 */
public final class TaskDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TaskDispatcher.class);
    private static final long MAX_DELIVERY_DELAY = TimeUnit.MINUTES.toMillis(5);

    private final AsyncTaskStore store;
    private final TaskTracker tracker;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final TaskPermits deliveries;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, TaskConsumer> consumers = new ConcurrentHashMap<>();
    /** Idempotency keys being waited for, and those being delivered: each task is in at most one of each. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Set<String> delivering = ConcurrentHashMap.newKeySet();

    public TaskDispatcher(AsyncTaskStore store, TaskTracker tracker, ScheduledExecutorService scheduler,
            LongSupplier clock, int maxDeliveries) {
        this.store = store;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.clock = clock;
        this.deliveries = new TaskPermits(Math.max(1, maxDeliveries));
    }

    /**
     * Adds a consumer and hands it what the store holds for it: outcomes to deliver and tasks to wait for. Fails
     * when another consumer takes the same model; reading the store happens after, on the store's executor.
     */
    public void register(TaskConsumer consumer, TaskReader reader, WaitPolicy policy) {
        TaskConsumer other = consumers.putIfAbsent(consumer.model(), consumer);
        if (other != null && other != consumer) {
            throw new IllegalStateException("Only one route may consume evolink:" + consumer.model()
                    + "; it is already consumed by " + other);
        }
        store.undelivered().thenAccept(records -> resume(consumer, records, reader, policy))
                .exceptionally(e -> {
                    LOG.warn("Reading the EvoLink task store for the consumer of {} failed: {}", consumer.model(),
                            Futures.unwrap(e).getMessage());
                    return null;
                });
    }

    private void resume(TaskConsumer consumer, List<TaskRecord> records, TaskReader reader, WaitPolicy policy) {
        for (TaskRecord r : records) {
            if (r.delivery() == TaskRecord.Delivery.CONSUMER && consumer.accepts(r.model())) {
                if (r.state() == TaskState.FINISHED) {
                    deliver(r);
                } else if (r.state() == TaskState.WAITING) {
                    track(r, reader, policy);
                }
            }
        }
    }

    public void unregister(TaskConsumer consumer) {
        consumers.remove(consumer.model(), consumer);
    }

    /** Waits for the task of {@code record} (once, however often it is asked) and delivers its outcome. */
    public void track(TaskRecord record, TaskReader reader, WaitPolicy policy) {
        if (record.isFinished()) {
            deliver(record);
            return;
        }
        if (!waiting.add(record.idempotencyKey())) {
            return;
        }
        WaitPolicy taskPolicy = policy.withCallbacks(record.hasCallback());
        tracker.whenFinished(record.taskId(), record.submittedAt(), record.nextReadAt(), reader, taskPolicy)
                .whenComplete((task, error) -> {
                    waiting.remove(record.idempotencyKey());
                    store.find(record.idempotencyKey())
                            .thenCompose(found -> finished(found.orElse(null), task, Futures.unwrap(error)))
                            .exceptionally(e -> logged("Saving the outcome of EvoLink task " + record.taskId(), e));
                });
    }

    private CompletableFuture<Void> finished(TaskRecord r, EvolinkTask task, Throwable error) {
        if (r == null || r.isFinished()) {
            return CompletableFuture.completedFuture(null);
        }
        long now = clock.getAsLong();
        TaskRecord closed;
        if (task != null) {
            closed = r.finished(task, now);
        } else if (error instanceof EvolinkTimeoutException) {
            closed = r.gaveUp(TaskRecord.WAIT_TIMEOUT, error.getMessage(), now);
        } else if (error instanceof EvolinkApiException api && !api.isRetryable()) {
            closed = r.gaveUp(api.getCode(), api.getMessage(), now);
        } else {
            // the component is stopping: the task stays WAITING and is waited for again at the next start
            LOG.debug("Stopped waiting for EvoLink task {}: {}", r.taskId(), error == null ? "" : error.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return store.save(closed).thenAccept(this::deliver);
    }

    /** Delivers a finished task to its consumer, at the record's next delivery time; without a consumer it waits. */
    public void deliver(TaskRecord record) {
        TaskConsumer consumer = consumerFor(record.model());
        if (consumer == null || !delivering.add(record.idempotencyKey())) {
            return;
        }
        long delay = record.nextDeliveryAt() - clock.getAsLong();
        if (delay > 0) {
            scheduler.schedule(() -> deliverNow(consumer, record.idempotencyKey()), delay, TimeUnit.MILLISECONDS);
        } else {
            deliverNow(consumer, record.idempotencyKey());
        }
    }

    private void deliverNow(TaskConsumer consumer, String key) {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                delivering.remove(key);
            }
        };
        deliveries.acquire(false).thenCompose(place -> store.find(key)).thenCompose(found -> {
            long now = clock.getAsLong();
            TaskRecord r = found.orElse(null);
            if (r == null || r.state() != TaskState.FINISHED || !consumer.isAcceptingTasks()) {
                return CompletableFuture.completedFuture(null);
            }
            return store.claim(key, node, now + MAX_DELIVERY_DELAY).thenCompose(claimed -> !claimed
                    ? CompletableFuture.completedFuture(null)
                    : consumer.deliver(r).handle((delivered, notDelivered) -> {
                        release.run(); // the route has answered: a later delivery of the task may start
                        return delivered;
                    }).thenCompose(delivered -> verdict(consumer, r, delivered)));
        }).whenComplete((done, error) -> {
            release.run();
            deliveries.release();
            if (error != null) {
                logged("Delivering EvoLink task record " + key, error);
            }
        });
    }

    /** Records the route's verdict: delivered, or to deliver again later; nothing when it was not delivered. */
    private CompletableFuture<Void> verdict(TaskConsumer consumer, TaskRecord r, Boolean delivered) {
        long at = clock.getAsLong();
        if (delivered == null) {
            return CompletableFuture.completedFuture(null); // the consumer stopped: delivered when one starts
        }
        if (delivered) {
            return store.save(r.delivered(at)).thenAccept(saved -> { });
        }
        TaskRecord again = r.deliveryFailed(at + retryDelay(consumer, r.deliveryAttempts()), at);
        return store.save(again).thenAccept(this::deliver);
    }

    private static long retryDelay(TaskConsumer consumer, int failedDeliveries) {
        long base = Math.max(1, consumer.deliveryRetryDelay());
        return Math.min(MAX_DELIVERY_DELAY, base << Math.min(failedDeliveries, 20));
    }

    private TaskConsumer consumerFor(String model) {
        TaskConsumer exact = consumers.get(model);
        return exact != null ? exact : consumers.get(TaskConsumer.EVERY_MODEL);
    }

    private static Void logged(String what, Throwable error) {
        LOG.warn("{} failed: {}", what, Futures.unwrap(error).getMessage());
        return null;
    }

    /**
     * Finished tasks waiting for {@code consumer}'s route. Reads the store on the calling thread: for health
     * checks, never for the I/O or timer threads. None before the store is opened.
     */
    public long finishedToDeliver(TaskConsumer consumer) {
        if (!store.isStarted()) {
            return 0;
        }
        return store.store().undelivered().stream()
                .filter(r -> r.delivery() == TaskRecord.Delivery.CONSUMER && consumer.accepts(r.model())
                        && r.state() == TaskState.FINISHED)
                .count();
    }

    /** The kind of task store, as health checks name it. */
    public String storeKind() {
        return store.store().getClass().getSimpleName();
    }

    /** Tasks being waited for on behalf of consumers. */
    public int waitingCount() {
        return waiting.size();
    }
}
