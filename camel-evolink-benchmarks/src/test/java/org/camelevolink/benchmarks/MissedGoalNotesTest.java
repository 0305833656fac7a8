package org.camelevolink.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The explanations follow the figures they are fed: a different dominating cause gives a different note. */
class MissedGoalNotesTest {

    private static final int N = 1000;
    private static final String STORE = "Camel (camel-#) thread ## - EvolinkTaskStore";
    private static final String HTTP = "httpclient-dispatch-#";
    private static final BenchSettings SETTINGS = BenchSettings.scaled(0.05).withRepetitions(1);

    @Test
    void cpuNoteNamesTheGroupThatDominates() {
        String storeHeavy = note(results(Map.of(STORE, 700L, HTTP, 200L, "main", 100L), 700), "a", "CPU");
        String httpHeavy = note(results(Map.of(STORE, 100L, HTTP, 700L, "main", 200L), 700), "a", "CPU");

        assertThat(storeHeavy).contains("`" + STORE + "` dominates").contains("MVStoreTaskStore")
                .contains("The file store costs 600 µs/task (a against a-mem)");
        assertThat(httpHeavy).contains("`" + HTTP + "` dominates").contains("HttpClient");
    }

    @Test
    void pollingLatencyNamesTheFirstReadOrTheReadIntervalByTheBaselineItResembles() {
        String likeD2 = note(results(Map.of(HTTP, 1000L), 790), "a", "p95 latency");
        String likeD1 = note(results(Map.of(HTTP, 1000L), 160), "a", "p95 latency");

        assertThat(likeD2).contains("the wait for the first read dominates").contains("d4 hears callbacks")
                .contains("c has p95 40 ms");
        assertThat(likeD1).contains("the read interval dominates");
    }

    @Test
    void requestsNoteSaysWhenNoClientCanMeetTheGoalAndSplitsByEndpoint() {
        String note = note(results(Map.of(HTTP, 1000L), 700), "a", "requests");

        assertThat(note).contains("CREATE 1.00, TASK_GET 0.00, TASK_BATCH 0.40").contains("against d3's 1.20")
                .contains("No client meets it here").contains("the schedule reads each task 11.00 times");
    }

    @Test
    void callbackLatencyNamesTheSenderOrWhatFollowsTheAnswer() {
        List<ScenarioResult> slowSender = results(Map.of(HTTP, 1000L), 700);
        slowSender.replaceAll(r -> r.id().equals("c") ? callback("c", 300, 250, 10) : r);
        List<ScenarioResult> slowAfter = results(Map.of(HTTP, 1000L), 700);
        slowAfter.replaceAll(r -> r.id().equals("c") ? callback("c", 300, 5, 10) : r);

        assertThat(note(slowSender, "c", "p95 latency")).contains("The sender dominates");
        assertThat(note(slowAfter, "c", "p95 latency")).contains("What follows the answer dominates")
                .contains("CALLBACK_GATHER_MILLIS");
    }

    @Test
    void everyMissedGoalOfTheTableHasItsNote() throws Exception {
        List<ScenarioResult> results = results(Map.of(STORE, 700L, HTTP, 300L), 700);
        String page = new MarkdownReport(SETTINGS, results, List.of(), "test", null).render();

        long crosses = Arrays.stream(page.split("\n")).filter(l -> l.startsWith("| 1,000 |"))
                .mapToLong(l -> l.chars().filter(ch -> ch == '✗').count()).sum();
        List<MissedGoalNotes.Note> notes = new MissedGoalNotes(Cell.of(results), SETTINGS).notes();
        assertThat(crosses).isPositive().isEqualTo(notes.size());
        assertThat(page).contains("### Why the missed goals miss, and what would close them");
    }

    private static String note(List<ScenarioResult> results, String id, String goal) {
        return new MissedGoalNotes(Cell.of(results), SETTINGS).notes().stream()
                .filter(n -> n.id().equals(id) && n.goal().equals(goal)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + goal + " note for " + id)).text();
    }

    /** a's CPU split by {@code groups} (ms) and its p95, against baselines shaped like a real run's. */
    private static List<ScenarioResult> results(Map<String, Long> groups, double aP95) {
        List<ScenarioResult> r = new ArrayList<>();
        r.add(result("a", Scenario.Role.COMPONENT, 0, 400, 70, aP95, groups));
        r.add(result("a-mem", Scenario.Role.COMPONENT, 0, 400, 70, aP95, Map.of(HTTP, 400L)));
        r.add(result("a-single", Scenario.Role.COMPONENT, 11_000, 0, 70, aP95, Map.of(HTTP, 1500L)));
        r.add(callback("c", 40, 5, 10));
        r.add(result("d1", Scenario.Role.BASELINE, 16_000, 0, 80, 150, Map.of("TaskReads", 2900L)));
        r.add(result("d2", Scenario.Role.BASELINE, 7_400, 0, 100, 800, Map.of("TaskReads", 1800L)));
        r.add(result("d3", Scenario.Role.BASELINE, 0, 200, 100, 700, Map.of("BatchReads", 550L)));
        r.add(result("d4", Scenario.Role.BASELINE, 1_000, 0, 3, 30, Map.of("vert.x-worker-thread-#", 1000L), N, 5,
                20));
        r.add(result("e1", Scenario.Role.POLLING_FLOOR, 0, 20, 120, 770, Map.of("main", 300L)));
        r.add(result("e2", Scenario.Role.CALLBACK_FLOOR, 0, 0, 1, 2, Map.of("main", 400L)));
        return r;
    }

    private static ScenarioResult callback(String id, double p95, double sendP95, double answerP95) {
        return result(id, Scenario.Role.COMPONENT, 0, 220, 20, p95, Map.of(STORE, 500L, HTTP, 200L), N, sendP95,
                answerP95);
    }

    private static ScenarioResult result(String id, Scenario.Role role, long gets, long batches, double p50,
            double p95, Map<String, Long> groupsMillis) {
        return result(id, role, gets, batches, p50, p95, groupsMillis, 0, Double.NaN, Double.NaN);
    }

    private static ScenarioResult result(String id, Scenario.Role role, long gets, long batches, double p50,
            double p95, Map<String, Long> groupsMillis, int callbacks, double sendP95, double answerP95) {
        Map<String, Long> nanos = new java.util.TreeMap<>();
        groupsMillis.forEach((g, ms) -> nanos.put(g, ms * 1_000_000));
        long cpu = nanos.values().stream().mapToLong(Long::longValue).sum();
        return new ScenarioResult(id, id, role, N, 1, N, gets, batches, 0, -1, p50, p95, p95 * 2, 2250, 9000, 8000, 9,
                Map.of("main", 0), 5000, cpu, nanos, 300_000_000L, 3 * cpu, 0, 0, 0, callbacks, 0, sendP95, 2,
                answerP95);
    }
}
