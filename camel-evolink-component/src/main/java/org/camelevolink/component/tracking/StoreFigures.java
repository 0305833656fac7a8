package org.camelevolink.component.tracking;

import org.camelevolink.component.client.Futures;
import org.camelevolink.component.store.JdbcTaskStore;
import org.camelevolink.component.store.MVStoreTaskStore;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.component.store.TaskStore;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The task store's figures that operators see (records by state, undelivered records, credits reserved within the
 * budget's window) for metrics scrapes, JMX and the developer console. Those ask on whatever thread they run on, a
 * Vert.x event loop among them, and a shared store's figure is a database query: so a caller never reads the store.
 * It gets the last snapshot at once, and a snapshot older than {@link #FRESH_MILLIS} is read again on the store's
 * own executor, one read at a time. Until the first read ends a caller gets {@link Snapshot#NOT_READ}; a read that
 * fails keeps the last figures and says why ({@link Snapshot#failure()}), and the store is asked again only once
 * {@link #FRESH_MILLIS} have passed since that read began. A store no call has opened yet is not
 * opened for its figures: they stay not read.
 */
public final class StoreFigures {

    /** How old a snapshot may be before a caller's ask starts a new read. */
    public static final long FRESH_MILLIS = 10_000;

    private final AsyncTaskStore store;
    private final CreditBudget budget;
    private final LongSupplier clock;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Snapshot last = Snapshot.NOT_READ;
    /** When the last read began: a failing store is asked again only once the figures would be stale. */
    private volatile long lastAttemptAt;
    private volatile boolean attempted;

    /** {@code budget}: the credits reserved within its window are read when it is limited. */
    public StoreFigures(AsyncTaskStore store, CreditBudget budget, LongSupplier clock) {
        this.store = store;
        this.budget = budget;
        this.clock = clock;
    }

    /** The store's class, e.g. {@code JdbcTaskStore}. */
    public String storeKind() {
        return store.store().getClass().getSimpleName();
    }

    /** The last snapshot, never waiting; starts a read on the store's executor when it is older than fresh. */
    public Snapshot get() {
        Snapshot known = last;
        long now = clock.getAsLong();
        boolean stale = !attempted || now - lastAttemptAt >= FRESH_MILLIS;
        if (stale && store.isStarted() && reading.compareAndSet(false, true)) {
            lastAttemptAt = now;
            attempted = true;
            store.call(() -> read(now)).whenComplete((read, error) -> {
                last = error == null ? read : last.failed(error);
                reading.set(false);
            });
        }
        return known;
    }

    private Snapshot read(long now) {
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        for (TaskState state : TaskState.values()) {
            counts.put(state, 0);
        }
        TaskStore s = store.store();
        counts.putAll(s.countsByState());
        Double credits = budget.isLimited() ? s.creditsReservedSince(now - budget.windowMillis()) : null;
        // the file, or the table and data source (no credentials); read here: an MVStore's names its record count
        String location = s instanceof MVStoreTaskStore || s instanceof JdbcTaskStore ? s.toString() : null;
        return new Snapshot(Collections.unmodifiableMap(counts), credits, location, now, null);
    }

    /**
     * The figures of one read.
     *
     * @param byState         records held in each state, every state present; empty while not read
     * @param creditsReserved credits reserved within the budget's window; null without a budget or not read
     * @param location        where the store keeps its records (a file, a table), for the stores that have one
     * @param readAt          when the read started (epoch millis); 0 while not read
     * @param failure         why the last read failed, while no later read has succeeded; else null
     */
    public record Snapshot(Map<TaskState, Integer> byState, Double creditsReserved, String location, long readAt,
            String failure) {

        public static final Snapshot NOT_READ = new Snapshot(Map.of(), null, null, 0, null);

        public boolean isRead() {
            return readAt > 0;
        }

        public int records() {
            return byState.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Records not yet delivered; 0 while not read. */
        public long undelivered() {
            return records() - byState.getOrDefault(TaskState.DELIVERED, 0);
        }

        Snapshot failed(Throwable error) {
            Throwable cause = Futures.unwrap(error);
            return new Snapshot(byState, creditsReserved, location, readAt, String.valueOf(cause.getMessage()));
        }
    }
}
