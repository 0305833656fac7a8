package org.camelevolink.component;

import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.camelevolink.component.client.EvolinkCredits;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.component.tracking.StoreFigures;
import org.camelevolink.component.tracking.TaskTracker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The developer console of {@code evolink:} ({@code /q/dev/evolink} in camel-main, {@code camel get}): per component
 * the task store and its records by state, the tracker, the credit budget, the last credits read, the last errors
 * and every task waited for with its progress. Text and JSON carry the same facts; the text is built from the JSON.
 * <p>
 * The console may be served on a Vert.x event loop: it never reads the task store, and shows the store's figures as
 * last read ({@link StoreFigures}: at most {@value StoreFigures#FRESH_MILLIS} ms old, "not read yet" at first).
 */
@DevConsole(name = "evolink", displayName = "EvoLink", description = "EvoLink tasks in flight, store, credits and errors")
public class EvolinkDevConsole extends AbstractDevConsole {

    public EvolinkDevConsole() {
        super("camel", "evolink", "EvoLink", "EvoLink tasks in flight, store, credits and errors");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray components = new JsonArray();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof EvolinkComponent c && c.tracker() != null) {
                components.add(component(name, c));
            }
        }
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    private static JsonObject component(String name, EvolinkComponent c) {
        long now = System.currentTimeMillis();
        JsonObject o = new JsonObject();
        o.put("name", name);
        StoreFigures figures = c.storeFigures();
        StoreFigures.Snapshot snapshot = figures.get();
        o.put("store", store(figures.storeKind(), snapshot));
        JsonObject tracker = new JsonObject();
        tracker.put("inFlight", c.getInFlight());
        tracker.put("queued", c.getQueued());
        tracker.put("waiting", c.getWaiting());
        tracker.put("lastBatchSize", c.tracker().lastBatchSize());
        JsonArray tasks = new JsonArray();
        for (TaskTracker.WaitingTask t : c.tracker().waitingTasks()) {
            JsonObject task = new JsonObject();
            task.put("id", t.taskId());
            task.put("model", t.model());
            task.put("status", t.status());
            task.put("progress", t.progress());
            task.put("ageMillis", now - t.startedAt());
            task.put("nextReadInMillis", Math.max(0, t.nextReadAt() - now));
            tasks.add(task);
        }
        tracker.put("nextReadInMillis", tasks.isEmpty() ? null : ((JsonObject) tasks.get(0)).get("nextReadInMillis"));
        o.put("tracker", tracker);
        o.put("tasks", tasks);
        o.put("budget", budget(c, snapshot));
        EvolinkCredits credits = c.observations().lastCredits();
        if (credits != null) {
            JsonObject k = new JsonObject();
            k.put("remaining", credits.keyRemaining());
            k.put("used", credits.keyUsed());
            k.put("unlimited", credits.unlimited());
            k.put("readAt", Instant.ofEpochMilli(c.observations().lastCreditsAt()).toString());
            o.put("credits", k);
        }
        JsonArray errors = new JsonArray();
        for (EvolinkObservations.LastError e : c.observations().lastErrors()) {
            JsonObject err = new JsonObject();
            err.put("at", Instant.ofEpochMilli(e.at()).toString());
            err.put("what", e.what());
            err.put("message", e.message());
            errors.add(err);
        }
        o.put("lastErrors", errors);
        return o;
    }

    private static JsonObject store(String kind, StoreFigures.Snapshot snapshot) {
        JsonObject o = new JsonObject();
        o.put("kind", kind);
        if (snapshot.location() != null) {
            o.put("location", snapshot.location());
        }
        if (snapshot.isRead()) {
            Map<String, Integer> byState = new TreeMap<>();
            snapshot.byState().forEach((state, n) -> {
                if (n > 0 || state == TaskState.DELIVERED) {
                    byState.put(state.name(), n);
                }
            });
            o.put("records", snapshot.records());
            o.put("recordsByState", new JsonObject(byState));
            o.put("readAt", Instant.ofEpochMilli(snapshot.readAt()).toString());
        }
        if (snapshot.failure() != null) {
            o.put("error", snapshot.failure()); // the last read failed: the figures, if any, are older
        }
        return o;
    }

    private static JsonObject budget(EvolinkComponent c, StoreFigures.Snapshot snapshot) {
        JsonObject o = new JsonObject();
        o.put("maxCredits", c.getMaxCredits());
        o.put("window", Duration.ofMillis(c.getCreditWindow()).toString());
        if (c.getMaxCredits() > 0 && snapshot.creditsReserved() != null) {
            o.put("used", snapshot.creditsReserved());
        }
        return o;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        JsonArray components = (JsonArray) doCallJson(options).get("components");
        for (Object each : components) {
            text(sb, (JsonObject) each);
        }
        return sb.toString();
    }

    private static void text(StringBuilder sb, JsonObject c) {
        JsonObject store = (JsonObject) c.get("store");
        JsonObject tracker = (JsonObject) c.get("tracker");
        JsonObject budget = (JsonObject) c.get("budget");
        sb.append("EvoLink component ").append(c.get("name")).append('\n');
        sb.append("  Store: ").append(store.get("kind"))
                .append(store.containsKey("location") ? " " + store.get("location") : "")
                .append(", records ").append(store.getOrDefault("records", "?"))
                .append(' ').append(store.getOrDefault("recordsByState", "(not read yet)"))
                .append(store.containsKey("error") ? " last read failed: " + store.get("error") : "").append('\n');
        sb.append("  Tracker: in flight ").append(tracker.get("inFlight")).append(", queued ")
                .append(tracker.get("queued")).append(", waiting ").append(tracker.get("waiting"))
                .append(", last batch ").append(tracker.get("lastBatchSize"))
                .append(tracker.get("nextReadInMillis") == null ? "" : ", next read in "
                        + tracker.get("nextReadInMillis") + " ms").append('\n');
        sb.append("  Budget: ").append(((Number) budget.get("maxCredits")).doubleValue() > 0
 ? budget.getOrDefault("used", "(not read yet)") + " of " + budget.get("maxCredits") + " credits per " + budget.get("window")
                : "none").append('\n');
        JsonObject credits = (JsonObject) c.get("credits");
        sb.append("  Credits: ").append(credits == null ? "not read yet"
                : credits.get("remaining") + " remaining (read " + credits.get("readAt") + ")").append('\n');
        JsonArray tasks = (JsonArray) c.get("tasks");
        if (!tasks.isEmpty()) {
            sb.append(String.format("  %-36s %-16s %-11s %8s %10s %12s%n", "Task", "Model", "Status", "Progress",
                    "Age", "Next read"));
            for (Object each : tasks) {
                JsonObject t = (JsonObject) each;
                sb.append(String.format("  %-36s %-16s %-11s %7s%% %9ds %10dms%n", t.get("id"), t.get("model"),
                        t.get("status"), t.get("progress"), ((Number) t.get("ageMillis")).longValue() / 1000,
                        ((Number) t.get("nextReadInMillis")).longValue()));
            }
        }
        JsonArray errors = (JsonArray) c.get("lastErrors");
        for (Object each : errors) {
            JsonObject e = (JsonObject) each;
            sb.append("  Error ").append(e.get("at")).append(' ').append(e.get("what")).append(": ")
                    .append(e.get("message")).append('\n');
        }
    }
}
