package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.completed;
import static org.camelevolink.simulator.behaviour.Support.create;
import static org.camelevolink.simulator.behaviour.Support.task;
import static org.camelevolink.simulator.behaviour.Support.v7;

/**
 * A task's life over HTTP (evolink-api.md §3, §4, §9): the create answer, pending → processing with rising
 * progress → completed or failed, result counts per model, and durations on the configured time scale.
 */
class LifecycleTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64).allowInsecureCallbacks(true));

    private SimHttp http;

    @BeforeEach
    void client() {
        http = new SimHttp(SIM.simulator());
    }

    @Test
    void createAnswersThePendingTaskWithEstimateAndReservation() {
        long before = System.currentTimeMillis() / 1000;
        SimHttp.Answer a = http.create(v7("a lighthouse at dawn"));
        assertThat(a.status()).isEqualTo(200);
        JsonNode t = a.json();
        assertThat(t.get("id").asText()).matches("task-unified-\\d{10}-[a-z0-9]{8}");
        assertThat(t.get("object").asText()).isEqualTo("image.generation.task");
        assertThat(t.get("model").asText()).isEqualTo("mj-v7");
        assertThat(t.get("type").asText()).isEqualTo("image");
        assertThat(t.get("status").asText()).isEqualTo("pending");
        assertThat(t.get("progress").asInt()).isZero();
        assertThat(t.get("created").asLong()).isBetween(before - 1, System.currentTimeMillis() / 1000 + 1);
        assertThat(t.at("/task_info/can_cancel").asBoolean()).isTrue();
        assertThat(t.at("/task_info/estimated_time").isNumber()).isTrue();
        assertThat(t.at("/task_info/estimated_time").asDouble()).isPositive();
        assertThat(t.at("/usage/billing_rule").asText()).isEqualTo("per_call");
        assertThat(t.at("/usage/credits_reserved").asDouble()).isPositive();
        assertThat(t.at("/usage/user_group").asText()).isEqualTo("default");
        assertThat(t.has("results")).isFalse();
        assertThat(t.has("error")).isFalse();
    }

    /**
     * At scale 1 the create answer's estimate is the documented seconds (45 for a fast mj-v7, 22.5 turbo); a read
     * answers the seconds left of it, to the millisecond: a fraction at scale 1 too.
     */
    @Test
    void atScaleOneTheEstimateIsTheDocumentedSecondsAndReadsCountItDownToTheMillisecond() {
        try (EvolinkSimulator slow = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(1.0).build())) {
            SimHttp client = new SimHttp(slow);
            JsonNode created = client.create(v7("a slow lighthouse")).json();
            assertThat(created.at("/task_info/estimated_time").isIntegralNumber()).isTrue();
            assertThat(created.at("/task_info/estimated_time").asInt()).isEqualTo(45);
            JsonNode turbo = client.create(Map.of("model", "mj-v7", "prompt", "a quick lighthouse", "model_params",
                    Map.of("speed", "turbo"))).json();
            assertThat(turbo.at("/task_info/estimated_time").asDouble()).isEqualTo(22.5);

            slow.clock().advance(1_234);
            JsonNode read = task(client, created.get("id").asText());
            double left = read.at("/task_info/estimated_time").asDouble();
            assertThat(left).isLessThanOrEqualTo(45 - 1.234).isGreaterThan(40);
            assertThat(left).as("a fraction").isNotEqualTo(Math.rint(left));
            assertThat(left * 1000).as("to the millisecond").isEqualTo(Math.rint(left * 1000));
        }
    }

    /** Stepping the simulator's clock makes the whole life observable without depending on wall-clock speed. */
    @Test
    void pendingThenProcessingWithRisingProgressThenCompletedOnTheSimulatorClock() {
        try (EvolinkSimulator slow = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(1.0).build())) {
            SimHttp client = new SimHttp(slow);
            String id = create(client, v7("a slow lighthouse"));
            JsonNode first = task(client, id); // mj-v7 takes 36-54 s here: the first tenth is pending
            assertThat(first.get("status").asText()).isEqualTo("pending");
            assertThat(first.get("progress").asInt()).isZero();
            assertThat(first.at("/task_info/estimated_time").asDouble()).isGreaterThan(30);

            List<JsonNode> running = new ArrayList<>();
            for (int step = 0; step < 3; step++) {
                slow.clock().advance(8_000);
                running.add(task(client, id));
            }
            assertThat(running).allSatisfy(t -> {
                assertThat(t.get("status").asText()).isEqualTo("processing");
                assertThat(t.get("progress").asInt()).isBetween(1, 99);
                assertThat(t.at("/task_info/can_cancel").asBoolean()).isTrue();
                assertThat(t.at("/task_info/estimated_time").isNumber()).isTrue();
                assertThat(t.has("results")).isFalse();
            });
            List<Integer> progress = running.stream().map(t -> t.get("progress").asInt()).toList();
            assertThat(progress).isSorted().doesNotHaveDuplicates();
            List<Double> remaining = running.stream().map(t -> t.at("/task_info/estimated_time").asDouble()).toList();
            assertThat(remaining.get(0)).isGreaterThan(remaining.get(2));

            slow.clock().advance(60_000); // well past the longest possible duration: a read settles it
            JsonNode done = task(client, id);
            assertThat(done.get("status").asText()).isEqualTo("completed");
            assertThat(done.get("progress").asInt()).isEqualTo(100);
            assertThat(done.get("results")).hasSize(4);
        }
    }

    @Test
    void naturalRunHasMonotonicProgressAndStatusesInDocumentedOrder() {
        String id = create(http, v7("a quick lighthouse"));
        List<JsonNode> seen = new ArrayList<>();
        Support.await("completion", () -> {
            JsonNode t = task(http, id);
            seen.add(t);
            return t.get("status").asText().equals("completed");
        });
        List<String> order = List.of("pending", "processing", "completed");
        List<Integer> ranks = seen.stream().map(t -> order.indexOf(t.get("status").asText())).toList();
        assertThat(ranks).doesNotContain(-1).isSorted();
        assertThat(seen.stream().map(t -> t.get("progress").asInt()).toList()).isSorted();
        seen.stream().filter(t -> !t.get("status").asText().equals("completed"))
                .forEach(t -> assertThat(t.at("/task_info/estimated_time").isNumber()).isTrue());
    }

    @Test
    void completedTaskCarriesResultsProgress100AndCreditsUsed() {
        JsonNode t = http.run(v7("a lighthouse"));
        assertThat(t.get("status").asText()).isEqualTo("completed");
        assertThat(t.get("progress").asInt()).isEqualTo(100);
        assertThat(t.get("results")).hasSize(4);
        t.get("results").forEach(u -> assertThat(u.asText()).startsWith(SIM.baseUrl() + "/").endsWith(".png"));
        assertThat(t.at("/task_info/can_cancel").asBoolean()).isFalse();
        assertThat(t.at("/task_info/estimated_time").isMissingNode()).isTrue();
        assertThat(t.at("/usage/credits_used").asDouble()).isEqualTo(t.at("/usage/credits_reserved").asDouble())
                .isPositive();
        assertThat(t.get("duration").isNumber()).isTrue();
        assertThat(t.has("error")).isFalse();
    }

    @Test
    void failedTaskCarriesTheBusinessErrorAndNoResults() {
        String id = create(http, v7("a lighthouse"));
        assertThat(SIM.simulator().failTask(id, "generation_timeout")).isTrue();
        JsonNode t = task(http, id);
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.get("progress").asInt()).isZero();
        assertThat(t.at("/error/code").asText()).isEqualTo("generation_timeout");
        assertThat(t.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(t.at("/error/message").asText()).isNotBlank();
        assertThat(t.at("/task_info/can_cancel").asBoolean()).isFalse();
        assertThat(t.has("results")).isFalse();
        assertThat(t.at("/usage/credits_used").isMissingNode()).isTrue();
    }

    @Test
    void aSettledTaskNeverChangesAgain() {
        String id = completed(SIM.simulator(), http, v7("a lighthouse"));
        double used = SIM.simulator().credits(Support.KEY).used();
        assertThat(SIM.simulator().failTask(id, "service_error")).isFalse();
        assertThat(SIM.simulator().completeTask(id)).isFalse();
        assertThat(task(http, id).get("status").asText()).isEqualTo("completed");
        assertThat(SIM.simulator().credits(Support.KEY).used()).as("no refund for a completed task").isEqualTo(used);
    }

    @ParameterizedTest(name = "{0} speed={1} -> {2} result(s)")
    @CsvSource({
        "mj-v7,          ,      4",
        "mj-v7,          draft, 4",
        "mj-v7,          turbo, 4",
        "mj-v8.1,        fast,  4",
        "mj-v8.1,        draft, 24",
        "mj-v8.2,        draft, 24",
        "mj-v7-upscale,  ,      1",
        "mj-v7-enhance,  ,      1",
        "mj-v7-variation,,      4",
        "mj-v7-remove-bg,,      1",
        "mj-v8.2-remove-bg,,    1"})
    void resultCountPerModel(String model, String speed, int expected) {
        Map<String, Object> body = switch (model) {
            case "mj-v7-upscale" -> body("model", model, "model_params", Map.of("task_id", source("mj-v7", null)));
            case "mj-v7-variation" -> body("model", model, "model_params", Map.of("task_id", source("mj-v7", null)));
            case "mj-v7-enhance" -> body("model", model, "model_params", Map.of("task_id", source("mj-v7", "draft")));
            case "mj-v7-remove-bg", "mj-v8.2-remove-bg" -> body("model", model, "image_urls",
                    List.of(Support.upload(http, TestImages.png(48, 48))));
            default -> speed == null ? body("model", model, "prompt", "a red boat")
                    : body("model", model, "prompt", "a red boat", "model_params", Map.of("speed", speed));
        };
        JsonNode t = http.run(body);
        assertThat(t.get("status").asText()).as(t.toString()).isEqualTo("completed");
        assertThat(t.get("results")).hasSize(expected);
    }

    private String source(String model, String speed) {
        Map<String, Object> b = speed == null ? body("model", model, "prompt", "a source picture")
                : body("model", model, "prompt", "a source picture", "model_params", Map.of("speed", speed));
        return completed(SIM.simulator(), http, b);
    }

    @Test
    void durationsFollowTheTimeScale() {
        // at 0.0005 a 45 s task finishes within the bounded wait of awaitTerminal
        assertThat(http.run(v7("fast world")).get("status").asText()).isEqualTo("completed");
        try (EvolinkSimulator real = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(1.0).build())) {
            SimHttp client = new SimHttp(real);
            String id = create(client, v7("real-time world"));
            SimHttp.sleep(300);
            JsonNode t = task(client, id);
            assertThat(t.get("status").asText()).isIn("pending", "processing");
            assertThat(t.at("/task_info/estimated_time").asDouble()).isGreaterThan(30);
            assertThat(real.tasksInFlight()).isEqualTo(1);
        }
    }

    @Test
    void draftIsQuickerAndTurboQuickerThanFastByTheEstimate() {
        double fast = http.create(v7("x y")).json().at("/task_info/estimated_time").asDouble();
        double turbo = http.create(body("model", "mj-v7", "prompt", "x y", "model_params", Map.of("speed", "turbo")))
                .json().at("/task_info/estimated_time").asDouble();
        double draft = http.create(body("model", "mj-v7", "prompt", "x y", "model_params", Map.of("speed", "draft")))
                .json().at("/task_info/estimated_time").asDouble();
        assertThat(turbo).isLessThan(fast);
        assertThat(draft).isLessThan(fast);
    }
}
