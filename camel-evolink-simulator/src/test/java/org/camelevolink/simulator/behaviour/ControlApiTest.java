package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.SECOND_KEY;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.create;
import static org.camelevolink.simulator.behaviour.Support.credits;
import static org.camelevolink.simulator.behaviour.Support.v7;

/**
 * The control API under {@code /__simulator/} over HTTP (issue 3 "Control and inspection"). The simulator runs on a
 * real-time scale here, so no task ends unless the test ends it.
 */
class ControlApiTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(1.0).imageBaseSize(32).allowInsecureCallbacks(true).apiKey(KEY)
                    .apiKey(SECOND_KEY));

    private SimHttp http;
    private SimHttp control;

    @BeforeEach
    void clients() {
        http = new SimHttp(SIM.simulator());
        control = new SimHttp(SIM.baseUrl(), null); // the control API needs no key
    }

    private SimHttp.Answer put(String path, String json) {
        return control.send("PUT", path, "application/json", json.getBytes());
    }

    @Test
    void completeEndsARunningTaskOnce() {
        String id = create(http, v7("finish me"));
        assertThat(Support.task(http, id).get("status").asText()).isEqualTo("pending");
        SimHttp.Answer done = control.post("/__simulator/tasks/" + id + "/complete", Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("changed").asBoolean()).isTrue();
        assertThat(control.post("/__simulator/tasks/" + id + "/complete", Map.of()).json().get("changed")
                .asBoolean()).isFalse();
        JsonNode t = Support.task(http, id);
        assertThat(t.get("status").asText()).isEqualTo("completed");
        assertThat(t.get("results")).hasSize(4);
    }

    @Test
    void failEndsARunningTaskWithTheGivenCodeAndRefunds() {
        String id = create(http, v7("fail me"));
        SimHttp.Answer failed = control.post("/__simulator/tasks/" + id + "/fail", Map.of("code", "resource_exhausted"));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("changed").asBoolean()).isTrue();
        JsonNode t = Support.task(http, id);
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.at("/error/code").asText()).isEqualTo("resource_exhausted");
        assertThat(credits(http).get("used_credits").asDouble()).isZero();

        String other = create(http, v7("fail me without a code"));
        control.send("POST", "/__simulator/tasks/" + other + "/fail", null, new byte[0]);
        assertThat(Support.task(http, other).at("/error/code").asText()).isEqualTo("service_error");

        String third = create(http, v7("not like this"));
        SimHttp.Answer bad = control.post("/__simulator/tasks/" + third + "/fail", Map.of("code", "oops"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.param()).isEqualTo("code");
        assertThat(Support.task(http, third).get("status").asText()).isIn("pending", "processing");
    }

    @Test
    void unknownTasksAre404() {
        assertThat(control.post("/__simulator/tasks/task-unified-1-nothere0/complete", Map.of()).status())
                .isEqualTo(404);
        assertThat(control.post("/__simulator/tasks/task-unified-1-nothere0/fail", Map.of()).status())
                .isEqualTo(404);
        assertThat(control.get("/__simulator/tasks/task-unified-1-nothere0").status()).isEqualTo(404);
    }

    @Test
    void taskViewShowsTheTaskWithItsKeyMasked() {
        String id = create(http, v7("inspect me"));
        JsonNode t = control.get("/__simulator/tasks/" + id).json();
        assertThat(t.get("id").asText()).isEqualTo(id);
        assertThat(t.get("duration_ms").asLong()).isPositive();
        assertThat(t.get("api_key").asText()).isNotEqualTo(KEY).doesNotContain("simulator").contains("****");
    }

    @Test
    void creditsCanBeSetPerKey() {
        SimHttp.Answer set = put("/__simulator/credits", "{\"api_key\":\"sk-second-key-000\",\"credits\":12.5}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("api_key").asText()).isNotEqualTo(SECOND_KEY);
        assertThat(credits(http.withKey(SECOND_KEY)).get("remaining_credits").asDouble()).isEqualTo(12.5);
        assertThat(credits(http).get("remaining_credits").asDouble()).isEqualTo(10_000);
        assertThat(put("/__simulator/credits", "{\"api_key\":\"sk-simulator\"}").status()).isEqualTo(400);
        assertThat(put("/__simulator/credits", "{\"credits\":1}").status()).isEqualTo(400);
        assertThat(put("/__simulator/credits", "nonsense").status()).isEqualTo(400);
    }

    @Test
    void journalListsRequestsWithTheKeyNeverInFull() {
        http.post("/v1/images/generations", v7("journaled"), Map.of("Idempotency-Key", "journal-key-00000001",
                "X-Evo-Client", "behaviour-test"));
        http.withKey(SECOND_KEY).get("/v1/credits");
        http.get("/v1/tasks/not-a-task");
        put("/__simulator/credits", "{\"api_key\":\"sk-second-key-000\",\"credits\":50}");

        SimHttp.Answer all = control.get("/__simulator/journal");
        assertThat(all.status()).isEqualTo(200);
        String text = new String(all.bytes());
        assertThat(text).doesNotContain(KEY).doesNotContain(SECOND_KEY);
        JsonNode data = all.json().get("data");
        assertThat(all.json().get("charged_submits").asInt()).isEqualTo(1);
        JsonNode submit = data.get(0);
        assertThat(submit.get("method").asText()).isEqualTo("POST");
        assertThat(submit.get("path").asText()).isEqualTo("/v1/images/generations");
        assertThat(submit.get("endpoint").asText()).isEqualTo("CREATE");
        assertThat(submit.get("body").asText()).contains("journaled");
        assertThat(submit.at("/headers/authorization").asText()).startsWith("Bearer ").contains("****");
        assertThat(submit.at("/headers/idempotency-key").asText()).isEqualTo("journal-key-00000001");
        assertThat(submit.at("/headers/x-evo-client").asText()).isEqualTo("behaviour-test");
        assertThat(submit.get("status").asInt()).isEqualTo(200);
        assertThat(submit.get("task_id").asText()).startsWith("task-unified-");
        assertThat(submit.get("charged").asDouble()).isPositive();
        assertThat(submit.get("replayed").asBoolean()).isFalse();
        assertThat(data.get(2).get("status").asInt()).isEqualTo(400);

        JsonNode creates = control.get("/__simulator/journal?endpoint=CREATE").json().get("data");
        assertThat(creates).hasSize(1);
        assertThat(control.get("/__simulator/journal?endpoint=NOWHERE").status()).isEqualTo(400);
    }

    /**
     * The journal keeps the last 200,000 requests: older entries are dropped (their numbers, {@code seq}, are not
     * reused) and {@code charged_submits} counts the paid submits among the entries kept.
     */
    @Test
    void theJournalKeepsTheLast200000Requests() {
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(1.0).build())) {
            SimHttp client = new SimHttp(sim);
            create(client, v7("the first request, soon dropped"));
            assertThat(sim.journal().chargedSubmits()).isEqualTo(1);
            for (int i = 0; i < 200_000; i++) { // in process: 200,000 HTTP requests would take minutes here
                sim.journal().record(i, "GET", "/v1/credits", Endpoint.CREDITS, Map.of(), new byte[0]);
            }
            assertThat(sim.journal().entries()).hasSize(200_000);
            assertThat(sim.journal().entries().get(0).seq()).isEqualTo(2);
            assertThat(sim.journal().chargedSubmits()).as("the paid submit is no longer in the journal").isZero();
            assertThat(new SimHttp(sim.baseUrl(), null).get("/__simulator/stats").json().get("charged_submits")
                    .asInt()).isZero();
        }
    }

    @Test
    void statsCountTasksInFlightChargesAndFaults() {
        String a = create(http, v7("one"));
        create(http, v7("two"));
        SIM.simulator().completeTask(a);
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 1);
        http.get("/v1/credits");
        JsonNode stats = control.get("/__simulator/stats").json();
        assertThat(stats.get("tasks").asInt()).isEqualTo(2);
        assertThat(stats.get("tasks_in_flight").asInt()).isEqualTo(1);
        assertThat(stats.get("charged_submits").asInt()).isEqualTo(2);
        assertThat(stats.at("/faults_injected/HTTP_503").asInt()).isEqualTo(1);
    }

    @Test
    void statsCountEveryRequestPerEndpointEvenWithoutAJournal() {
        try (EvolinkSimulator bare = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(1.0).imageBaseSize(32)
                .journalCapacity(0).build())) {
            SimHttp api = new SimHttp(bare);
            String id = create(api, v7("counted"));
            api.get("/v1/tasks/" + id);
            api.get("/v1/tasks/" + id);
            api.get("/v1/no-such-path");
            JsonNode stats = new SimHttp(bare.baseUrl(), null).get("/__simulator/stats").json();
            assertThat(stats.at("/requests/CREATE").asLong()).isEqualTo(1);
            assertThat(stats.at("/requests/TASK_GET").asLong()).isEqualTo(2);
            assertThat(stats.at("/requests/TASK_BATCH").asLong()).isZero();
            assertThat(stats.get("unrouted").asLong()).isEqualTo(1);
            assertThat(bare.journal().entries()).isEmpty();
        }
    }

    @Test
    void durationsChosenPerPromptReplaceTheDrawnOnesUntilTheReset() {
        SimHttp.Answer set = put("/__simulator/durations", "{\"by_prompt\":{\"quick one\":40,\"slow one\":3600000}}");
        assertThat(set.status()).isEqualTo(200);
        String quick = create(http, v7("quick one"));
        String slow = create(http, v7("slow one"));
        String drawn = create(http, v7("drawn one"));
        assertThat(http.awaitTerminal(quick).get("status").asText()).isEqualTo("completed");
        assertThat(control.get("/__simulator/tasks/" + slow).json().get("duration_ms").asLong()).isEqualTo(3_600_000);
        assertThat(control.get("/__simulator/tasks/" + drawn).json().get("duration_ms").asLong())
                .as("45 s +-20 %").isBetween(36_000L, 54_000L);
        assertThat(put("/__simulator/durations", "{\"by_prompt\":{\"x\":0}}").param()).isEqualTo("by_prompt");
        assertThat(put("/__simulator/durations", "{\"by_prompt\":{\"x\":\"soon\"}}").status()).isEqualTo(400);
        assertThat(put("/__simulator/durations", "{}").status()).isEqualTo(400);

        control.post("/__simulator/reset", Map.of());
        String after = create(http, v7("quick one"));
        assertThat(control.get("/__simulator/tasks/" + after).json().get("duration_ms").asLong())
                .as("the reset forgets chosen durations").isGreaterThan(40);
    }

    @Test
    void taskListGivesEveryTaskInBriefOldestFirstSinceACursor() {
        put("/__simulator/durations", "{\"by_prompt\":{\"first\":30}}");
        String first = create(http, v7("first"));
        http.awaitTerminal(first);
        String second = create(http, v7("second"));
        JsonNode all = control.get("/__simulator/tasks").json();
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.at("/data/0/id").asText()).isEqualTo(first);
        assertThat(all.at("/data/0/status").asText()).isEqualTo("completed");
        assertThat(all.at("/data/0/duration_ms").asLong()).isEqualTo(30);
        assertThat(all.at("/data/0/created_at_ms").asLong()).isPositive();
        assertThat(all.at("/data/1/id").asText()).isEqualTo(second);
        assertThat(all.at("/data/1/status").asText()).isEqualTo("running");
        JsonNode since = control.get("/__simulator/tasks?since=1").json();
        assertThat(since.get("data")).hasSize(1);
        assertThat(since.at("/data/0/id").asText()).isEqualTo(second);
        assertThat(control.get("/__simulator/tasks?since=-1").status()).isEqualTo(400);
    }

    @Test
    void resetForgetsEverythingAndRestoresCredits() {
        String id = create(http, v7("forget me"));
        Support.upload(http, TestImages.png(8, 8));
        SIM.simulator().setCredits(SECOND_KEY, 1);
        SIM.simulator().faults().script(Endpoint.TASK_LIST, Fault.of(FaultKind.HTTP_500), 5);

        assertThat(control.post("/__simulator/reset", Map.of()).status()).isEqualTo(200);
        assertThat(http.get("/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(http.get("/v1/tasks").status()).as("faults are gone").isEqualTo(200);
        assertThat(credits(http).get("remaining_credits").asDouble()).isEqualTo(10_000);
        assertThat(credits(http.withKey(SECOND_KEY)).get("remaining_credits").asDouble()).isEqualTo(10_000);
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isZero();
        JsonNode stats = control.get("/__simulator/stats").json();
        assertThat(stats.get("tasks").asInt()).isZero();
        assertThat(stats.get("charged_submits").asInt()).isZero();
        assertThat(SIM.simulator().journal().entries()).allMatch(e -> !e.path().startsWith("/v1/images"));
    }

    @Test
    void clockAdvanceMovesExpiryForward() {
        String id = create(http, v7("expire me"));
        SIM.simulator().completeTask(id);
        String link = Support.task(http, id).get("results").get(0).asText();
        assertThat(http.get(link).status()).isEqualTo(200);
        SimHttp.Answer advanced = control.post("/__simulator/clock/advance", Map.of("millis", 23L * 3600_000));
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(advanced.json().get("advanced_ms").asLong()).isEqualTo(23L * 3600_000);
        assertThat(http.get(link).status()).isEqualTo(200);
        control.post("/__simulator/clock/advance", Map.of("millis", 2L * 3600_000));
        assertThat(http.get(link).status()).as("24 h at scale 1.0").isEqualTo(410);
        assertThat(control.post("/__simulator/clock/advance", Map.of("millis", -5)).status()).isEqualTo(400);
        assertThat(control.post("/__simulator/clock/advance", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aClockAdvanceAlsoEndsRunningTasks() {
        String id = create(http, v7("time flies"));
        control.post("/__simulator/clock/advance", Map.of("millis", 120_000));
        assertThat(Support.task(http, id).get("status").asText()).isEqualTo("completed");
    }

    /** A task still running when the simulator is reset must not touch the fresh state when its time comes. */
    @Test
    void tasksForgottenByAResetDoNotRefundOrCallBackLater() {
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.005)
                .imageBaseSize(32).allowInsecureCallbacks(true).build());
             LoopbackServer receiver = new LoopbackServer()) {
            SimHttp client = new SimHttp(sim);
            sim.faults().script(null, Fault.failTask("service_error"), 1);
            String id = create(client, body("model", "mj-v7", "prompt", "doomed", "callback_url",
                    receiver.url("/cb")));
            long due = sim.task(id).durationMillis();
            long start = System.currentTimeMillis();
            sim.reset();
            // a sentinel created after the reset, finishing after the forgotten task was due
            String sentinel = create(client, body("model", "mj-v7", "prompt", "sentinel", "callback_url",
                    receiver.url("/sentinel")));
            receiver.await("/sentinel", 1);
            Support.await("the forgotten task's time to pass", () -> System.currentTimeMillis() - start > due + 200);
            assertThat(credits(client).get("used_credits").asDouble())
                    .as("only the sentinel is charged, nothing refunded from before the reset")
                    .isEqualTo(sim.task(sentinel).credits());
            assertThat(receiver.received("/cb")).isEmpty();
            assertThat(sim.callbackAttempts()).allMatch(a -> a.taskId().equals(sentinel));
        }
    }
}
