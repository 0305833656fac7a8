package org.camelevolink.component.store;

/** The life of a {@link TaskRecord}: each state only moves forward. */
public enum TaskState {
    /** Saved before the submit is sent, so a crash in between is resumed with the same Idempotency-Key. */
    SUBMITTING,
    /** EvoLink accepted the task; it is being waited for. */
    WAITING,
    /** The task ended (or the component gave up on it); the outcome waits for its receiver. */
    FINISHED,
    /** The receiver has the outcome. Kept for the retention time to recognise re-sent messages. */
    DELIVERED
}
