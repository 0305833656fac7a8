package org.camelevolink.component;

import org.camelevolink.component.client.ClientEvents;
import org.camelevolink.component.client.EvolinkCredits;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.tracking.TaskEvents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a component sees of its own work, gathered from the task layer's and the client's events: passed on to the
 * metrics (when Micrometer and a registry are there), to the consumers that emit progress, and kept for the
 * developer console and JMX (the last errors, the last credits read).
 */
final class EvolinkObservations implements TaskEvents, ClientEvents {

    /** One error as the console and JMX show it; the message is an exception's, which never holds the key. */
    record LastError(long at, String what, String message) {
    }

    private static final int KEPT_ERRORS = 10;

    private final TaskEvents metrics;
    private final ClientEvents clientMetrics;
    private final CallbackEvents callbackMetrics;
    private final Deque<LastError> lastErrors = new ArrayDeque<>();
    private final Map<String, Consumer<EvolinkTask>> progressListeners = new ConcurrentHashMap<>();
    private volatile EvolinkCredits lastCredits;
    private volatile long lastCreditsAt;

    /** What the callback receiver tells: a callback answered with {@code status}. */
    interface CallbackEvents {
        CallbackEvents NONE = status -> { };

        void callbackAnswered(int status);
    }

    EvolinkObservations(TaskEvents metrics, ClientEvents clientMetrics, CallbackEvents callbackMetrics) {
        this.metrics = metrics;
        this.clientMetrics = clientMetrics;
        this.callbackMetrics = callbackMetrics;
    }

    /** Without metrics. */
    EvolinkObservations() {
        this(TaskEvents.NONE, ClientEvents.NONE, CallbackEvents.NONE);
    }

    /** {@code listener} hears the progress of every waited-for task of {@code model} until removed. */
    void listenToProgress(String model, Consumer<EvolinkTask> listener) {
        progressListeners.put(model, listener);
    }

    void stopListeningToProgress(String model, Consumer<EvolinkTask> listener) {
        progressListeners.remove(model, listener);
    }

    @Override
    public void submitted(String model, long latencyMillis, Double creditsReserved) {
        metrics.submitted(model, latencyMillis, creditsReserved);
    }

    @Override
    public void budgetRefused(String model) {
        metrics.budgetRefused(model);
        remember("Submitting a task of " + model, "refused by the credit budget");
    }

    @Override
    public void finished(String model, EvolinkTask task, long durationMillis, long detectionDelayMillis) {
        metrics.finished(model, task, durationMillis, detectionDelayMillis);
        if (task.getError() != null) {
            remember("Task " + task.getId() + " of " + model, task.getStatus().wireName() + ": " + task.getError().code());
        }
    }

    @Override
    public void timedOut(String model, long waitedMillis) {
        metrics.timedOut(model, waitedMillis);
        remember("Waiting for a task of " + model, "timed out after " + waitedMillis + " ms");
    }

    @Override
    public void gaveUp(String model, String code, long waitedMillis) {
        metrics.gaveUp(model, code, waitedMillis);
        remember("Waiting for a task of " + model, "gave up: " + code);
    }

    @Override
    public void progressed(EvolinkTask task) {
        metrics.progressed(task);
        Consumer<EvolinkTask> listener = progressListeners.get(task.getModel());
        if (listener != null) {
            listener.accept(task);
        }
    }

    @Override
    public void failed(String what, Throwable error) {
        metrics.failed(what, error);
        remember(what, error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    @Override
    public void answered(String operation, int status, boolean retried) {
        clientMetrics.answered(operation, status, retried);
    }

    @Override
    public void downloaded(long bytes) {
        clientMetrics.downloaded(bytes);
    }

    void callbackAnswered(int status) {
        callbackMetrics.callbackAnswered(status);
    }

    /** A credits read (health check, console) answered: the last known balance. */
    void creditsRead(EvolinkCredits credits) {
        lastCredits = credits;
        lastCreditsAt = System.currentTimeMillis();
    }

    EvolinkCredits lastCredits() {
        return lastCredits;
    }

    long lastCreditsAt() {
        return lastCreditsAt;
    }

    synchronized List<LastError> lastErrors() {
        return new ArrayList<>(lastErrors);
    }

    private synchronized void remember(String what, String message) {
        if (lastErrors.size() == KEPT_ERRORS) {
            lastErrors.removeFirst();
        }
        lastErrors.addLast(new LastError(System.currentTimeMillis(), what, message));
    }
}
