package org.camelevolink.component.tracking;

/**
 * How to wait for one task: the first read when EvoLink's {@code estimated_time} says the task should be done,
 * then reads no closer than {@code minPollMillis}, backing off towards {@code maxPollMillis}, until
 * {@code maxWaitMillis}.
 */
public record WaitPolicy(long maxWaitMillis, long minPollMillis, long maxPollMillis) {

    private static final double BACKOFF = 1.5;

    public WaitPolicy {
        if (minPollMillis < 1 || maxPollMillis < minPollMillis || maxWaitMillis < 1) {
            throw new IllegalArgumentException("need 1 <= minPoll <= maxPoll and maxWait >= 1, got " + this);
        }
    }

    /** Delay before the next read, given the server's remaining estimate and how many reads found it running. */
    long nextDelay(Double estimatedSecondsLeft, int overdueReads) {
        if (estimatedSecondsLeft != null && estimatedSecondsLeft > 0 && overdueReads == 0) {
            return clamp(Math.round(estimatedSecondsLeft * 1000));
        }
        return clamp(Math.round(minPollMillis * Math.pow(BACKOFF, Math.max(0, overdueReads - 1))));
    }

    private long clamp(long millis) {
        return Math.max(minPollMillis, Math.min(maxPollMillis, millis));
    }
}
