package org.camelevolink.component.tracking;

/**
 * When to read a task. The first read comes at three quarters of EvoLink's {@code estimated_time}; after that a
 * task is read again every 4% of the time it has been running. So a task is seen finished at most ~4% of its
 * duration after it ended, however long it runs, and a late task costs a few reads, not one per poll interval.
 * No read comes sooner than {@code minPollMillis} after the last, and after the first none comes later than
 * {@code maxPollMillis}; the wait ends at {@code maxWaitMillis}.
 * <p>
 * With {@code callbacks}, the callback brings the read forward and polling is only the safety net for a lost one:
 * the first read comes at one and a half times the estimate, then every quarter of the running time.
 * <p>
 * Reads due close together are made in one batch; {@link #coalesceMillis()} is how early a read may be made to
 * join one.
 */
public record WaitPolicy(long maxWaitMillis, long minPollMillis, long maxPollMillis, boolean callbacks) {

    /** The first read of a polled task, as a share of EvoLink's {@code estimated_time}. */
    public static final double FIRST_READ_SHARE = 0.75;
    /** After the first read, a polled task is read again every this share of the time it has been running. */
    public static final double STEP_SHARE = 0.04;
    private static final double FIRST_READ_SHARE_WITH_CALLBACKS = 1.5;
    private static final double STEP_SHARE_WITH_CALLBACKS = 0.25;
    /** The shortest coalescing window ({@link #coalesceMillis()}), however short {@code minPollMillis}. */
    public static final long MIN_COALESCE_MILLIS = 20;
    /** The longest coalescing window ({@link #coalesceMillis()}), however long {@code minPollMillis}. */
    public static final long MAX_COALESCE_MILLIS = 250;

    public WaitPolicy {
        if (minPollMillis < 1 || maxPollMillis < minPollMillis || maxWaitMillis < 1) {
            throw new IllegalArgumentException("need 1 <= minPoll <= maxPoll and maxWait >= 1, got " + this);
        }
    }

    /** A polling policy, for tasks whose callbacks this component does not receive. */
    public WaitPolicy(long maxWaitMillis, long minPollMillis, long maxPollMillis) {
        this(maxWaitMillis, minPollMillis, maxPollMillis, false);
    }

    /** The same bounds, for a task whose callback this component receives ({@code callbacks}) or not. */
    public WaitPolicy withCallbacks(boolean callbacks) {
        return new WaitPolicy(maxWaitMillis, minPollMillis, maxPollMillis, callbacks);
    }

    /** Delay from the submit to the first read, given EvoLink's estimate (seconds, null when it gave none). */
    public long firstReadDelay(Double estimatedSeconds) {
        return nextDelay(0, estimatedSeconds);
    }

    /** Delay before the next read of a task running for {@code elapsedMillis} whose estimate left is given. */
    long nextDelay(long elapsedMillis, Double estimatedSecondsLeft) {
        long step = clamp(Math.round(elapsedMillis * (callbacks ? STEP_SHARE_WITH_CALLBACKS : STEP_SHARE)));
        if (estimatedSecondsLeft == null || estimatedSecondsLeft <= 0) {
            return step;
        }
        double expectedMillis = elapsedMillis + estimatedSecondsLeft * 1000;
        long untilFirstRead = Math.round(expectedMillis * (callbacks ? FIRST_READ_SHARE_WITH_CALLBACKS
                : FIRST_READ_SHARE)) - elapsedMillis;
        return Math.max(step, Math.max(minPollMillis, untilFirstRead));
    }

    /** A quarter of the shortest delay, within 20 to 250 ms: reading that much early costs little. */
    public long coalesceMillis() {
        return Math.max(MIN_COALESCE_MILLIS, Math.min(MAX_COALESCE_MILLIS, minPollMillis / 4));
    }

    private long clamp(long millis) {
        return Math.max(minPollMillis, Math.min(maxPollMillis, millis));
    }
}
