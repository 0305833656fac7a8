package org.camelevolink.component.store;

import java.util.Collection;

/** The credits reserved by the records submitted since a time: the credit budget's count, for the stores in memory. */
final class CreditSum {

    private CreditSum() {
    }

    static double of(Collection<TaskRecord> records, long submittedSince) {
        double sum = 0;
        for (TaskRecord r : records) {
            if (r.creditsReserved() != null && r.submittedAt() >= submittedSince) {
                sum += r.creditsReserved();
            }
        }
        return sum;
    }
}
