package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.TestImages;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.create;
import static org.camelevolink.simulator.behaviour.Support.credits;
import static org.camelevolink.simulator.behaviour.Support.dataUrl;
import static org.camelevolink.simulator.behaviour.Support.v7;

/**
 * Every kind in {@link FaultKind} (issue 3 "Fault injection"), scripted through the Java API and through
 * {@code POST /__simulator/faults}: transport faults hit one request, task faults shape the task a submit creates.
 */
class FaultInjectionTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(32).allowInsecureCallbacks(true));

    private static final Map<String, Object> BODY = v7("a red kite over the dunes");

    private SimHttp http;
    private SimHttp control;
    private LoopbackServer receiver;
    private String taskId;
    private String resultUrl;
    private String fileUrl;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
        control = new SimHttp(SIM.baseUrl(), null);
        receiver = new LoopbackServer();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    /** A finished task and an uploaded file, made before any fault is scripted. */
    private void prepareTargets() {
        taskId = Support.completed(SIM.simulator(), http, BODY);
        resultUrl = Support.task(http, taskId).get("results").get(0).asText();
        fileUrl = Support.upload(http, TestImages.png(8, 8));
        SIM.simulator().journal().clear();
    }

    private SimHttp.Answer call(Endpoint endpoint) {
        return switch (endpoint) {
            case CREATE -> http.create(BODY);
            case TASK_GET -> http.get("/v1/tasks/" + taskId);
            case TASK_BATCH -> http.post("/v1/tasks/batch", Map.of("task_ids", List.of(taskId)));
            case TASK_LIST -> http.get("/v1/tasks");
            case CREDITS -> http.get("/v1/credits");
            case FILES -> http.post("/api/v1/files/upload/base64", Map.of("base64_data", dataUrl(TestImages.png(6, 6))));
            case FILE_CONTENT -> http.get(fileUrl);
            case MEDIA -> http.get(resultUrl);
            case CONTROL -> control.get("/__simulator/stats");
        };
    }

    static Stream<Arguments> serverErrors() {
        List<Arguments> out = new ArrayList<>();
        for (FaultKind kind : List.of(FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503)) {
            for (Endpoint e : List.of(Endpoint.CREATE, Endpoint.TASK_GET, Endpoint.TASK_BATCH, Endpoint.TASK_LIST,
                    Endpoint.CREDITS, Endpoint.FILES, Endpoint.FILE_CONTENT, Endpoint.MEDIA)) {
                out.add(Arguments.of(kind, e));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("serverErrors")
    void serverErrorsAnswerTheDocumentedEnvelopeOnceAndDoNothing(FaultKind kind, Endpoint endpoint) {
        prepareTargets();
        int tasksBefore = SIM.simulator().tasks().size();
        int filesBefore = http.get("/api/v1/files/quota").json().at("/data/used_files").asInt();
        SIM.simulator().journal().clear();
        SIM.simulator().faults().script(endpoint, Fault.of(kind), 1);

        SimHttp.Answer a = call(endpoint);
        int status = Integer.parseInt(kind.name().substring(5));
        assertThat(a.status()).isEqualTo(status);
        if (endpoint == Endpoint.FILES) {
            assertThat(a.json().get("success").asBoolean()).isFalse();
            assertThat(a.json().get("code").asInt()).isEqualTo(status);
            assertThat(a.json().get("msg").asText()).isNotBlank();
        } else {
            JsonNode error = a.json().get("error");
            assertThat(error.get("code").asText()).isEqualTo(switch (status) {
                case 500 -> "internal_error";
                case 502 -> "upstream_error";
                default -> "service_unavailable";
            });
            assertThat(error.get("type").asText()).isEqualTo(switch (status) {
                case 500 -> "api_error";
                case 502 -> "upstream_error";
                default -> "service_unavailable_error";
            });
            assertThat(error.get("message").asText()).isNotBlank();
        }
        assertThat(SIM.simulator().journal(endpoint).get(0).fault()).isEqualTo(kind.name());
        assertThat(SIM.simulator().tasks().size()).as("a faulted submit creates nothing").isEqualTo(tasksBefore);
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
        assertThat(call(endpoint).status()).as("the fault hits once").isEqualTo(200);
        if (endpoint == Endpoint.FILES) {
            assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt())
                    .as("only the second upload was stored").isEqualTo(filesBefore + 1);
        }
    }

    @Test
    void scriptedTimesAndTheAnyEndpointRule() {
        prepareTargets();
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.HTTP_503), 2);
        assertThat(http.get("/v1/credits").status()).as("another endpoint is untouched").isEqualTo(200);
        assertThat(call(Endpoint.TASK_GET).status()).isEqualTo(503);
        assertThat(call(Endpoint.TASK_GET).status()).isEqualTo(503);
        assertThat(call(Endpoint.TASK_GET).status()).isEqualTo(200);

        SIM.simulator().faults().script(null, Fault.of(FaultKind.HTTP_502), 1);
        assertThat(control.get("/__simulator/stats").status()).as("control calls are never faulted").isEqualTo(200);
        assertThat(http.get("/v1/credits").status()).as("null means any API endpoint").isEqualTo(502);
        assertThat(http.get("/v1/credits").status()).isEqualTo(200);
        assertThat(SIM.simulator().faults().injectedCounts())
                .containsEntry(FaultKind.HTTP_503, 2).containsEntry(FaultKind.HTTP_502, 1);
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfter() {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.rateLimit(7), 1);
        SimHttp.Answer a = http.create(BODY);
        assertThat(a.status()).isEqualTo(429);
        assertThat(a.header("Retry-After")).isEqualTo("7");
        assertThat(a.code()).isEqualTo("rate_limit_exceeded");
        assertThat(SIM.simulator().tasks().size()).isZero();
        assertThat(http.create(BODY).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Endpoint.class, names = {"CREATE", "TASK_BATCH", "FILES"})
    void resetBeforeDropsTheConnectionAndNothingHappens(Endpoint endpoint) {
        prepareTargets();
        int tasksBefore = SIM.simulator().tasks().size();
        double usedBefore = credits(http).get("used_credits").asDouble();
        SIM.simulator().faults().script(endpoint, Fault.of(FaultKind.RESET_BEFORE), 1);
        Throwable thrown = catchThrowable(() -> call(endpoint));
        assertThat(thrown).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        JournalEntry e = SIM.simulator().journal(endpoint).get(0);
        assertThat(e.fault()).isEqualTo("RESET_BEFORE");
        assertThat(e.status()).as("no answer").isZero();
        assertThat(e.isCharged()).isFalse();
        assertThat(SIM.simulator().tasks().size()).isEqualTo(tasksBefore);
        assertThat(credits(http).get("used_credits").asDouble()).isEqualTo(usedBefore);
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isEqualTo(1);
    }

    @Test
    void resetAfterLosesTheAnswerButTheTaskExistsAndWasCharged() {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_AFTER), 1);
        assertThatThrownBy(() -> http.create(BODY)).isInstanceOf(UncheckedIOException.class);
        JournalEntry e = SIM.simulator().journal(Endpoint.CREATE).get(0);
        assertThat(e.fault()).isEqualTo("RESET_AFTER");
        assertThat(e.status()).isZero();
        assertThat(e.isCharged()).isTrue();
        assertThat(e.taskId()).startsWith("task-unified-");
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        assertThat(credits(http).get("used_credits").asDouble()).isEqualTo(e.charged());
        JsonNode t = http.awaitTerminal(e.taskId());
        assertThat(t.get("status").asText()).as("the task runs as if answered").isEqualTo("completed");
        JsonNode listed = http.get("/v1/tasks").json();
        assertThat(listed.at("/data/0/id").asText()).as("the client can find it in the list").isEqualTo(e.taskId());
    }

    @Test
    void resetAfterAnUploadKeepsTheFile() {
        SIM.simulator().faults().script(Endpoint.FILES, Fault.of(FaultKind.RESET_AFTER), 1);
        assertThatThrownBy(() -> http.post("/api/v1/files/upload/base64",
                Map.of("base64_data", dataUrl(TestImages.png(5, 5))))).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get("/api/v1/files/quota").json().at("/data/used_files").asInt()).isEqualTo(1);
    }

    @Test
    void slowAnswerArrivesWholeAndIsMarkedInTheJournal() {
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.slow(150), 1);
        SimHttp.Answer a = http.get("/v1/credits");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("success").asBoolean()).isTrue();
        assertThat(SIM.simulator().journal(Endpoint.CREDITS).get(0).fault()).isEqualTo("SLOW");
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.slow(100), 1);
        assertThat(http.create(BODY).status()).isEqualTo(200);
        assertThat(SIM.simulator().journal(Endpoint.CREATE).get(0).fault()).isEqualTo("SLOW");
    }

    static Stream<Arguments> corruptions() {
        List<Arguments> out = new ArrayList<>();
        for (FaultKind kind : List.of(FaultKind.MALFORMED_JSON, FaultKind.TRUNCATED_JSON)) {
            for (Endpoint e : List.of(Endpoint.CREATE, Endpoint.TASK_GET, Endpoint.TASK_BATCH, Endpoint.TASK_LIST,
                    Endpoint.CREDITS, Endpoint.FILES)) {
                out.add(Arguments.of(kind, e));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("corruptions")
    void corruptedJsonComesWithStatus200(FaultKind kind, Endpoint endpoint) {
        prepareTargets();
        SIM.simulator().faults().script(endpoint, Fault.of(kind), 1);
        SimHttp.Answer bad = call(endpoint);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.header("Content-Type")).startsWith("application/json");
        assertThatThrownBy(() -> SimHttp.MAPPER.readTree(bad.bytes())).isInstanceOf(IOException.class);
        SimHttp.Answer good = call(endpoint);
        assertThat(good.json()).isNotNull();
        if (kind == FaultKind.TRUNCATED_JSON && endpoint != Endpoint.CREATE && endpoint != Endpoint.FILES) {
            assertThat(bad.bytes().length).isLessThan(good.bytes().length);
        }
        if (endpoint == Endpoint.CREATE) {
            assertThat(SIM.simulator().journal().chargedSubmits()).as("the submit took effect").isEqualTo(2);
        }
    }

    @Test
    void neverFinishingTaskStaysProcessingUntilCompletedThroughControl() {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1);
        String stuck = create(http, BODY);
        List<String> others = List.of(create(http, BODY), create(http, BODY));
        others.forEach(http::awaitTerminal);
        Support.await("the stuck task to be past pending",
                () -> Support.task(http, stuck).get("status").asText().equals("processing"));
        SimHttp.sleep(50); // several times the task's scaled duration
        JsonNode t = Support.task(http, stuck);
        assertThat(t.get("status").asText()).isEqualTo("processing");
        assertThat(t.get("progress").asInt()).isBetween(1, 99);
        assertThat(SIM.simulator().tasksInFlight()).isEqualTo(1);
        assertThat(SIM.simulator().completeTask(stuck)).isTrue();
        JsonNode done = Support.task(http, stuck);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("results")).hasSize(4);
        assertThat(SIM.simulator().tasksInFlight()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content_policy_violation", "invalid_parameters", "image_processing_error",
        "image_dimension_mismatch", "request_cancelled", "generation_failed_no_content", "service_error",
        "generation_timeout", "resource_exhausted", "quota_exceeded", "service_unavailable", "resource_not_found",
        "unknown_error"})
    void failTaskWithEveryBusinessCodeIsRefunded(String code) {
        SIM.simulator().faults().script(null, Fault.failTask(code), 1);
        SimHttp.Answer created = http.create(BODY);
        assertThat(created.status()).as("the submit itself succeeds").isEqualTo(200);
        JsonNode t = http.awaitTerminal(created.json().get("id").asText());
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.at("/error/code").asText()).isEqualTo(code);
        assertThat(t.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(t.at("/error/message").asText()).isNotBlank();
        assertThat(t.has("results")).isFalse();
        assertThat(credits(http).get("used_credits").asDouble()).isZero();
        assertThat(credits(http).get("remaining_credits").asDouble()).isEqualTo(10_000);
    }

    @Test
    void failTaskRefusesUndocumentedCodes() {
        String id = create(http, BODY);
        assertThatThrownBy(() -> SIM.simulator().failTask(id, "made_up_code"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moderatedTaskHasFewerResultsAndIsNotRefunded() {
        SIM.simulator().faults().script(null, Fault.moderated(2), 1);
        JsonNode t = http.run(BODY);
        assertThat(t.get("status").asText()).isEqualTo("completed");
        assertThat(t.get("results")).hasSize(2);
        assertThat(t.at("/usage/credits_used").asDouble()).isPositive();
        assertThat(credits(http).get("used_credits").asDouble()).isEqualTo(t.at("/usage/credits_used").asDouble());
        assertThat(http.get(t.get("results").get(1).asText()).status()).isEqualTo(200);
        String third = t.get("results").get(1).asText().replace("/1.png", "/2.png");
        assertThat(http.get(third).status()).as("filtered images are not served").isEqualTo(404);
    }

    @Test
    void probabilisticFaultsAreReproducibleFromTheSeed() {
        List<String> a = randomRun(2024);
        List<String> b = randomRun(2024);
        assertThat(a).isEqualTo(b);
        assertThat(a).contains("503", "200", "failed", "completed");
        assertThat(randomRun(99)).as("another seed, other faults").isNotEqualTo(a);
    }

    private static List<String> randomRun(long seed) {
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().seed(seed).timeScale(0.0005)
                .imageBaseSize(32).build())) {
            sim.faults().random(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 0.3);
            sim.faults().random(null, Fault.failTask("service_unavailable"), 0.5);
            SimHttp client = new SimHttp(sim);
            List<String> outcome = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                outcome.add(Integer.toString(client.get("/v1/credits").status()));
                if (i % 3 == 0) {
                    ids.add(create(client, v7("run " + i)));
                }
            }
            ids.forEach(id -> outcome.add(client.awaitTerminal(id).get("status").asText()));
            outcome.add(sim.faults().injectedCounts().toString());
            return outcome;
        }
    }

    /** Each kind scripted over HTTP is injected exactly once where it was aimed. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(FaultKind.class)
    void everyFaultKindCanBeScriptedOverTheControlApi(FaultKind kind) {
        Map<String, Object> fault = body("kind", kind.name(), "endpoint", "CREATE", "times", 1, "delay_ms", 20,
                "fail_code", "service_error", "images", 1, "retry_after", 2);
        SimHttp.Answer added = control.post("/__simulator/faults", fault);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("added").asText()).isEqualTo(kind.name());

        Map<String, Object> submit = body("model", "mj-v7", "prompt", "aimed", "callback_url", receiver.url("/cb"));
        Throwable thrown = catchThrowable(() -> {
            SimHttp.Answer a = http.create(submit);
            switch (kind) {
                case HTTP_500, HTTP_502, HTTP_503 -> assertThat(a.status()).isEqualTo(
                        Integer.parseInt(kind.name().substring(5)));
                case RATE_LIMIT -> assertThat(a.header("Retry-After")).isEqualTo("2");
                case MALFORMED_JSON, TRUNCATED_JSON -> assertThatThrownBy(() -> SimHttp.MAPPER.readTree(a.bytes()))
                        .isInstanceOf(IOException.class);
                default -> assertThat(a.status()).isEqualTo(200);
            }
        });
        if (kind == FaultKind.RESET_BEFORE || kind == FaultKind.RESET_AFTER) {
            assertThat(thrown).isInstanceOf(UncheckedIOException.class);
        } else {
            assertThat(thrown).isNull();
        }
        JsonNode stats = control.get("/__simulator/stats").json();
        assertThat(stats.at("/faults_injected/" + kind.name()).asInt()).isEqualTo(1);
        if (!kind.isTaskLevel()) {
            assertThat(SIM.simulator().journal(Endpoint.CREATE).get(0).fault()).isEqualTo(kind.name());
        } else {
            String id = SIM.simulator().journal(Endpoint.CREATE).get(0).taskId();
            assertThat(SIM.simulator().task(id).has(kind)).isTrue();
        }
        assertThat(http.create(submit).status()).as("only once").isEqualTo(200);
        assertThat(control.get("/__simulator/stats").json().at("/faults_injected/" + kind.name()).asInt())
                .isEqualTo(1);
    }

    @Test
    void controlApiRefusesUnknownKindsAndEndpointsAndClearsFaults() {
        assertThat(control.post("/__simulator/faults", Map.of("kind", "EARTHQUAKE")).param()).isEqualTo("kind");
        assertThat(control.post("/__simulator/faults", Map.of("kind", "HTTP_500", "endpoint", "NOWHERE")).param())
                .isEqualTo("endpoint");
        control.post("/__simulator/faults", Map.of("kind", "HTTP_500", "probability", 1.0));
        assertThat(http.get("/v1/credits").status()).isEqualTo(500);
        assertThat(http.get("/v1/credits").status()).isEqualTo(500);
        assertThat(control.get("/__simulator/stats").json().at("/faults_injected/HTTP_500").asInt()).isEqualTo(2);
        assertThat(control.send("DELETE", "/__simulator/faults", null, new byte[0]).status()).isEqualTo(200);
        assertThat(http.get("/v1/credits").status()).isEqualTo(200);
        // clearing the faults also zeroes their counts in the stats (docs/simulator.md)
        assertThat(control.get("/__simulator/stats").json().get("faults_injected"))
                .allSatisfy(count -> assertThat(count.asInt()).isZero());
    }

    @Test
    void taskFaultsOverHttpFailAndModerate() {
        control.post("/__simulator/faults", Map.of("kind", "FAIL_TASK", "fail_code", "resource_exhausted"));
        assertThat(http.run(BODY).at("/error/code").asText()).isEqualTo("resource_exhausted");
        control.post("/__simulator/faults", Map.of("kind", "MODERATED", "images", 3));
        assertThat(http.run(BODY).get("results")).hasSize(3);
        assertThat(credits(http).get("used_credits").asDouble()).isEqualTo(SIM.simulator().credits(KEY).used());
    }
}
