package org.camelevolink.component;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.camelevolink.component.tracking.TaskDispatcher;

import java.util.Map;

/**
 * Can the consumer deliver? Down when its task store cannot be read; the details say how many finished tasks
 * wait for this consumer's route and how many tasks are still running.
 */
final class EvolinkConsumerHealthCheck extends AbstractHealthCheck {

    private final EvolinkConsumer consumer;
    private final TaskDispatcher dispatcher;

    EvolinkConsumerHealthCheck(EvolinkConsumer consumer, TaskDispatcher dispatcher) {
        super("camel", "consumer:evolink-" + consumer.model());
        this.consumer = consumer;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            builder.detail("finished_tasks_to_deliver", dispatcher.finishedToDeliver(consumer))
                    .detail("tasks_waited_for", dispatcher.waitingCount())
                    .detail("task_store", dispatcher.storeKind());
            builder.up();
        } catch (RuntimeException e) {
            builder.message("The EvoLink task store cannot be read: " + e.getMessage()).error(e).down();
        }
    }
}
