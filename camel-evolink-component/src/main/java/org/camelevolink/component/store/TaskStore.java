package org.camelevolink.component.store;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the component keeps its {@link TaskRecord}s, so that waiting tasks and undelivered outcomes survive a
 * restart and a re-sent message finds the task it already paid for. One store per component; chosen with the
 * {@code taskStore} option ({@code taskStore=#myStore} for a bean of the registry).
 * <p>
 * Implementations must make {@link #save} durable before it returns (a crash right after loses nothing) and must
 * be safe for concurrent use.
 * <p>
 * A store used by one node at a time needs nothing more: the lease methods' defaults grant every claim. A store
 * {@linkplain #isShared() shared} by several nodes also keeps a <em>lease</em> per record (an owner and an expiry),
 * so that one node at a time waits for and delivers each task handed to a consumer: a node holds what it creates
 * and what it claims, renews its leases while it works, releases them when it stops, and a node that dies loses
 * them when they expire, to whichever node claims them next. {@link #save} never changes a lease.
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
     * How many records the store holds in each {@link TaskState}, delivered ones included; a state with no record
     * may be left out. For the figures operators see (metrics, JMX, the developer console): the component reads it
     * on the store's executor, at most every few seconds. The default reads every undelivered record and counts the
     * delivered ones as the rest of {@link #size()}; the component's stores count without reading the records out.
     */
    default Map<TaskState, Integer> countsByState() {
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        int undelivered = 0;
        for (TaskRecord r : undelivered()) {
            counts.merge(r.state(), 1, Integer::sum);
            undelivered++;
        }
        counts.put(TaskState.DELIVERED, size() - undelivered);
        return counts;
    }

    /**
     * The sum of {@link TaskRecord#creditsReserved()} over the records submitted at or after {@code submittedSince}
     * (epoch millis), delivered ones included: what the credit budget counts. The default sums the undelivered
     * records only; the component's stores count every record they hold.
     */
    default double creditsReservedSince(long submittedSince) {
        return CreditSum.of(undelivered(), submittedSince);
    }

    /**
     * Saves {@code record} unless a record with its idempotency key exists, atomically: of several nodes creating
     * the same key, one wins. A shared store leases the new record to {@code owner} until {@code leaseUntil}.
     *
     * @return the record already saved under the key, or empty when {@code record} was saved
     */
    default Optional<TaskRecord> create(TaskRecord record, String owner, long leaseUntil) {
        Optional<TaskRecord> known = find(record.idempotencyKey());
        if (known.isEmpty()) {
            save(record);
        }
        return known;
    }

    /** Whether several nodes share this store, so that its leases matter and unheld records must be claimed. */
    default boolean isShared() {
        return false;
    }

    /**
     * Asks for the right to wait for and deliver the task of {@code idempotencyKey} until {@code leaseUntil}
     * (epoch millis), on behalf of {@code owner}: granted when the record's lease is free, expired or already
     * {@code owner}'s. A store used by a single node always grants it.
     */
    default boolean claim(String idempotencyKey, String owner, long leaseUntil) {
        return true;
    }

    /**
     * Claims for {@code owner}, until {@code leaseUntil}, up to {@code limit} records that a consumer receives
     * ({@link TaskRecord.Delivery#CONSUMER}), {@link TaskState#WAITING} or {@link TaskState#FINISHED}, of one of
     * {@code models} (every model when empty) and held by no live lease at {@code now}: the work of nodes that
     * stopped or died. A single-node store returns every such record, whatever {@code limit}.
     */
    default List<TaskRecord> claimUnheld(String owner, Set<String> models, long now, long leaseUntil, int limit) {
        return undelivered().stream()
                .filter(r -> r.delivery() == TaskRecord.Delivery.CONSUMER
                        && (r.state() == TaskState.WAITING || r.state() == TaskState.FINISHED)
                        && (models.isEmpty() || models.contains(r.model())))
                .toList();
    }

    /**
     * Extends {@code owner}'s leases on {@code idempotencyKeys} to {@code leaseUntil}, and tells which of them it
     * no longer holds (another node took them after they expired) and which had a read asked for by another node
     * since the last renewal (see {@link #requestRead}); that request is cleared.
     */
    default LeaseRenewal renew(String owner, Collection<String> idempotencyKeys, long leaseUntil) {
        return LeaseRenewal.NOTHING;
    }

    /** Ends {@code owner}'s leases on {@code idempotencyKeys}, so that other nodes may claim them at once. */
    default void release(String owner, Collection<String> idempotencyKeys) {
    }

    /**
     * Asks the node holding the record of {@code idempotencyKey} to read its task now (a callback for it reached
     * another node); the holder learns it at its next {@link #renew}. Nothing for a single-node store.
     */
    default void requestRead(String idempotencyKey) {
    }

    /**
     * What a {@link #renew} found.
     *
     * @param lost          keys whose lease another node holds now: the renewing node stops working on them
     * @param readRequested keys whose task another node asked to be read now
     */
    record LeaseRenewal(Set<String> lost, Set<String> readRequested) {
        public static final LeaseRenewal NOTHING = new LeaseRenewal(Set.of(), Set.of());
    }
}
