package org.camelevolink.simulator.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of a task: the create answer, the task detail (also the callback body) and the list item. */
public final class TaskViews {

    private TaskViews() {
    }

    /** The 200 answer of {@code POST /v1/images/generations}. */
    public static Map<String, Object> created(SimTask task) {
        Map<String, Object> m = base(task);
        m.put("progress", 0);
        m.put("status", "pending");
        m.put("task_info", Map.of("can_cancel", true, "estimated_time", seconds(task.estimatedSeconds())));
        m.put("type", "image");
        m.put("usage", usage(task, false));
        return m;
    }

    /** {@code GET /v1/tasks/{id}}; {@code mediaBaseUrl} prefixes the result links. */
    public static Map<String, Object> detail(SimTask task, long now, String mediaBaseUrl) {
        Map<String, Object> m = base(task);
        String status = task.statusAt(now);
        m.put("progress", task.progressAt(now));
        m.put("status", status);
        SimTask.Terminal end = task.terminal();
        if (end == null) {
            m.put("task_info", Map.of("can_cancel", true, "estimated_time", seconds(task.remainingEstimateAt(now))));
        } else {
            m.put("task_info", Map.of("can_cancel", false));
            m.put("duration", seconds((end.atMillis() - task.createdMillis()) / 1000.0));
        }
        m.put("type", "image");
        m.put("usage", usage(task, end != null && end.completed()));
        if (end != null && end.completed()) {
            m.put("results", resultUrls(task, mediaBaseUrl));
        } else if (end != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", end.errorCode());
            error.put("message", end.errorMessage());
            error.put("type", "task_error");
            m.put("error", error);
        }
        return m;
    }

    /** An item of {@code GET /v1/tasks}: no result links. */
    public static Map<String, Object> listItem(SimTask task, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", task.id());
        m.put("model", task.model());
        m.put("type", "image");
        m.put("status", task.statusAt(now));
        m.put("progress", task.progressAt(now));
        m.put("created_at", task.createdMillis() / 1000);
        SimTask.Terminal end = task.terminal();
        if (end != null) {
            m.put("duration", seconds((end.atMillis() - task.createdMillis()) / 1000.0));
            m.put("has_results", end.completed());
            m.put("result_count", end.completed() ? task.resultCount() : 0);
            m.put("has_error", !end.completed());
            m.put("credits_used", end.completed() ? task.credits() : 0);
        }
        return m;
    }

    public static List<String> resultUrls(SimTask task, String mediaBaseUrl) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < task.resultCount(); i++) {
            urls.add(mediaBaseUrl + "/media/" + task.id() + "/" + i + ".png");
        }
        return urls;
    }

    private static Map<String, Object> base(SimTask task) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", task.createdMillis() / 1000);
        m.put("id", task.id());
        m.put("model", task.model());
        m.put("object", "image.generation.task");
        return m;
    }

    private static Map<String, Object> usage(SimTask task, boolean completed) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("billing_rule", "per_call");
        u.put("credits_reserved", task.credits());
        u.put("user_group", "default");
        if (completed) {
            u.put("credits_used", task.credits());
        }
        return u;
    }

    /** Whole seconds stay integers (as EvoLink sends them); scaled times keep their fraction. */
    private static Number seconds(double s) {
        double rounded = Math.round(s * 1000) / 1000.0;
        return rounded == Math.rint(rounded) ? (Number) (long) rounded : (Number) rounded;
    }
}
