package org.camelevolink.component.tracking;

import org.camelevolink.component.exceptions.CreditBudgetExceededException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxCredits} reserved by the tasks submitted within the last {@code windowMillis}, counted from the
 * task store's records (their {@code creditsReserved}), so that a restart does not reset the count and nodes sharing
 * a store share the budget. A submit is refused when what is used plus what the model's last task reserved would
 * pass the budget; EvoLink tells a task's price only when it accepts it, so the first task of a model is let through
 * on the used credits alone. Nodes submitting at the same moment may each pass a check the other's task then fills:
 * the budget can be passed by the tasks in flight at once.
 * <p>
 * The store's sum is a query for a shared store (a scan of its table): it is read at most once per
 * {@link #STORE_READ_INTERVAL_MILLIS}, on the store's executor, and between two reads what is used is the last sum
 * plus what this node's tasks reserved in records saved since that read began. Another node's reservations therefore count here at the
 * latest one interval after it saved them: within that lag, nodes sharing a store can pass the budget by what they
 * reserve in it. Submits that find the sum stale share one read and go on when it ends; a read that fails fails
 * those submits (the store fails), and the next submit reads again.
 */
public final class CreditBudget {

    /** No budget: every submit passes. */
    public static final CreditBudget UNLIMITED = new CreditBudget(0, 0);

    private final double maxCredits;
    private final long windowMillis;
    private final Map<String, Double> lastReserved = new ConcurrentHashMap<>();
    /** The store's sum as last read, when that read began, and this node's total reserved then. */
    private double storeSum;
    private long storeReadAt;
    private boolean storeRead;
    private double localAtRead;
    /** What this node's saved records reserved since it started: the part the store's last sum may not hold. */
    private double localTotal;
    /** The read under way, that submits finding the sum stale wait for; null when none. */
    private CompletableFuture<Double> reading;

    /** {@code maxCredits} 0 or less: no budget. */
    public CreditBudget(double maxCredits, long windowMillis) {
        this.maxCredits = maxCredits;
        this.windowMillis = windowMillis;
    }

    public boolean isLimited() {
        return maxCredits > 0;
    }

    public double maxCredits() {
        return maxCredits;
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** How long the store's sum of credits reserved is used before it is read again. */
    public static final long STORE_READ_INTERVAL_MILLIS = 1_000;

    /**
     * Credits reserved within the window ending {@code now} (epoch millis): at once from the last read of the store
     * while it is younger than {@link #STORE_READ_INTERVAL_MILLIS}, else when a read on the store's executor ends.
     */
    public CompletableFuture<Double> used(AsyncTaskStore store, long now) {
        CompletableFuture<Double> read;
        synchronized (this) {
            if (storeRead && now - storeReadAt < STORE_READ_INTERVAL_MILLIS) {
                return CompletableFuture.completedFuture(storeSum + localTotal - localAtRead);
            }
            read = reading;
            if (read == null) {
                read = startRead(store, now);
                if (!read.isDone()) { // a store stopping refuses the call at once: nothing to share then
                    reading = read;
                }
            }
        }
        return read;
    }

    /** Called holding the lock; completes with the used credits once the read has replaced the last sum. */
    private CompletableFuture<Double> startRead(AsyncTaskStore store, long now) {
        double localNow = localTotal; // saved before the query runs: in the sum, so not counted again
        return store.call(() -> store.store().creditsReservedSince(now - windowMillis)).handle((sum, error) -> {
            synchronized (this) {
                reading = null;
                if (error != null) {
                    throw error instanceof RuntimeException e ? e : new IllegalStateException(error);
                }
                storeSum = sum;
                storeReadAt = now;
                storeRead = true;
                localAtRead = localNow;
                return storeSum + localTotal - localAtRead;
            }
        });
    }

    /** The refusal a submit of {@code model} gets when {@code used} credits are reserved, or empty when it may go. */
    public Optional<CreditBudgetExceededException> check(String model, double used) {
        double estimate = lastReserved.getOrDefault(model, 0.0);
        if (!isLimited() || used + estimate <= maxCredits && used < maxCredits) {
            return Optional.empty();
        }
        return Optional.of(new CreditBudgetExceededException(model, maxCredits, windowMillis, used, estimate));
    }

    /** EvoLink reserved {@code credits} for a task of {@code model}: the estimate of its next task. */
    public void reserved(String model, Double credits) {
        if (credits != null && isLimited()) {
            lastReserved.put(model, credits);
        }
    }

    /**
     * The record of a task that reserved {@code credits} is durable: counted on this node until a read of the store
     * begins after it. Counted once saved, not once EvoLink answers: a read that began after the save holds it, so it
     * is never counted by neither the sum nor this node (by both at worst, until the next read).
     */
    public void reservationSaved(Double credits) {
        if (credits != null && isLimited()) {
            synchronized (this) {
                localTotal += credits;
            }
        }
    }
}
