package org.camelevolink.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.SimClock;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.http.SimRequest;
import org.camelevolink.simulator.http.SimResponse;
import org.camelevolink.simulator.task.SimTask;
import org.camelevolink.simulator.task.TaskLifecycle;
import org.camelevolink.simulator.task.TaskRegistry;
import org.camelevolink.simulator.task.TaskViews;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code GET /v1/tasks/{id}}, {@code POST /v1/tasks/batch} and {@code GET /v1/tasks}. */
public final class TasksApi {

    private static final int MAX_BATCH = 50;
    private static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> LIST_STATUSES = Set.of("processing", "completed", "failed", "cancelled");

    private final TaskRegistry registry;
    private final TaskLifecycle lifecycle;
    private final SimClock clock;
    private final Supplier<String> mediaBaseUrl;

    public TasksApi(TaskRegistry registry, TaskLifecycle lifecycle, SimClock clock, Supplier<String> mediaBaseUrl) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.mediaBaseUrl = mediaBaseUrl;
    }

    public SimResponse get(SimRequest request) {
        String id = request.pathParam("id");
        if (!id.startsWith("task-unified-")) {
            throw new ApiError(400, "invalid_task_id", "invalid_request_error", "task_id",
                    "Invalid task ID format, must start with 'task-unified-'");
        }
        SimTask task = registry.find(id);
        if (task == null) {
            throw new ApiError(404, "task_not_found", "invalid_request_error", "task_id",
                    "The requested task could not be found");
        }
        if (!task.apiKey().equals(request.apiKey())) {
            throw new ApiError(403, "permission_denied", "invalid_request_error", "task_id",
                    "You don't have permission to access this task");
        }
        return Json.ok(detail(task));
    }

    /** Unknown, malformed and foreign ids are simply absent from the answer. */
    public SimResponse batch(SimRequest request) {
        JsonNode ids = Json.object(request.body()).get("task_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiError.invalid("task_ids", "task_ids must be a non-empty array of task ids");
        }
        if (ids.size() > MAX_BATCH) {
            throw ApiError.invalid("task_ids", "task_ids takes at most " + MAX_BATCH + " ids, got " + ids.size());
        }
        List<Object> data = new ArrayList<>();
        for (JsonNode id : ids) {
            SimTask task = id.isTextual() ? registry.find(id.asText()) : null;
            if (task != null && task.apiKey().equals(request.apiKey())) {
                data.add(detail(task));
            }
        }
        return Json.ok(Map.of("data", data));
    }

    /** Newest first; {@code status=processing} includes pending tasks. */
    public SimResponse list(SimRequest request) {
        String status = request.query("status");
        if (status != null && !LIST_STATUSES.contains(status)) {
            throw ApiError.invalid("status", "status must be one of " + LIST_STATUSES);
        }
        String type = request.query("type");
        String model = request.query("model");
        int page = intParam(request, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = intParam(request, "page_size", 20, 1, MAX_PAGE_SIZE);
        long now = clock.nowMillis();
        List<Object> matching = new ArrayList<>();
        for (SimTask t : registry.ofKey(request.apiKey())) {
            lifecycle.settleIfDue(t);
            String s = t.statusAt(now);
            boolean statusOk = status == null || status.equals(s) || (status.equals("processing") && s.equals("pending"));
            if (statusOk && (type == null || type.equals("image")) && (model == null || model.equals(t.model()))) {
                matching.add(TaskViews.listItem(t, now));
            }
        }
        int from = (int) Math.min(matching.size(), (long) (page - 1) * pageSize);
        int to = Math.min(matching.size(), from + pageSize);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", matching.subList(from, to));
        out.put("total", matching.size());
        out.put("page", page);
        out.put("page_size", pageSize);
        return Json.ok(out);
    }

    private Map<String, Object> detail(SimTask task) {
        lifecycle.settleIfDue(task);
        return TaskViews.detail(task, clock.nowMillis(), mediaBaseUrl.get());
    }

    private static int intParam(SimRequest request, String name, int dflt, int min, int max) {
        String raw = request.query(name);
        if (raw == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalid(name, name + " must be an integer within " + min + ".." + max);
    }
}
