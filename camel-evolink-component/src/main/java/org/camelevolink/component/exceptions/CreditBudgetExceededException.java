package org.camelevolink.component.exceptions;

import java.time.Duration;

/**
 * A submit would have taken the credits reserved within {@code creditWindow} past {@code maxCredits}: refused before
 * anything was sent, so nothing was paid. It may be sent again once older tasks leave the window.
 */
public class CreditBudgetExceededException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final double maxCredits;
    private final long windowMillis;
    private final double usedCredits;
    private final double estimatedCredits;

    public CreditBudgetExceededException(String model, double maxCredits, long windowMillis, double usedCredits,
            double estimatedCredits) {
        super("The credit budget of " + maxCredits + " credits per " + Duration.ofMillis(windowMillis)
                + " is used up: " + usedCredits + " credits reserved within the window"
                + (estimatedCredits > 0 ? ", and a task of " + model + " reserves about " + estimatedCredits : "")
                + "; nothing was submitted");
        this.model = model;
        this.maxCredits = maxCredits;
        this.windowMillis = windowMillis;
        this.usedCredits = usedCredits;
        this.estimatedCredits = estimatedCredits;
    }

    public String getModel() {
        return model;
    }

    /** The budget: {@code maxCredits}. */
    public double getMaxCredits() {
        return maxCredits;
    }

    /** The budget's window: {@code creditWindow}, in milliseconds. */
    public long getWindowMillis() {
        return windowMillis;
    }

    /** Credits reserved by the tasks submitted within the window, as the task store counts them. */
    public double getUsedCredits() {
        return usedCredits;
    }

    /** What the refused task was expected to reserve (the model's last reservation seen here), or 0. */
    public double getEstimatedCredits() {
        return estimatedCredits;
    }
}
