package org.camelevolink.component.tracking;

import org.camelevolink.component.client.Futures;
import org.camelevolink.component.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * This node's leases on the records it works on, when its task store is {@linkplain TaskStore#isShared() shared}:
 * the records it submits, waits for and delivers. Renews them every third of the lease time, so that they expire
 * only when this node stops renewing (it died, or lost its database for longer than the lease); releases them when
 * the component stops, so that other nodes take them over at once. A renewal also brings the reads other nodes
 * asked for (a callback reached them) to the tracker, and tells which leases another node holds now, so that this
 * node stops working on them. With a single-node store every method is a no-op and {@link #holds} is always true.
 */
public final class TaskLeases {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLeases.class);
    private static final String NO_TASK_YET = "";

    private final AsyncTaskStore store;
    private final TaskTracker tracker;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final long leaseMillis;
    private final String owner = UUID.randomUUID().toString();
    /** Held idempotency keys and the id of their task ({@link #NO_TASK_YET} while submitting). */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private volatile Consumer<String> onLost = key -> { };
    private ScheduledFuture<?> renewing;

    public TaskLeases(AsyncTaskStore store, TaskTracker tracker, ScheduledExecutorService scheduler,
            LongSupplier clock, long leaseMillis) {
        this.store = store;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
    }

    /** This node's name in the store's leases: random per start, never reused. */
    public String owner() {
        return owner;
    }

    /** When a lease taken or renewed now expires. */
    public long leaseUntil() {
        return clock.getAsLong() + leaseMillis;
    }

    public long leaseMillis() {
        return leaseMillis;
    }

    public boolean isShared() {
        return store.store().isShared();
    }

    /** Called with the idempotency key of each lease found held by another node. */
    public void onLost(Consumer<String> listener) {
        this.onLost = listener;
    }

    /** Starts renewing, for a shared store. */
    public synchronized void start() {
        if (isShared() && renewing == null) {
            long every = Math.max(1, leaseMillis / 3);
            renewing = scheduler.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Records that this node works on {@code key} (task {@code taskId}, or null while submitting). */
    public void hold(String key, String taskId) {
        if (isShared()) {
            held.put(key, taskId == null ? NO_TASK_YET : taskId);
        }
    }

    /** This node no longer works on {@code key}; its lease simply runs out. */
    public void drop(String key) {
        held.remove(key);
    }

    /** Drops {@code key} and ends its lease now, so that another node may take it at once. */
    public CompletableFuture<Void> release(String key) {
        if (held.remove(key) == null) {
            return CompletableFuture.completedFuture(null);
        }
        return store.call(() -> {
            store.store().release(owner, List.of(key));
            return null;
        });
    }

    /** Whether this node may still save and deliver for {@code key}: always with a single-node store. */
    public boolean holds(String key) {
        return !isShared() || held.containsKey(key);
    }

    /** One renewal of every held lease; runs on the store's executor of lease renewals. */
    CompletableFuture<Void> renew() {
        List<String> keys = List.copyOf(held.keySet());
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return store.callForLeases(() -> store.store().renew(owner, keys, leaseUntil())).thenAccept(renewal -> {
            for (String key : renewal.lost()) {
                if (held.remove(key) != null) {
                    LOG.warn("Task record {} is held by another node now (this node did not renew its lease in "
                            + "time); this node stops working on it", key);
                    onLost.accept(key);
                }
            }
            for (String key : renewal.readRequested()) {
                String taskId = held.get(key);
                if (taskId != null && !taskId.equals(NO_TASK_YET)) {
                    tracker.readNow(taskId);
                }
            }
        }).exceptionally(e -> {
            LOG.warn("Renewing this node's {} leases in the EvoLink task store failed ({}); they expire in {} ms "
                    + "unless a later renewal succeeds", keys.size(), Futures.unwrap(e).getMessage(), leaseMillis);
            return null;
        });
    }

    /** Stops renewing; the leases are released by {@link #releaseHeld()} once the store's pending work is done. */
    public synchronized void stop() {
        if (renewing != null) {
            renewing.cancel(false);
            renewing = null;
        }
    }

    /**
     * Releases every lease held, on the calling thread, so that other nodes take this node's tasks over at once.
     * Called when the component stops, after the store's executor has finished what was asked of it (a delivery's
     * verdict saved after a release could let another node deliver the task again) and before the store closes.
     */
    public void releaseHeld() {
        List<String> keys = List.copyOf(held.keySet());
        held.clear();
        if (keys.isEmpty() || !isShared() || !store.isStarted()) {
            return;
        }
        try {
            store.store().release(owner, keys);
        } catch (RuntimeException e) {
            LOG.warn("Releasing this node's {} leases failed ({}); other nodes take its tasks over when they expire, "
                    + "within {} ms", keys.size(), e.getMessage(), leaseMillis);
        }
    }
}
