package org.camelevolink.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.http.SimRequest;
import org.camelevolink.simulator.http.SimResponse;
import org.camelevolink.simulator.journal.JournalEntry;
import org.camelevolink.simulator.task.SimTask;
import org.camelevolink.simulator.task.TaskViews;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The control API under {@code /__simulator/}: the same operations as the Java API of {@link EvolinkSimulator},
 * for tests and tools outside the JVM. It needs no API key: the simulator is a local development tool.
 */
public final class ControlApi {

    private final EvolinkSimulator sim;

    public ControlApi(EvolinkSimulator sim) {
        this.sim = sim;
    }

    public SimResponse complete(SimRequest request) {
        return Json.ok(Map.of("changed", sim.completeTask(existing(request).id())));
    }

    public SimResponse fail(SimRequest request) {
        JsonNode body = request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.object(request.body());
        String code = body.path("code").asText("service_error");
        try {
            return Json.ok(Map.of("changed", sim.failTask(existing(request).id(), code)));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("code", e.getMessage());
        }
    }

    public SimResponse task(SimRequest request) {
        SimTask task = existing(request);
        Map<String, Object> view = new LinkedHashMap<>(TaskViews.detail(task, sim.clock().nowMillis(), sim.baseUrl()));
        view.put("api_key", JournalEntry.mask(task.apiKey()));
        view.put("duration_ms", task.durationMillis());
        return Json.ok(view);
    }

    /**
     * Every task, oldest first, in brief: {@code id}, {@code status} ({@code running}, {@code completed},
     * {@code failed}), {@code created_at_ms}, {@code duration_ms}; {@code ?since=K} leaves out the first K, so a
     * watcher reads only the tasks created since its last look.
     */
    public SimResponse tasks(SimRequest request) {
        String since = request.query("since");
        int skip;
        try {
            skip = since == null ? 0 : Integer.parseInt(since);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("since", "since must be a non-negative integer");
        }
        if (skip < 0) {
            throw ApiError.invalid("since", "since must be a non-negative integer");
        }
        List<SimTask> all = sim.tasks().all().stream().sorted(java.util.Comparator.comparingLong(SimTask::createdMillis)
                .thenComparing(SimTask::id)).toList();
        List<Map<String, Object>> data = all.stream().skip(skip).map(ControlApi::brief).toList();
        return Json.ok(Map.of("data", data, "total", all.size()));
    }

    private static Map<String, Object> brief(SimTask task) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", task.id());
        m.put("status", task.terminal() == null ? "running" : task.terminal().status());
        m.put("created_at_ms", task.createdMillis());
        m.put("duration_ms", task.durationMillis());
        return m;
    }

    /** Body: {@code {"by_prompt": {"a lighthouse": 1500, ...}}}: tasks created with that prompt run that many ms. */
    public SimResponse putDurations(SimRequest request) {
        JsonNode byPrompt = Json.object(request.body()).path("by_prompt");
        if (!byPrompt.isObject()) {
            throw ApiError.invalid("by_prompt", "body needs by_prompt: an object of prompt to milliseconds");
        }
        Map<String, Long> durations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) byPrompt::fields) {
            if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber()) {
                throw ApiError.invalid("by_prompt", "the duration of prompt '" + e.getKey()
                        + "' must be an integer number of milliseconds");
            }
            durations.put(e.getKey(), e.getValue().asLong());
        }
        try {
            sim.durations().putAll(durations);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("by_prompt", e.getMessage());
        }
        return Json.ok(Map.of("durations", sim.durations().size()));
    }

    public SimResponse setCredits(SimRequest request) {
        ObjectNode body = Json.object(request.body());
        String key = body.path("api_key").asText(null);
        if (key == null || !body.path("credits").isNumber()) {
            throw ApiError.invalid("credits", "body needs api_key (string) and credits (number)");
        }
        sim.setCredits(key, body.get("credits").asDouble());
        return Json.ok(Map.of("api_key", JournalEntry.mask(key), "credits", body.get("credits").asDouble()));
    }

    /** Body: {@code {"kind":"HTTP_503","endpoint":"TASK_GET","times":2}} or with {@code "probability":0.1}. */
    public SimResponse addFault(SimRequest request) {
        ObjectNode body = Json.object(request.body());
        FaultKind kind = enumValue(FaultKind.class, body.path("kind").asText(""), "kind");
        Endpoint endpoint = body.hasNonNull("endpoint") ? enumValue(Endpoint.class, body.get("endpoint").asText(),
                "endpoint") : null;
        Fault fault = new Fault(kind, body.path("delay_ms").asLong(0), body.path("fail_code").asText(null),
                body.path("images").asInt(1), body.path("retry_after").asLong(1));
        if (body.has("probability")) {
            sim.faults().random(endpoint, fault, body.get("probability").asDouble());
        } else {
            sim.faults().script(endpoint, fault, body.path("times").asInt(1));
        }
        return Json.ok(Map.of("added", kind.name()));
    }

    public SimResponse clearFaults(SimRequest request) {
        sim.faults().clear();
        return Json.ok(Map.of("cleared", true));
    }

    public SimResponse journal(SimRequest request) {
        String endpoint = request.query("endpoint");
        List<JournalEntry> entries = endpoint == null ? sim.journal().entries()
                : sim.journal(enumValue(Endpoint.class, endpoint, "endpoint"));
        return Json.ok(Map.of("data", entries.stream().map(JournalEntry::toMap).toList(),
                "charged_submits", sim.journal().chargedSubmits()));
    }

    public SimResponse callbacks(SimRequest request) {
        return Json.ok(Map.of("data", sim.callbackAttempts()));
    }

    public SimResponse advanceClock(SimRequest request) {
        long millis = Json.object(request.body()).path("millis").asLong(-1);
        if (millis < 0) {
            throw ApiError.invalid("millis", "millis must be a non-negative integer");
        }
        sim.clock().advance(millis);
        return Json.ok(Map.of("advanced_ms", millis));
    }

    public SimResponse stats(SimRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks", sim.tasks().size());
        m.put("tasks_in_flight", sim.tasksInFlight());
        m.put("charged_submits", sim.journal().chargedSubmits());
        m.put("faults_injected", sim.faults().injectedCounts());
        // counters, not the journal: they count every request since the reset, whatever the journal keeps
        Map<String, Long> requests = new LinkedHashMap<>();
        for (Endpoint endpoint : Endpoint.values()) {
            requests.put(endpoint.name(), sim.journal().count(endpoint));
        }
        m.put("requests", requests);
        m.put("unrouted", sim.journal().unroutedCount());
        return Json.ok(m);
    }

    public SimResponse reset(SimRequest request) {
        sim.reset();
        return Json.ok(Map.of("reset", true));
    }

    private SimTask existing(SimRequest request) {
        SimTask task = sim.task(request.pathParam("id"));
        if (task == null) {
            throw new ApiError(404, "task_not_found", "invalid_request_error", "task_id", "No such task");
        }
        return task;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
