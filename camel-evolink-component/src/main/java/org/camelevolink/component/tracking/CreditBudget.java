package org.camelevolink.component.tracking;

import org.camelevolink.component.exceptions.CreditBudgetExceededException;
import org.camelevolink.component.store.TaskStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxCredits} reserved by the tasks submitted within the last {@code windowMillis}, counted from the
 * task store's records (their {@code creditsReserved}), so that a restart does not reset the count and nodes sharing
 * a store share the budget. A submit is refused when what is used plus what the model's last task reserved would
 * pass the budget; EvoLink tells a task's price only when it accepts it, so the first task of a model is let through
 * on the used credits alone. Nodes submitting at the same moment may each pass a check the other's task then fills:
 * the budget can be passed by the tasks in flight at once.
 */
public final class CreditBudget {

    /** No budget: every submit passes. */
    public static final CreditBudget UNLIMITED = new CreditBudget(0, 0);

    private final double maxCredits;
    private final long windowMillis;
    private final Map<String, Double> lastReserved = new ConcurrentHashMap<>();

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

    /** Credits reserved within the window ending {@code now}; reads the store on the calling thread. */
    public double used(TaskStore store, long now) {
        return store.creditsReservedSince(now - windowMillis);
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
        if (credits != null) {
            lastReserved.put(model, credits);
        }
    }
}
