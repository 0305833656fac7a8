package org.camelevolink.component;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.camelevolink.component.tracking.TaskDispatcher;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Can the consumer deliver? Down when its task store cannot be read, or while EvoLink has not answered the reads
 * of waiting tasks for {@code outageWarningDelay}; the details say how many finished tasks wait for this consumer's
 * route and how many tasks are still running.
 */
final class EvolinkConsumerHealthCheck extends AbstractHealthCheck {

    private final EvolinkConsumer consumer;
    private final TaskDispatcher dispatcher;
    private final Supplier<Optional<String>> outage;

    EvolinkConsumerHealthCheck(EvolinkConsumer consumer, TaskDispatcher dispatcher,
            Supplier<Optional<String>> outage) {
        super("camel", "consumer:evolink-" + consumer.model());
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.outage = outage;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            builder.detail("finished_tasks_to_deliver", dispatcher.finishedToDeliver(consumer))
                    .detail("tasks_waited_for", dispatcher.waitingCount())
                    .detail("task_store", dispatcher.storeKind());
            outage.get().ifPresentOrElse(problem -> builder.message(problem).down(), builder::up);
        } catch (RuntimeException e) {
            builder.message("The EvoLink task store cannot be read: " + e.getMessage()).error(e).down();
        }
    }
}
