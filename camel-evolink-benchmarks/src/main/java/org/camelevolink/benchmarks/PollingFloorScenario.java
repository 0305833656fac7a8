package org.camelevolink.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Floor e1, the polling floor: the fewest requests a polling client can make. It knows every task's true end from the
 * run's draw, groups the tasks by end into 50s, and reads each group with one batch read at the end of its last task:
 * one POST per task and one batch read per 50 tasks (about 1.02 requests per task). No real client can do better;
 * its latency is no floor (a task waits for the 49 others of its group) and is not compared.
 */
final class PollingFloorScenario implements Scenario {

    static final int BATCH = 50;

    private BenchEnvironment env;
    private BareHttp http;
    private ScheduledExecutorService timer;
    /** For each task index, its group; for each group, the ids of its tasks created so far. */
    private int[] groupOf;
    private List<List<String>> groups;
    private int[] groupSizes;

    @Override
    public String id() {
        return "e1";
    }

    @Override
    public String title() {
        return "polling floor: bare async client, one batch read per 50 tasks at their known end";
    }

    @Override
    public Role role() {
        return Role.POLLING_FLOOR;
    }

    @Override
    public void start(BenchEnvironment env) {
        this.env = env;
        http = new BareHttp(env);
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "floor-timer"));
        LoadShape load = env.load();
        int n = load.size();
        Integer[] byEnd = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(byEnd, Comparator.comparingLong(i -> load.arrivalMillis(i) + load.durationMillis(i)));
        groupOf = new int[n];
        groupSizes = new int[(n + BATCH - 1) / BATCH];
        groups = new ArrayList<>();
        for (int rank = 0; rank < n; rank++) {
            groupOf[byEnd[rank]] = rank / BATCH;
            groupSizes[rank / BATCH]++;
        }
        for (int g = 0; g < groupSizes.length; g++) {
            groups.add(new ArrayList<>());
        }
    }

    @Override
    public void submit(int i) {
        http.post("/v1/images/generations", env.createBody(i, null), task -> {
            String id = task.get("id").asText();
            // the task was created before its answer came back: reading at the answer plus its duration is at most
            // the answer's loopback transit late, and asks the simulator nothing more
            long due = env.load().durationMillis(i);
            // the timer's one thread keeps the groups: no lock needed
            timer.schedule(() -> ended(groupOf[i], id), Math.max(0, due), TimeUnit.MILLISECONDS);
        });
    }

    private void ended(int group, String id) {
        List<String> ids = groups.get(group);
        ids.add(id);
        if (ids.size() == groupSizes[group]) {
            read(ids);
        }
    }

    private void read(List<String> ids) {
        String json = "{\"task_ids\":[\"" + String.join("\",\"", ids) + "\"]}";
        http.post("/v1/tasks/batch", json, answer -> {
            List<String> running = new ArrayList<>(ids);
            for (JsonNode task : answer.path("data")) {
                if (BareHttp.finished(task)) {
                    env.ledger().detected(task.get("id").asText());
                    running.remove(task.get("id").asText());
                }
            }
            if (!running.isEmpty()) {
                // the harness ends a task a millisecond late now and then: read those again at once
                timer.schedule(() -> read(running), 1, TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
    }
}
