package org.camelevolink.component.store;

import java.util.List;
import java.util.Optional;

/**
 * Where the component keeps its {@link TaskRecord}s, so that waiting tasks and undelivered outcomes survive a
 * restart and a re-sent message finds the task it already paid for. One store per component; chosen with the
 * {@code taskStore} option ({@code taskStore=#myStore} for a bean of the registry).
 * <p>
 * Implementations must make {@link #save} durable before it returns (a crash right after loses nothing) and must
 * be safe for concurrent use. A store shared by several nodes also implements {@link #claim}, so that one node at
 * a time waits for and delivers a task; the consumer already asks for a claim before every delivery.
 */
public interface TaskStore {

    /**
     * Opens the store; the component calls it on a store thread just before the first call that needs the store. A
     * store that cannot be read fails here, naming its file, and never starts empty instead.
     */
    default void start() {
    }

    /** Closes the store; saved records stay. */
    default void stop() {
    }

    /** Saves {@code record} over any record with the same idempotency key; durable when this returns. */
    void save(TaskRecord record);

    Optional<TaskRecord> find(String idempotencyKey);

    Optional<TaskRecord> findByCallbackToken(String callbackToken);

    /** Every record not yet {@link TaskState#DELIVERED}, in no particular order. */
    List<TaskRecord> undelivered();

    /** Removes delivered records last updated before {@code updatedBefore} (epoch millis); returns how many. */
    int purgeDelivered(long updatedBefore);

    /** Records held, delivered ones included. */
    int size();

    /**
     * Asks for the right to wait for and deliver the task of {@code idempotencyKey} until {@code leaseUntil}
     * (epoch millis), on behalf of {@code owner}. A store used by a single node always grants it.
     */
    default boolean claim(String idempotencyKey, String owner, long leaseUntil) {
        return true;
    }
}
