package org.camelevolink.component.tracking;

import org.camelevolink.component.store.TaskRecord;

import java.util.concurrent.CompletableFuture;

/**
 * What the task layer delivers finished tasks to: a consumer of one model, or of every model. Implemented by the
 * Camel consumer; the task layer knows nothing else of it.
 */
public interface TaskConsumer {

    /** The consumer of every model: a task goes to it when its own model has no consumer. */
    String EVERY_MODEL = "*";

    /** The model this consumer takes, or {@link #EVERY_MODEL}. */
    String model();

    default boolean accepts(String taskModel) {
        return EVERY_MODEL.equals(model()) || model().equals(taskModel);
    }

    /** False while the consumer is not running: a delivery now would be lost, so it waits. */
    boolean isAcceptingTasks();

    /** The delay before the first retry of a delivery the route failed; doubled at each further failure. */
    long deliveryRetryDelay();

    /**
     * Runs the route for the finished task of {@code record}. Completes with true when the route processed it,
     * false when the route failed (deliver it again later), exceptionally when it was not delivered (the consumer
     * is stopping).
     */
    CompletableFuture<Boolean> deliver(TaskRecord record);
}
