package org.camelevolink.component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camelevolink.component.client.ClientEvents;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.tracking.TaskEvents;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The component's events as Micrometer meters ({@code evolink.*}, tags {@code model}, {@code outcome}, {@code code},
 * {@code operation}, {@code status}, {@code reason}; never a task id or a prompt). The only class that touches
 * Micrometer: it is loaded only when Micrometer is on the classpath and a {@link MeterRegistry} is in the Camel
 * registry (docs/operating.md lists the meters).
 */
final class MicrometerMetrics implements TaskEvents, ClientEvents, EvolinkObservations.CallbackEvents {

    private final MeterRegistry registry;

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The metrics of {@code component}, or null when the Camel registry holds no {@link MeterRegistry}. */
    static MicrometerMetrics find(EvolinkComponent component) {
        Set<MeterRegistry> found = component.getCamelContext().getRegistry().findByType(MeterRegistry.class);
        if (found.isEmpty()) {
            return null;
        }
        MicrometerMetrics metrics = new MicrometerMetrics(found.iterator().next());
        metrics.gauges(component);
        return metrics;
    }

    private void gauges(EvolinkComponent c) {
        gauge("evolink.tasks.in.flight", "Exchanges of evolink: producers submitting or waiting for a task",
                c::inFlight);
        gauge("evolink.tasks.waiting", "Tasks this node reads until they end (producers' and consumers')",
                c::waitingCount);
        gauge("evolink.tasks.queued", "Exchanges queued for a place under maxConcurrentTasks", c::queuedCount);
        gauge("evolink.tasks.undelivered", "Task records not yet delivered, in the task store (read every 10 s)",
                c::undeliveredCount);
        gauge("evolink.tasks.progress", "Mean progress (percent) of the tasks waited for, -1 when none",
                c::meanProgress);
    }

    private void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    @Override
    public void submitted(String model, long latencyMillis, Double creditsReserved) {
        registry.counter("evolink.tasks.submitted", "model", model).increment();
        timer("evolink.tasks.submit.latency", "Submit sent until EvoLink accepted it", "model", model)
                .record(Duration.ofMillis(latencyMillis));
        if (creditsReserved != null) {
            registry.counter("evolink.credits.reserved", "model", model).increment(creditsReserved);
        }
    }

    @Override
    public void budgetRefused(String model) {
        registry.counter("evolink.tasks.budget.refused", "model", model).increment();
    }

    @Override
    public void finished(String model, EvolinkTask task, long durationMillis, long detectionDelayMillis) {
        boolean completed = task.getStatus() == TaskStatus.COMPLETED;
        String outcome = completed ? "completed" : task.getStatus().wireName();
        if (completed) {
            registry.counter("evolink.tasks.completed", "model", model).increment();
        } else {
            String code = task.getError() == null || task.getError().code() == null ? outcome : task.getError().code();
            registry.counter("evolink.tasks.failed", "model", model, "code", code).increment();
        }
        timer("evolink.tasks.duration", "Submit until the end was seen here", "model", model, "outcome", outcome)
                .record(Duration.ofMillis(durationMillis));
        if (detectionDelayMillis >= 0) {
            timer("evolink.tasks.detection.delay", "EvoLink ended the task until this node saw it", "model", model)
                    .record(Duration.ofMillis(detectionDelayMillis));
        }
        if (task.getUsage() != null && task.getUsage().creditsUsed() != null) {
            registry.counter("evolink.credits.used", "model", model).increment(task.getUsage().creditsUsed());
        }
    }

    @Override
    public void timedOut(String model, long waitedMillis) {
        registry.counter("evolink.tasks.timed.out", "model", model).increment();
    }

    @Override
    public void gaveUp(String model, String code, long waitedMillis) {
        registry.counter("evolink.tasks.failed", "model", model, "code", code == null ? "unknown" : code).increment();
    }

    @Override
    public void answered(String operation, int status, boolean retried) {
        String statusTag = status == 0 ? "none" : Integer.toString(status);
        registry.counter("evolink.http.requests", "operation", operation, "status", statusTag).increment();
        if (retried) {
            registry.counter("evolink.http.retries", "operation", operation).increment();
        }
        if (status == 429) {
            registry.counter("evolink.http.throttled", "operation", operation).increment();
        }
    }

    @Override
    public void callbackAnswered(int status) {
        if (status == 200) {
            registry.counter("evolink.callbacks.received").increment();
        } else {
            registry.counter("evolink.callbacks.rejected", "reason", CallbackReceiver.reasonOf(status)).increment();
        }
    }

    @Override
    public void downloaded(long bytes) {
        registry.counter("evolink.downloads").increment();
        registry.counter("evolink.downloads.bytes").increment(bytes);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).register(registry);
    }
}
