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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Carries tasks submitted with {@code waitForCompletion=false} to the consumers: waits for each through the task
 * tracker, saves the outcome in the task store, and delivers it to the consumer of its model until that consumer's
 * route has processed it. Outcomes with no consumer yet stay in the store and are delivered when one starts. Every
 * store call runs on the store's executor, never on the tracker's timer or the HTTP client's I/O thread; one that
 * fails is repeated until the store answers again, so an outcome EvoLink gave is never dropped.
 * <p>
 * At most {@code maxDeliveries} deliveries are in flight at once, each from its start until the route's verdict is
 * durable in the store; more wait in a queue, not on a thread. That bounds what a crash can deliver twice (a route
 * that did its work whose verdict was not saved yet) by the same number, however far the store lags behind.
 * <p>
 * With a shared store, a node works only on what it holds a lease on (see {@link TaskLeases}): what it submitted,
 * and what it claims. Every half lease time it claims the unheld work of its consumers' models (that of nodes
 * that stopped or died), in batches, so each task is waited for and delivered by one node at a time.
 */
public final class TaskDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TaskDispatcher.class);
    private static final long MAX_DELIVERY_DELAY = TimeUnit.MINUTES.toMillis(5);
    /** Records claimed per statement; a full batch is followed by another at once. */
    static final int CLAIM_BATCH = 200;

    private record Registration(TaskConsumer consumer, TaskReader reader, WaitPolicy policy) {
        Set<String> models() {
            return TaskConsumer.EVERY_MODEL.equals(consumer.model()) ? Set.of() : Set.of(consumer.model());
        }
    }

    /** A delivery under way, and the record offered again meanwhile (null if none). */
    private record Delivering(TaskRecord offeredAgain) {
        static final Delivering FIRST_OFFER = new Delivering(null);
    }

    private final AsyncTaskStore store;
    private final TaskTracker tracker;
    private final TaskLeases leases;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final TaskPermits deliveries;
    private final StoreRetry retry;
    private final Map<String, Registration> consumers = new ConcurrentHashMap<>();
    /** Idempotency keys being waited for (with their task id), and those being delivered. */
    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    private final Map<String, Delivering> delivering = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private volatile TaskEvents events = TaskEvents.NONE;
    private ScheduledFuture<?> claiming;

    public TaskDispatcher(AsyncTaskStore store, TaskTracker tracker, TaskLeases leases,
            ScheduledExecutorService scheduler, LongSupplier clock, int maxDeliveries) {
        this.store = store;
        this.tracker = tracker;
        this.leases = leases;
        this.scheduler = scheduler;
        this.clock = clock;
        this.deliveries = new TaskPermits(Math.max(1, maxDeliveries));
        this.retry = new StoreRetry(scheduler, () -> stopped);
        leases.onLost(this::lost);
    }

    /** Where the dispatcher tells of the tasks it closes. */
    public void setEvents(TaskEvents events) {
        this.events = events;
    }

    /**
     * Adds a consumer, in place of a stopped one of the same model if any, and hands it what the store holds for
     * it: outcomes to deliver and tasks to wait for (with a shared store, those no live node holds). Fails when
     * another consumer takes the same model; reading the store happens after, on the store's executor, and is
     * repeated until the store answers.
     */
    public void register(TaskConsumer consumer, TaskReader reader, WaitPolicy policy) {
        Registration registration = new Registration(consumer, reader, policy);
        // a stopped consumer keeps its model's tasks until one starts in its place (Camel makes a new consumer
        // when a route starts again)
        Registration kept = consumers.merge(consumer.model(), registration,
                (other, added) -> other.consumer() == consumer || !other.consumer().isAcceptingTasks()
                        ? added : other);
        if (kept != registration) {
            throw new IllegalStateException("Only one route may consume evolink:" + consumer.model()
                    + "; it is already consumed by " + kept.consumer());
        }
        claimFor(registration);
        if (leases.isShared()) {
            startClaiming();
        }
    }

    private synchronized void startClaiming() {
        if (claiming == null && !stopped) {
            long every = Math.max(1, leases.leaseMillis() / 2);
            claiming = scheduler.scheduleWithFixedDelay(() -> consumers.values().forEach(this::claimFor), every,
                    every, TimeUnit.MILLISECONDS);
        }
    }

    private void claimFor(Registration registration) {
        retry.until("Reading the EvoLink task store for the consumer of " + registration.consumer().model(),
                () -> store.call(() -> store.store().claimUnheld(leases.owner(), registration.models(),
                        clock.getAsLong(), leases.leaseUntil(), CLAIM_BATCH)))
                .thenAccept(records -> {
                    resume(registration, records);
                    if (leases.isShared() && records.size() >= CLAIM_BATCH && !stopped) {
                        claimFor(registration); // more left to take over
                    }
                }).exceptionally(e -> null); // the component stopped
    }

    private void resume(Registration registration, List<TaskRecord> records) {
        for (TaskRecord r : records) {
            leases.hold(r.idempotencyKey(), r.taskId());
            if (r.state() == TaskState.FINISHED) {
                deliver(r);
            } else if (r.state() == TaskState.WAITING) {
                track(r, registration.reader(), registration.policy(), r.nextReadAt());
            }
        }
    }

    /**
     * Removes a consumer for good (its route was removed): the consumer of every model takes its model's tasks from
     * now on. A consumer that only stopped stays registered, so that its tasks wait for its route to start again.
     */
    public void unregister(TaskConsumer consumer) {
        consumers.computeIfPresent(consumer.model(), (model, r) -> r.consumer() == consumer ? null : r);
    }

    /** Stops claiming and retrying; the leases are released by {@link TaskLeases#releaseHeld()}. */
    public synchronized void stop() {
        stopped = true;
        if (claiming != null) {
            claiming.cancel(false);
        }
    }

    /**
     * Waits for the task of {@code record} (once, however often it is asked) and delivers its outcome. With a shared
     * store, a record this node does not hold (a re-sent message resumed a task another node submitted) is claimed
     * first, and left to its holder when that is a live node.
     */
    public void track(TaskRecord record, TaskReader reader, WaitPolicy policy) {
        String key = record.idempotencyKey();
        if (leases.holds(key)) {
            track(record, reader, policy, record.nextReadAt());
            return;
        }
        claimAndTrack(record, reader, policy, record.nextReadAt())
                .exceptionally(e -> false); // unclaimed: the claim loop takes it up once the store answers
    }

    /** Claims {@code record} for this node and, when granted, waits for its task; completes with the grant. */
    private CompletableFuture<Boolean> claimAndTrack(TaskRecord record, TaskReader reader, WaitPolicy policy,
            long firstReadAt) {
        return store.claim(record.idempotencyKey(), leases.owner(), leases.leaseUntil()).thenApply(claimed -> {
            if (claimed) {
                track(record, reader, policy, firstReadAt);
            }
            return claimed;
        });
    }

    private void track(TaskRecord record, TaskReader reader, WaitPolicy policy, long firstReadAt) {
        if (record.isFinished()) {
            deliver(record);
            return;
        }
        String key = record.idempotencyKey();
        if (waiting.putIfAbsent(key, record.taskId()) != null) {
            return;
        }
        leases.hold(key, record.taskId());
        WaitPolicy taskPolicy = policy.withCallbacks(record.hasCallback());
        tracker.whenFinished(record.taskId(), record.submittedAt(), firstReadAt, reader, taskPolicy)
                .whenComplete((task, error) -> {
                    waiting.remove(key);
                    if (leases.holds(key)) {
                        retry.until("Saving the outcome of EvoLink task " + record.taskId(),
                                () -> store.find(key).thenCompose(found -> finished(found.orElse(null), task,
                                        Futures.unwrap(error))))
                                .exceptionally(e -> null); // stopped: the task stays WAITING in the store
                    }
                });
    }

    /**
     * A callback for {@code record}'s task arrived here: its read is brought forward on the node that waits for it.
     * That is this node when its tracker has the task; else, with a shared store, this node takes the task over if
     * no live node holds it, and otherwise asks the holder (which learns it at its next lease renewal).
     */
    public void readNow(TaskRecord record) {
        if (record.isFinished() || tracker.readNow(record.taskId()) || !leases.isShared()) {
            return;
        }
        String key = record.idempotencyKey();
        Registration registration = registrationFor(record.model());
        if (record.delivery() != TaskRecord.Delivery.CONSUMER || registration == null) {
            store.call(() -> requestRead(key));
            return;
        }
        claimAndTrack(record, registration.reader(), registration.policy(), clock.getAsLong()).thenAccept(claimed -> {
            if (!claimed) {
                store.call(() -> requestRead(key));
            }
        });
    }

    private Void requestRead(String key) {
        store.store().requestRead(key);
        return null;
    }

    private CompletableFuture<Void> finished(TaskRecord r, EvolinkTask task, Throwable error) {
        if (r == null || r.state() == TaskState.DELIVERED) {
            return CompletableFuture.completedFuture(null);
        }
        if (r.isFinished()) {
            // an earlier wait for the same task saved its end, and its delivery may have found the consumer
            // restarting: deliver it now (deliveries are deduplicated), else nothing would until the next start
            deliver(r);
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
        events.closed(closed, now);
        return store.save(closed).thenAccept(this::deliver);
    }

    /**
     * Delivers a finished task to its consumer, at the record's next delivery time. Without a consumer here it
     * waits in the store: for one to start here, or, with a shared store, for a node that has one to claim it.
     */
    public void deliver(TaskRecord record) {
        String key = record.idempotencyKey();
        Registration registration = registrationFor(record.model());
        if (registration == null) {
            leases.release(key);
            return;
        }
        if (delivering.merge(key, Delivering.FIRST_OFFER, (current, first) -> new Delivering(record))
                != Delivering.FIRST_OFFER) {
            return; // offered again while delivered: taken up if that delivery does not reach the route
        }
        leases.hold(key, record.taskId());
        long delay = record.nextDeliveryAt() - clock.getAsLong();
        if (delay > 0) {
            scheduler.schedule(() -> deliverNow(registration.consumer(), record), delay, TimeUnit.MILLISECONDS);
        } else {
            deliverNow(registration.consumer(), record);
        }
    }

    private void deliverNow(TaskConsumer consumer, TaskRecord record) {
        String key = record.idempotencyKey();
        AtomicBoolean released = new AtomicBoolean();
        Consumer<Boolean> release = routeAnswered -> {
            if (released.compareAndSet(false, true)) {
                endDelivery(key, routeAnswered);
            }
        };
        deliveries.acquire(false).thenCompose(place -> store.find(key)).thenCompose(found -> {
            TaskRecord r = found.orElse(null);
            if (r == null || r.state() == TaskState.DELIVERED) {
                leases.drop(key);
                return CompletableFuture.completedFuture(null);
            }
            if (r.state() != TaskState.FINISHED) {
                return CompletableFuture.completedFuture(null);
            }
            if (!consumer.isAcceptingTasks()) {
                return leases.release(key); // delivered when a consumer starts here, or by another node
            }
            // an ordinary lease, renewed while the route runs: a node that dies mid-delivery loses the task after
            // leaseTime (a lease as long as the longest delivery held it from the other nodes for minutes)
            return store.claim(key, leases.owner(), leases.leaseUntil()).thenCompose(claimed -> {
                if (!claimed) {
                    leases.drop(key); // another node delivers it
                    return CompletableFuture.completedFuture(null);
                }
                return consumer.deliver(r).handle((delivered, notDelivered) -> {
                    release.accept(delivered != null); // the route has answered: a later delivery may start
                    return delivered;
                }).thenCompose(delivered -> verdict(consumer, r, delivered));
            });
        }).whenComplete((done, error) -> {
            release.accept(false);
            deliveries.release();
            if (error != null && !stopped) {
                // the store failed before the route ran: deliver again once it answers
                LOG.warn("Delivering EvoLink task record {} failed: {}; trying again", key,
                        Futures.unwrap(error).getMessage());
                scheduler.schedule(() -> deliver(record), StoreRetry.FIRST_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Lets a later delivery of {@code key} start. An offer made while this delivery ran is taken up unless the route
     * answered (its verdict decides what follows): without it, a consumer that started while a delivery found it
     * stopped would have its start's offer dropped, and the task would wait for the next start.
     */
    private void endDelivery(String key, boolean routeAnswered) {
        Delivering ended = delivering.remove(key);
        if (!routeAnswered && ended != null && ended.offeredAgain() != null) {
            deliver(ended.offeredAgain());
        }
    }

    /** Records the route's verdict: delivered, or to deliver again later; nothing when it was not delivered. */
    private CompletableFuture<Void> verdict(TaskConsumer consumer, TaskRecord r, Boolean delivered) {
        long at = clock.getAsLong();
        if (delivered == null) {
            return CompletableFuture.completedFuture(null); // the consumer stopped: delivered when one starts
        }
        TaskRecord next = delivered ? r.delivered(at)
                : r.deliveryFailed(at + retryDelay(consumer, r.deliveryAttempts()), at);
        return retry.until("Saving the delivery of EvoLink task " + r.taskId(), () -> store.save(next))
                .thenAccept(saved -> {
                    if (delivered) {
                        leases.drop(r.idempotencyKey());
                    } else {
                        deliver(saved);
                    }
                });
    }

    private static long retryDelay(TaskConsumer consumer, int failedDeliveries) {
        long base = Math.max(1, consumer.deliveryRetryDelay());
        return Math.min(MAX_DELIVERY_DELAY, base << Math.min(failedDeliveries, 20));
    }

    private Registration registrationFor(String model) {
        Registration exact = consumers.get(model);
        return exact != null ? exact : consumers.get(TaskConsumer.EVERY_MODEL);
    }

    /** Another node holds {@code key} now: this node stops waiting for its task. */
    private void lost(String key) {
        String taskId = waiting.remove(key);
        if (taskId != null) {
            tracker.forget(taskId);
        }
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
