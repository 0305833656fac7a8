package org.camelevolink.component.tracking;

import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.store.TaskRecord;

/**
 * What the task layer tells about the tasks it handles, for metrics, the developer console and progress updates.
 * Plain Java, so that the task layer knows nothing of Micrometer or Camel; the Camel glue adapts it. Calls come on
 * the tracker's timer, the store's threads and the HTTP client's I/O thread: an implementation must be quick and
 * must not throw. Every method does nothing by default.
 */
public interface TaskEvents {

    /** Records nothing: the events of a component without metrics. */
    TaskEvents NONE = new TaskEvents() {
    };

    /** EvoLink accepted a submit (not resumed) after {@code latencyMillis}; {@code creditsReserved} may be null. */
    default void submitted(String model, long latencyMillis, Double creditsReserved) {
    }

    /** A submit was refused by the credit budget before anything was sent. */
    default void budgetRefused(String model) {
    }

    /**
     * A task ended at EvoLink and its end was seen here: completed, failed or cancelled ({@code task}'s status and
     * error code say which). {@code durationMillis} counts from the submit; {@code detectionDelayMillis} is how long
     * after EvoLink ended it this component saw it, or negative when EvoLink's answer does not tell.
     */
    default void finished(String model, EvolinkTask task, long durationMillis, long detectionDelayMillis) {
    }

    /** The component gave up waiting for a task (its {@code maxWaitTime} passed); it may still end at EvoLink. */
    default void timedOut(String model, long waitedMillis) {
    }

    /** The component gave up on a task for {@code code} (e.g. EvoLink no longer knows it), not a timeout. */
    default void gaveUp(String model, String code, long waitedMillis) {
    }

    /**
     * {@code closed} was saved with its task's end at {@code now}: tells {@link #finished}, {@link #timedOut} or
     * {@link #gaveUp}. The one call the waiters make, so that both kinds of wait count alike.
     */
    default void closed(TaskRecord closed, long now) {
        long age = now - closed.submittedAt();
        EvolinkTask task = closed.outcome();
        if (task != null) {
            finished(closed.model(), task, age, detectionDelay(task, now));
        } else if (TaskRecord.WAIT_TIMEOUT.equals(closed.errorCode())) {
            timedOut(closed.model(), age);
        } else {
            gaveUp(closed.model(), closed.errorCode(), age);
        }
    }

    /** How long after EvoLink ended {@code task} ({@code created} + {@code duration}) {@code now} is; -1 unknown. */
    static long detectionDelay(EvolinkTask task, long now) {
        if (task.getCreated() == null || task.getDuration() == null) {
            return -1;
        }
        long endedAt = task.getCreated() * 1000 + Math.round(task.getDuration() * 1000);
        return Math.max(0, now - endedAt);
    }

    /** A read of a running task found its progress changed (at most once per read). */
    default void progressed(EvolinkTask task) {
    }

    /** A read, a submit or a store call failed with {@code error}; kept by the console as a last error. */
    default void failed(String what, Throwable error) {
    }
}
