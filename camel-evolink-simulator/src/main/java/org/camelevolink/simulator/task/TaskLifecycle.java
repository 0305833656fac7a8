package org.camelevolink.simulator.task;

import org.camelevolink.simulator.SimClock;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.account.CreditLedger;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.model.ValidatedRequest;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Creates tasks and settles them: at the end of their (scaled) duration a scheduled job decides completed or
 * failed, refunds failures, stamps the result-link expiry and tells the listener (callbacks). Reads settle a due
 * task too, so a read never shows a task the clock says is done as still running.
 */
public final class TaskLifecycle {

    private static final Map<String, String> FAILURE_MESSAGES = Map.ofEntries(
            Map.entry("content_policy_violation", "Content policy violation.\nYour request was blocked by safety filters."),
            Map.entry("invalid_parameters", "Invalid request parameters"),
            Map.entry("image_processing_error", "Image processing failed"),
            Map.entry("image_dimension_mismatch", "Image dimensions don't match request"),
            Map.entry("request_cancelled", "Request was cancelled"),
            Map.entry("generation_failed_no_content", "Model failed to generate output"),
            Map.entry("service_error", "Internal service error"),
            Map.entry("generation_timeout", "Task processing timed out"),
            Map.entry("resource_exhausted", "Upstream resources temporarily depleted"),
            Map.entry("quota_exceeded", "Rate limit or quota exceeded"),
            Map.entry("service_unavailable", "Service temporarily unavailable"),
            Map.entry("resource_not_found", "Task ID invalid or expired"),
            Map.entry("unknown_error", "Unclassified error"));

    private final SimulatorConfig config;
    private final SimClock clock;
    private final CreditLedger credits;
    private final TaskRegistry registry;
    private final InputImageLoader inputs;
    private final ScheduledExecutorService scheduler;
    private final Consumer<SimTask> onSettled;
    private final Random jitter;
    private final TaskDurations chosen;

    public TaskLifecycle(SimulatorConfig config, SimClock clock, CreditLedger credits, TaskRegistry registry,
            InputImageLoader inputs, ScheduledExecutorService scheduler, Consumer<SimTask> onSettled,
            TaskDurations chosen) {
        this.config = config;
        this.clock = clock;
        this.credits = credits;
        this.registry = registry;
        this.inputs = inputs;
        this.scheduler = scheduler;
        this.onSettled = onSettled;
        this.jitter = new Random(config.seed());
        this.chosen = chosen;
    }

    /** The documented failure codes a task can end with. */
    public static boolean isBusinessCode(String code) {
        return FAILURE_MESSAGES.containsKey(code);
    }

    /** Every documented failure code a task can end with, sorted: what a fault matrix iterates over. */
    public static SortedSet<String> businessCodes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(FAILURE_MESSAGES.keySet()));
    }

    /** Registers a task whose credits the caller has already reserved, and schedules its end. */
    public SimTask create(String apiKey, ValidatedRequest request, SimTask source, List<Fault> faults) {
        long now = clock.nowMillis();
        double estimated = request.documentedSeconds() * config.timeScale();
        double spread;
        synchronized (jitter) {
            spread = 0.8 + 0.4 * jitter.nextDouble();
        }
        Long chosenMillis = chosen.forPrompt(request.prompt().text());
        // the draw happens either way, so a chosen duration does not shift the durations of the tasks after it
        long duration = chosenMillis != null ? chosenMillis : Math.max(1, Math.round(estimated * spread * 1000));
        List<String> urls = inputUrls(request);
        CompletableFuture<Map<String, BufferedImage>> loaded = urls.isEmpty() ? null : inputs.load(urls);
        SimTask task = new SimTask(registry.newId(now), apiKey, request, now, duration, estimated, source, faults,
                loaded);
        task.size(ResultGeometry.size(request, source, Map.of(), config.imageBaseSize()));
        registry.add(task);
        if (!task.has(FaultKind.NEVER_FINISH)) {
            scheduler.schedule(() -> settleIfDue(task), duration, TimeUnit.MILLISECONDS);
        }
        return task;
    }

    private static List<String> inputUrls(ValidatedRequest r) {
        List<String> urls = new ArrayList<>(r.prompt().imageUrls());
        urls.addAll(r.imageUrls());
        String mask = r.params().at("/mask/url").asText(null);
        if (mask != null) {
            urls.add(mask);
        }
        return urls;
    }

    /** Settles the task if its time has come; called by the scheduled job and by every read. */
    public void settleIfDue(SimTask task) {
        if (task.terminal() != null || task.has(FaultKind.NEVER_FINISH)
                || clock.nowMillis() < task.createdMillis() + task.durationMillis()) {
            return;
        }
        CompletableFuture<Map<String, BufferedImage>> in = task.inputsFuture();
        if (in != null && !in.isDone()) {
            in.whenComplete((v, e) -> settleIfDue(task));
            return;
        }
        String failure = failureOf(task);
        settle(task, failure);
    }

    /** Control API: finish a task now, successfully, whatever its plan. */
    public boolean completeNow(SimTask task) {
        CompletableFuture<Map<String, BufferedImage>> in = task.inputsFuture();
        if (in != null) {
            in.exceptionally(e -> null).join(); // a control call may wait for an input download
        }
        String failure = in != null && in.isCompletedExceptionally() ? "image_processing_error" : null;
        return settle(task, failure);
    }

    /** Control API: fail a task now with a business code. */
    public boolean failNow(SimTask task, String code) {
        return settle(task, code);
    }

    private String failureOf(SimTask task) {
        CompletableFuture<Map<String, BufferedImage>> in = task.inputsFuture();
        if (in != null && in.isCompletedExceptionally()) {
            return "image_processing_error";
        }
        Fault planned = task.fault(FaultKind.FAIL_TASK);
        if (planned != null) {
            return planned.failCode();
        }
        if (task.request().prompt().failingFlag() != null) {
            return "invalid_parameters";
        }
        return AspectRules.violation(task) ? "image_dimension_mismatch" : null;
    }

    private boolean settle(SimTask task, String failureCode) {
        if (registry.find(task.id()) != task) {
            return false; // forgotten by a reset: its credits and callbacks belong to a state that is gone
        }
        long now = clock.nowMillis();
        if (task.size() == null) {
            task.size(ResultGeometry.size(task.request(), task.source(), task.inputs(), config.imageBaseSize()));
        }
        SimTask.Terminal end = failureCode == null ? new SimTask.Terminal("completed", now, null, null)
                : new SimTask.Terminal("failed", now, failureCode,
                        FAILURE_MESSAGES.getOrDefault(failureCode, "Task failed"));
        if (!task.settle(end)) {
            return false;
        }
        if (failureCode != null) {
            credits.refund(task.apiKey(), task.credits());
        }
        task.linkExpiryMillis(now + config.scaledMillis(Duration.ofHours(task.request().spec().family().linkHours())));
        onSettled.accept(task);
        return true;
    }
}
