package org.camelevolink.simulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** §3, §4, §9: lifecycle, results as real images, credits, the task endpoints, link expiry and the control API. */
class TaskLifecycleTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.002).imageBaseSize(128).apiKey("sk-simulator")
                    .apiKey("sk-second-key-000"));

    private SimHttp http;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
        fixtures = new Fixtures(SIM.simulator());
    }

    private String create(Map<String, Object> body) {
        SimHttp.Answer a = http.create(body);
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        return a.json().get("id").asText();
    }

    @Test
    void pendingThenProcessingWithRisingProgressThenCompleted() {
        String id = create(Map.of("model", "mj-v7", "prompt", "a lighthouse")); // ~90 ms at this scale
        List<JsonNode> seen = new ArrayList<>();
        JsonNode t;
        do {
            t = http.get("/v1/tasks/" + id).json();
            seen.add(t);
            SimHttp.sleep(2);
        } while (!t.get("status").asText().equals("completed"));
        List<String> statuses = seen.stream().map(n -> n.get("status").asText()).distinct().toList();
        assertThat(statuses).containsSubsequence("processing", "completed");
        assertThat(statuses.get(0)).isIn("pending", "processing");
        List<Integer> progress = seen.stream().map(n -> n.get("progress").asInt()).toList();
        assertThat(progress).isSorted();
        seen.stream().filter(n -> !n.get("status").asText().equals("completed"))
                .forEach(n -> assertThat(n.at("/task_info/estimated_time").isNumber()).isTrue());
        assertThat(t.get("progress").asInt()).isEqualTo(100);
        assertThat(t.at("/task_info/can_cancel").asBoolean()).isFalse();
        assertThat(t.get("results")).hasSize(4);
        assertThat(t.at("/usage/credits_used").asDouble()).isEqualTo(t.at("/usage/credits_reserved").asDouble());
        assertThat(t.has("error")).isFalse();
    }

    @Test
    void durationsFollowTheTimeScale() {
        try (EvolinkSimulator slow = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(1.0).build())) {
            SimHttp client = new SimHttp(slow);
            String id = client.create(Map.of("model", "mj-v7", "prompt", "x y")).json().get("id").asText();
            SimHttp.sleep(200);
            JsonNode t = client.get("/v1/tasks/" + id).json();
            assertThat(t.get("status").asText()).isIn("pending", "processing");
            assertThat(t.at("/task_info/estimated_time").asDouble()).isGreaterThan(30);
        }
        String quick = create(Map.of("model", "mj-v7", "prompt", "x y"));
        assertThat(http.awaitTerminal(quick).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void resultCountsPerModel() {
        String v7 = fixtures.completedSource("mj-v7", null);
        assertThat(SIM.simulator().task(v7).resultCount()).isEqualTo(4);
        assertThat(http.run(Map.of("model", "mj-v7-upscale", "model_params", Map.of("task_id", v7))).get("results"))
                .hasSize(1);
        assertThat(http.run(Map.of("model", "mj-v7-variation", "model_params", Map.of("task_id", v7)))
                .get("results")).hasSize(4);
        assertThat(http.run(Map.of("model", "mj-v8.1", "prompt", "x y", "model_params", Map.of("speed", "draft")))
                .get("results")).hasSize(24);
        assertThat(http.run(Map.of("model", "mj-v8.2", "prompt", "x y", "model_params", Map.of("speed", "draft")))
                .get("results")).hasSize(24);
        String draft = fixtures.completedSource("mj-v7", "draft");
        assertThat(http.run(Map.of("model", "mj-v7-enhance", "model_params", Map.of("task_id", draft)))
                .get("results")).hasSize(1);
    }

    @Test
    void imagesFollowAspectRatioAndOperations() throws IOException {
        JsonNode wide = http.run(Map.of("model", "mj-v7", "prompt", "wide --ar 16:9"));
        BufferedImage w = image(wide, 0);
        assertThat((double) w.getWidth() / w.getHeight()).isCloseTo(16 / 9.0, within(0.02));
        JsonNode tall = http.run(Map.of("model", "mj-v7", "prompt", "tall --ar 2:3"));
        BufferedImage t = image(tall, 3);
        assertThat((double) t.getWidth() / t.getHeight()).isCloseTo(2 / 3.0, within(0.02));

        String id = wide.get("id").asText();
        BufferedImage chosen = image(wide, 2);
        BufferedImage up = image(http.run(Map.of("model", "mj-v7-upscale", "model_params",
                Map.of("task_id", id, "image_number", 2))), 0);
        assertThat(up.getWidth()).isEqualTo(chosen.getWidth() * 2);
        assertThat(up.getHeight()).isEqualTo(chosen.getHeight() * 2);

        BufferedImage out = image(http.run(Map.of("model", "mj-v7-outpaint", "model_params",
                Map.of("task_id", id, "scale", 1.5))), 0);
        assertThat(out.getWidth()).isEqualTo(Math.round(w.getWidth() * 1.5f));
        assertThat(out.getHeight()).isEqualTo(Math.round(w.getHeight() * 1.5f));

        BufferedImage pan = image(http.run(Map.of("model", "mj-v7-pan", "model_params",
                Map.of("task_id", id, "direction", "right", "scale", 2))), 0);
        assertThat(pan.getWidth()).isEqualTo(w.getWidth() * 2);
        assertThat(pan.getHeight()).isEqualTo(w.getHeight());

        BufferedImage edit = image(http.run(Map.of("model", "mj-v7-edit", "prompt", "fill", "model_params",
                Map.of("task_id", id, "canvas", Map.of("width", 300, "height", 200), "img_pos",
                        Map.of("width", 160, "height", 90, "x", 20, "y", 30)))), 0);
        assertThat(edit.getWidth()).isEqualTo(300);
        assertThat(edit.getHeight()).isEqualTo(200);

        BufferedImage paint = image(http.run(Map.of("model", "mj-v7-upload-paint", "prompt", "fill", "image_urls",
                List.of(fixtures.uploadedPng(40, 40)), "model_params", Map.of("canvas", Map.of("width", 120,
                        "height", 80), "img_pos", Map.of("width", 40, "height", 40, "x", 0, "y", 0), "mask",
                        Fixtures.areaMask()))), 0);
        assertThat(paint.getWidth()).isEqualTo(120);
        assertThat(paint.getHeight()).isEqualTo(80);
    }

    @Test
    void removeBackgroundMakesTheBackgroundTransparent() throws IOException {
        JsonNode gen = http.run(Map.of("model", "mj-v7", "prompt", "a subject"));
        JsonNode cut = http.run(Map.of("model", "mj-v7-remove-bg", "image_urls",
                List.of(gen.get("results").get(0).asText())));
        BufferedImage img = image(cut, 0);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getRGB(0, 0) >>> 24).isZero();
        assertThat(img.getRGB(img.getWidth() - 1, img.getHeight() - 1) >>> 24).isZero();
        assertThat(img.getRGB(img.getWidth() / 2, img.getHeight() / 2) >>> 24).isEqualTo(255);
    }

    @Test
    void unreadableInputFailsTheTaskWithImageProcessingErrorAndRefunds() {
        double before = SIM.simulator().credits("sk-simulator").remaining();
        JsonNode t = http.run(Map.of("model", "mj-v7-remove-bg", "image_urls",
                List.of(SIM.baseUrl() + "/files/nope/missing.png")));
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.at("/error/code").asText()).isEqualTo("image_processing_error");
        assertThat(SIM.simulator().credits("sk-simulator").remaining()).isEqualTo(before);
    }

    @Test
    void creditsReservedOnCreateRefundedOnFailureAndPricedBySpeed() {
        double start = http.get("/v1/credits").json().at("/data/token/remaining_credits").asDouble();
        SimHttp.Answer fast = http.create(Map.of("model", "mj-v7", "prompt", "x y"));
        double reserved = fast.json().at("/usage/credits_reserved").asDouble();
        JsonNode afterCreate = http.get("/v1/credits").json();
        assertThat(afterCreate.at("/data/token/remaining_credits").asDouble()).isCloseTo(start - reserved,
                within(1e-6));
        assertThat(afterCreate.at("/data/token/used_credits").asDouble()).isCloseTo(reserved, within(1e-6));
        assertThat(afterCreate.at("/data/user/remaining_credits").isNumber()).isTrue();
        assertThat(afterCreate.get("success").asBoolean()).isTrue();
        SIM.simulator().failTask(fast.json().get("id").asText(), "generation_timeout");
        assertThat(http.get("/v1/credits").json().at("/data/token/remaining_credits").asDouble()).isCloseTo(start,
                within(1e-6));

        double turbo = price(Map.of("speed", "turbo"));
        double draft = price(Map.of("speed", "draft"));
        assertThat(turbo).isGreaterThan(reserved);
        assertThat(draft).isLessThan(reserved);
    }

    private double price(Map<String, Object> params) {
        return http.create(Map.of("model", "mj-v7", "prompt", "x y", "model_params", params)).json()
                .at("/usage/credits_reserved").asDouble();
    }

    @Test
    void getTaskErrors() {
        SimHttp.Answer malformed = http.get("/v1/tasks/not-a-task");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("invalid_task_id");
        SimHttp.Answer unknown = http.get("/v1/tasks/task-unified-1-zzzzzzzz");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("task_not_found");
        String mine = create(Map.of("model", "mj-v7", "prompt", "x y"));
        SimHttp.Answer foreign = http.withKey("sk-second-key-000").get("/v1/tasks/" + mine);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("permission_denied");
    }

    @Test
    void batchAnswersKnownOwnIdsOnly() {
        String a = create(Map.of("model", "mj-v7", "prompt", "a b"));
        String b = create(Map.of("model", "mj-v7", "prompt", "c d"));
        String foreign = new SimHttp(SIM.baseUrl(), "sk-second-key-000").create(Map.of("model", "mj-v7", "prompt",
                "e f")).json().get("id").asText();
        JsonNode data = http.post("/v1/tasks/batch", Map.of("task_ids", List.of(a, "task-unified-1-unknown0",
                "garbage", foreign, b))).json().get("data");
        assertThat(data).hasSize(2);
        assertThat(List.of(data.get(0).get("id").asText(), data.get(1).get("id").asText())).containsExactly(a, b);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(a);
        }
        assertThat(http.post("/v1/tasks/batch", Map.of("task_ids", many)).status()).isEqualTo(400);
        assertThat(http.post("/v1/tasks/batch", Map.of("task_ids", List.of())).param()).isEqualTo("task_ids");
        assertThat(http.post("/v1/tasks/batch", Map.of("task_ids", many.subList(0, 50))).status()).isEqualTo(200);
    }

    @Test
    void listIsNewestFirstWithFiltersAndPaging() {
        String first = create(Map.of("model", "mj-v7", "prompt", "a b"));
        SimHttp.sleep(5);
        String second = create(Map.of("model", "mj-v8.1", "prompt", "c d"));
        SIM.simulator().completeTask(first);
        JsonNode all = http.get("/v1/tasks").json();
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.get("data").get(0).get("id").asText()).isEqualTo(second);
        assertThat(all.get("data").get(0).has("results")).isFalse();
        assertThat(http.get("/v1/tasks?model=mj-v8.1").json().get("total").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/tasks?status=completed").json().get("data").get(0).get("id").asText())
                .isEqualTo(first);
        assertThat(http.get("/v1/tasks?status=processing").json().get("data").get(0).get("id").asText())
                .isEqualTo(second);
        JsonNode page2 = http.get("/v1/tasks?page=2&page_size=1").json();
        assertThat(page2.get("data").get(0).get("id").asText()).isEqualTo(first);
        assertThat(page2.get("page_size").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/tasks?page_size=101").status()).isEqualTo(400);
        assertThat(http.get("/v1/tasks?status=weird").status()).isEqualTo(400);
        assertThat(http.withKey("sk-second-key-000").get("/v1/tasks").json().get("total").asInt()).isZero();
    }

    @Test
    void resultLinksExpireAfter24HoursForV7And30DaysForV8() {
        JsonNode v7 = http.run(Map.of("model", "mj-v7", "prompt", "x y"));
        JsonNode v8 = http.run(Map.of("model", "mj-v8.1", "prompt", "x y"));
        String v7Link = v7.get("results").get(0).asText();
        String v8Link = v8.get("results").get(0).asText();
        assertThat(http.get(v7Link).status()).isEqualTo(200);
        long day = Math.round(24 * 3600_000 * 0.002);
        SIM.simulator().clock().advance(day + 10);
        assertThat(http.get(v7Link).status()).isEqualTo(410);
        assertThat(http.get(v8Link).status()).isEqualTo(200);
        SIM.simulator().clock().advance(30 * day);
        assertThat(http.get(v8Link).status()).isEqualTo(410);
        assertThat(http.get(SIM.baseUrl() + "/media/task-unified-1-none0000/0.png").status()).isEqualTo(404);
    }

    @Test
    void controlApiOverHttp() {
        SimHttp control = new SimHttp(SIM.baseUrl(), null);
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 2);
        String id = create(Map.of("model", "mj-v7", "prompt", "x y"));
        assertThat(control.post("/__simulator/tasks/" + id + "/fail", Map.of("code", "resource_exhausted")).json()
                .get("changed").asBoolean()).isTrue();
        assertThat(http.get("/v1/tasks/" + id).json().at("/error/code").asText()).isEqualTo("resource_exhausted");
        String other = create(Map.of("model", "mj-v7", "prompt", "x y"));
        control.post("/__simulator/tasks/" + other + "/complete", Map.of());
        assertThat(http.get("/v1/tasks/" + other).json().get("status").asText()).isEqualTo("completed");
        assertThat(control.post("/__simulator/tasks/" + other + "/fail", Map.of("code", "nonsense")).status())
                .isEqualTo(400);
        control.send("PUT", "/__simulator/credits", "application/json",
                "{\"api_key\":\"sk-simulator\",\"credits\":12.5}".getBytes());
        assertThat(SIM.simulator().credits("sk-simulator").remaining()).isEqualTo(12.5);
        JsonNode journal = control.get("/__simulator/journal?endpoint=CREATE").json();
        assertThat(journal.get("charged_submits").asInt()).isEqualTo(2);
        assertThat(journal.toString()).doesNotContain("sk-simulator");
        assertThat(journal.get("data").get(0).at("/headers/authorization").asText()).startsWith("Bearer sk-s****");
        assertThat(control.get("/__simulator/stats").json().get("tasks").asInt()).isEqualTo(2);
        control.post("/__simulator/clock/advance", Map.of("millis", 1000));
        control.post("/__simulator/reset", Map.of());
        assertThat(SIM.simulator().tasks().size()).isZero();
        assertThat(SIM.simulator().credits("sk-simulator").remaining()).isEqualTo(10_000);
    }

    private BufferedImage image(JsonNode task, int index) throws IOException {
        SimHttp.Answer a = http.get(task.get("results").get(index).asText());
        assertThat(a.status()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(a.bytes()));
    }
}
