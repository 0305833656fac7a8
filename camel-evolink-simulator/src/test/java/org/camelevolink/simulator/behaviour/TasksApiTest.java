package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.SECOND_KEY;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.create;
import static org.camelevolink.simulator.behaviour.Support.v7;

/** The task endpoints (evolink-api.md §4): GET one task, POST /v1/tasks/batch, GET /v1/tasks. */
class TasksApiTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(32).apiKey(KEY).apiKey(SECOND_KEY));

    private SimHttp http;
    private SimHttp other;

    @BeforeEach
    void clients() {
        http = new SimHttp(SIM.simulator());
        other = http.withKey(SECOND_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "task-1757165031-mjv7", "TASK-UNIFIED-1-abcdefgh", "unified-task-1-x"})
    void malformedIdIs400InvalidTaskId(String id) {
        SimHttp.Answer a = http.get("/v1/tasks/" + id);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("invalid_task_id");
        assertThat(a.param()).isEqualTo("task_id");
        assertThat(a.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(a.json().at("/error/message").asText()).contains("task-unified-");
    }

    @Test
    void unknownIdIs404TaskNotFound() {
        SimHttp.Answer a = http.get("/v1/tasks/task-unified-1757165031-zzzzzzzz");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("task_not_found");
        assertThat(a.param()).isEqualTo("task_id");
    }

    @Test
    void anotherKeysTaskIs403() {
        String theirs = create(other, v7("their task"));
        SimHttp.Answer a = http.get("/v1/tasks/" + theirs);
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.code()).isEqualTo("permission_denied");
        assertThat(other.get("/v1/tasks/" + theirs).status()).isEqualTo(200);
    }

    @Test
    void getAnswersTheTaskDetail() {
        String id = create(http, v7("detail"));
        JsonNode t = Support.task(http, id);
        assertThat(t.get("id").asText()).isEqualTo(id);
        assertThat(t.get("model").asText()).isEqualTo("mj-v7");
        assertThat(t.get("object").asText()).isEqualTo("image.generation.task");
        assertThat(t.get("type").asText()).isEqualTo("image");
        assertThat(t.get("status").asText()).isIn("pending", "processing", "completed");
    }

    @Test
    void batchReturnsKnownOwnTasksAndLeavesOthersOut() {
        String a = create(http, v7("a"));
        String b = create(http, v7("b"));
        String foreign = create(other, v7("c"));
        SIM.simulator().completeTask(a);
        SimHttp.Answer r = http.post("/v1/tasks/batch", Map.of("task_ids",
                List.of(a, "task-unified-1-unknown0", foreign, "not-a-task-id", b)));
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("data").forEach(t -> ids.add(t.get("id").asText()));
        assertThat(ids).containsExactly(a, b);
        JsonNode first = r.json().get("data").get(0);
        JsonNode single = Support.task(http, a);
        List<String> batchFields = new ArrayList<>();
        first.fieldNames().forEachRemaining(batchFields::add);
        List<String> getFields = new ArrayList<>();
        single.fieldNames().forEachRemaining(getFields::add);
        assertThat(batchFields).as("batch items are task details").containsExactlyElementsOf(getFields);
        assertThat(first).isEqualTo(single);
    }

    @Test
    void batchOfFiftyIsAcceptedFiftyOneIsNot() {
        String id = create(http, v7("one"));
        List<String> fifty = new ArrayList<>(Collections.nCopies(49, "task-unified-1-absent00"));
        fifty.add(id);
        SimHttp.Answer ok = http.post("/v1/tasks/batch", Map.of("task_ids", fifty));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("data")).hasSize(1);
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(id);
        SimHttp.Answer tooMany = http.post("/v1/tasks/batch", Map.of("task_ids", fiftyOne));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.param()).isEqualTo("task_ids");
    }

    @Test
    void batchNeedsANonEmptyArray() {
        assertThat(http.post("/v1/tasks/batch", Map.of("task_ids", List.of())).status()).isEqualTo(400);
        assertThat(http.post("/v1/tasks/batch", Map.of()).status()).isEqualTo(400);
        assertThat(http.post("/v1/tasks/batch", Map.of("task_ids", "task-unified-1-abcdefgh")).status())
                .isEqualTo(400);
        assertThat(http.post("/v1/tasks/batch", "not json").status()).isEqualTo(400);
    }

    @Test
    void batchOfOnlyUnknownIdsIsAnEmptyList() {
        SimHttp.Answer r = http.post("/v1/tasks/batch", Map.of("task_ids", List.of("task-unified-1-unknown0")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data")).isEmpty();
    }

    /** On a real-time scale nothing ends by itself, so every status in the list is the one the test made. */
    @Test
    void listIsNewestFirstWithStatusAndModelFiltersAndPaging() {
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(1.0)
                .apiKey(KEY).apiKey(SECOND_KEY).build())) {
            SimHttp client = new SimHttp(sim);
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                created.add(create(client, v7("task " + i)));
            }
            created.add(create(client, body("model", "mj-v8.1", "prompt", "the v8 one")));
            create(client.withKey(SECOND_KEY), v7("someone else's"));
            sim.completeTask(created.get(0));
            sim.completeTask(created.get(1));
            sim.failTask(created.get(2), "service_error");
            List<String> newestFirst = new ArrayList<>(created);
            Collections.reverse(newestFirst);

            JsonNode all = client.get("/v1/tasks").json();
            assertThat(ids(all)).containsExactlyElementsOf(newestFirst);
            assertThat(all.get("total").asInt()).isEqualTo(7);
            assertThat(all.get("page").asInt()).isEqualTo(1);
            assertThat(all.get("page_size").asInt()).isEqualTo(20);
            all.get("data").forEach(item -> {
                assertThat(item.has("results")).as("list items carry no links").isFalse();
                assertThat(item.get("type").asText()).isEqualTo("image");
                assertThat(item.get("created_at").isNumber()).isTrue();
            });

            assertThat(ids(client.get("/v1/tasks?status=completed").json()))
                    .containsExactly(created.get(1), created.get(0));
            assertThat(ids(client.get("/v1/tasks?status=failed").json())).containsExactly(created.get(2));
            JsonNode processing = client.get("/v1/tasks?status=processing").json();
            assertThat(ids(processing)).as("processing includes pending tasks")
                    .containsExactly(created.get(6), created.get(5), created.get(4), created.get(3));
            assertThat(processing.get("data").get(0).get("status").asText()).isEqualTo("pending");
            sim.clock().advance(10_000);
            assertThat(client.get("/v1/tasks?status=processing").json().get("data").get(0).get("status").asText())
                    .isEqualTo("processing");
            assertThat(ids(client.get("/v1/tasks?status=cancelled").json())).isEmpty();

            assertThat(ids(client.get("/v1/tasks?model=mj-v8.1").json())).containsExactly(created.get(6));
            assertThat(ids(client.get("/v1/tasks?model=mj-v7&status=completed").json()))
                    .containsExactly(created.get(1), created.get(0));
            assertThat(ids(client.get("/v1/tasks?type=video").json())).isEmpty();

            JsonNode p1 = client.get("/v1/tasks?page=1&page_size=3").json();
            JsonNode p2 = client.get("/v1/tasks?page=2&page_size=3").json();
            JsonNode p3 = client.get("/v1/tasks?page=3&page_size=3").json();
            JsonNode p4 = client.get("/v1/tasks?page=4&page_size=3").json();
            assertThat(ids(p1)).containsExactlyElementsOf(newestFirst.subList(0, 3));
            assertThat(ids(p2)).containsExactlyElementsOf(newestFirst.subList(3, 6));
            assertThat(ids(p3)).containsExactlyElementsOf(newestFirst.subList(6, 7));
            assertThat(ids(p4)).isEmpty();
            for (JsonNode p : List.of(p1, p2, p3, p4)) {
                assertThat(p.get("total").asInt()).isEqualTo(7);
                assertThat(p.get("page_size").asInt()).isEqualTo(3);
            }
            assertThat(client.get("/v1/tasks?page=2&page_size=3").json().get("page").asInt()).isEqualTo(2);

            JsonNode done = client.get("/v1/tasks?status=completed").json().get("data").get(0);
            assertThat(done.get("has_results").asBoolean()).isTrue();
            assertThat(done.get("result_count").asInt()).isEqualTo(4);
            assertThat(done.get("credits_used").asDouble()).isPositive();
            JsonNode failed = client.get("/v1/tasks?status=failed").json().get("data").get(0);
            assertThat(failed.get("has_error").asBoolean()).isTrue();
            assertThat(failed.get("credits_used").asDouble()).isZero();

            assertThat(ids(client.withKey(SECOND_KEY).get("/v1/tasks").json())).hasSize(1);
        }
    }

    @Test
    void listParametersAreValidated() {
        assertThat(http.get("/v1/tasks?status=running").status()).isEqualTo(400);
        assertThat(http.get("/v1/tasks?page=0").status()).isEqualTo(400);
        assertThat(http.get("/v1/tasks?page_size=101").status()).isEqualTo(400);
        assertThat(http.get("/v1/tasks?page_size=abc").param()).isEqualTo("page_size");
        assertThat(http.get("/v1/tasks?page_size=100").status()).isEqualTo(200);
    }

    @Test
    void tasksSubmittedInQuickSuccessionListNewestFirst() {
        List<String> created = IntStream.range(0, 15).mapToObj(i -> create(http, v7("burst " + i))).toList();
        List<String> expected = new ArrayList<>(created);
        Collections.reverse(expected);
        assertThat(ids(http.get("/v1/tasks?page_size=100").json())).containsExactlyElementsOf(expected);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }
}
