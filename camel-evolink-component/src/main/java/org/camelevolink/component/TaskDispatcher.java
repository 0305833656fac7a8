package org.camelevolink.component;

import org.camelevolink.component.client.EvolinkApiException;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.Futures;
import org.camelevolink.component.client.EvolinkTimeoutException;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.component.store.TaskStore;
import org.camelevolink.component.tracking.TaskReader;
import org.camelevolink.component.tracking.TaskTracker;
import org.camelevolink.component.tracking.WaitPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Carries tasks submitted with {@code waitForCompletion=false} to the consumers: waits for each through the task
 * tracker, saves the outcome in the task store, and offers it to the consumer of its model until that consumer's
 * route has processed it. Outcomes with no consumer yet stay in the store and are offered when one starts.
 */
final class TaskDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TaskDispatcher.class);
    private static final long MAX_OFFER_DELAY = TimeUnit.MINUTES.toMillis(5);

    private final TaskStore store;
    private final TaskTracker tracker;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, EvolinkConsumer> consumers = new ConcurrentHashMap<>();
    /** Idempotency keys being waited for, and those being offered: each task is in at most one of each. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Set<String> offering = ConcurrentHashMap.newKeySet();

    TaskDispatcher(TaskStore store, TaskTracker tracker, ScheduledExecutorService scheduler, LongSupplier clock) {
        this.store = store;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Adds a consumer and hands it what the store holds for it: outcomes to deliver and tasks to wait for. */
    void register(EvolinkConsumer consumer, TaskReader reader, WaitPolicy policy) {
        EvolinkConsumer other = consumers.putIfAbsent(consumer.model(), consumer);
        if (other != null && other != consumer) {
            throw new IllegalStateException("Only one route may consume evolink:" + consumer.model()
                    + "; it is already consumed by " + other.getEndpoint());
        }
        for (TaskRecord r : store.undelivered()) {
            if (r.delivery() == TaskRecord.Delivery.CONSUMER && consumer.accepts(r.model())) {
                if (r.state() == TaskState.FINISHED) {
                    offer(r);
                } else if (r.state() == TaskState.WAITING) {
                    track(r, reader, policy);
                }
            }
        }
    }

    void unregister(EvolinkConsumer consumer) {
        consumers.remove(consumer.model(), consumer);
    }

    /** Waits for the task of {@code record} (once, however often it is asked) and offers its outcome. */
    void track(TaskRecord record, TaskReader reader, WaitPolicy policy) {
        if (record.isFinished()) {
            offer(record);
            return;
        }
        if (!waiting.add(record.idempotencyKey())) {
            return;
        }
        WaitPolicy taskPolicy = policy.withCallbacks(record.hasCallback());
        tracker.whenFinished(record.taskId(), record.submittedAt(), record.nextReadAt(), reader, taskPolicy)
                .whenComplete((task, error) -> {
                    waiting.remove(record.idempotencyKey());
                    finished(record.idempotencyKey(), task, Futures.unwrap(error));
                });
    }

    private void finished(String key, EvolinkTask task, Throwable error) {
        TaskRecord r = store.find(key).orElse(null);
        if (r == null || r.isFinished()) {
            return;
        }
        long now = clock.getAsLong();
        if (task != null) {
            r = r.finished(task, now);
        } else if (error instanceof EvolinkTimeoutException) {
            r = r.gaveUp("timeout", error.getMessage(), now);
        } else if (error instanceof EvolinkApiException api && !api.isRetryable()) {
            r = r.gaveUp(api.getCode(), api.getMessage(), now);
        } else {
            // the component is stopping: the task stays WAITING and is waited for again at the next start
            LOG.debug("Stopped waiting for EvoLink task {}: {}", r.taskId(), error == null ? "" : error.getMessage());
            return;
        }
        store.save(r);
        offer(r);
    }

    /** Offers a finished task to its consumer, at the record's next offer time; without a consumer it waits. */
    void offer(TaskRecord record) {
        EvolinkConsumer consumer = consumerFor(record.model());
        if (consumer == null || !offering.add(record.idempotencyKey())) {
            return;
        }
        long delay = record.nextReadAt() - clock.getAsLong();
        if (delay > 0) {
            scheduler.schedule(() -> emit(consumer, record.idempotencyKey()), delay, TimeUnit.MILLISECONDS);
        } else {
            emit(consumer, record.idempotencyKey());
        }
    }

    private void emit(EvolinkConsumer consumer, String key) {
        TaskRecord r = store.find(key).orElse(null);
        long now = clock.getAsLong();
        if (r == null || r.state() != TaskState.FINISHED || !consumer.isRunAllowed()
                || !store.claim(key, node, now + MAX_OFFER_DELAY)) {
            offering.remove(key);
            return;
        }
        consumer.emit(r).whenComplete((delivered, notOffered) -> {
            offering.remove(key);
            long at = clock.getAsLong();
            if (notOffered != null) {
                return; // the consumer stopped: offered again when a consumer starts
            }
            if (delivered) {
                store.save(r.delivered(at));
            } else {
                TaskRecord again = r.offerFailed(at + offerDelay(consumer, r.deliveryAttempts()), at);
                store.save(again);
                offer(again);
            }
        });
    }

    private static long offerDelay(EvolinkConsumer consumer, int failedOffers) {
        long base = Math.max(1, consumer.getEndpoint().getConfiguration().getDeliveryRetryDelay());
        return Math.min(MAX_OFFER_DELAY, base << Math.min(failedOffers, 20));
    }

    private EvolinkConsumer consumerFor(String model) {
        EvolinkConsumer exact = consumers.get(model);
        return exact != null ? exact : consumers.get(EvolinkConsumer.EVERY_MODEL);
    }

    /** Tasks being waited for on behalf of consumers. */
    int waitingCount() {
        return waiting.size();
    }

}
