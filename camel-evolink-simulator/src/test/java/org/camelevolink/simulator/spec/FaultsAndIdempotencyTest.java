package org.camelevolink.simulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Idempotency-Key on create, and every fault the simulator injects. */
class FaultsAndIdempotencyTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64));

    private static final Map<String, Object> BODY = Map.of("model", "mj-v7", "prompt", "a red kite");

    private SimHttp http;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
    }

    private SimHttp.Answer create(Map<String, Object> body, String key) {
        return http.post("/v1/images/generations", body, Map.of("Idempotency-Key", key));
    }

    @Test
    void sameKeySameBodyReplaysAndChargesOnce() {
        SimHttp.Answer first = create(BODY, "order-4711-attempt-aaaa");
        SimHttp.Answer again = create(Map.of("prompt", "a red kite", "model", "mj-v7"), "order-4711-attempt-aaaa");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(again.header("idempotency-replayed")).isEqualTo("true");
        assertThat(first.header("idempotency-replayed")).isNull();
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        assertThat(SIM.simulator().credits("sk-simulator").used()).isEqualTo(5.4);
    }

    @Test
    void sameKeyOtherBodyIsAConflict() {
        create(BODY, "order-4711-attempt-bbbb");
        SimHttp.Answer conflict = create(Map.of("model", "mj-v7", "prompt", "a blue kite"), "order-4711-attempt-bbbb");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("idempotency_conflict");
        assertThat(conflict.param()).isEqualTo("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has spaces in it here", "ümlaut-key-1234567890"})
    void malformedKeyIs400(String key) {
        SimHttp.Answer a = create(BODY, key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.param()).isEqualTo("Idempotency-Key");
    }

    @Test
    void aRejectedSubmitDoesNotBurnItsKey() {
        assertThat(create(Map.of("model", "mj-v7"), "order-4711-attempt-cccc").status()).isEqualTo(400);
        assertThat(create(BODY, "order-4711-attempt-cccc").status()).isEqualTo(200);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void resetAfterTheSubmitThenResendWithTheSameKeyReplaysTheTask() {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_AFTER), 1);
        assertThatThrownBy(() -> create(BODY, "order-4711-attempt-dddd")).isInstanceOf(UncheckedIOException.class);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        SimHttp.Answer resent = create(BODY, "order-4711-attempt-dddd");
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.header("idempotency-replayed")).isEqualTo("true");
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        assertThat(SIM.simulator().tasks().size()).isEqualTo(1);
    }

    @Test
    void resetBeforeTheSubmitTakesEffectChargesNothing() {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_BEFORE), 1);
        assertThatThrownBy(() -> http.create(BODY)).isInstanceOf(UncheckedIOException.class);
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
        assertThat(SIM.simulator().journal(Endpoint.CREATE).get(0).fault()).isEqualTo("RESET_BEFORE");
    }

    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = {"CREATE", "TASK_GET", "TASK_BATCH", "TASK_LIST", "CREDITS", "FILES"})
    void serverErrorsOnEveryEndpoint(Endpoint endpoint) {
        String id = http.create(BODY).json().get("id").asText();
        int[] statuses = {500, 502, 503};
        FaultKind[] kinds = {FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503};
        String[] types = {"api_error", "upstream_error", "service_unavailable_error"};
        for (int i = 0; i < kinds.length; i++) {
            SIM.simulator().faults().script(endpoint, Fault.of(kinds[i]), 1);
            SimHttp.Answer a = call(endpoint, id);
            assertThat(a.status()).isEqualTo(statuses[i]);
            if (endpoint == Endpoint.FILES) {
                assertThat(a.json().get("success").asBoolean()).isFalse();
                assertThat(a.json().get("code").asInt()).isEqualTo(statuses[i]);
            } else {
                assertThat(a.json().at("/error/type").asText()).isEqualTo(types[i]);
            }
            assertThat(call(endpoint, id).status()).as("the fault hits once").isIn(200);
        }
    }

    private SimHttp.Answer call(Endpoint endpoint, String id) {
        return switch (endpoint) {
            case CREATE -> http.create(BODY);
            case TASK_GET -> http.get("/v1/tasks/" + id);
            case TASK_BATCH -> http.post("/v1/tasks/batch", Map.of("task_ids", List.of(id)));
            case TASK_LIST -> http.get("/v1/tasks");
            case CREDITS -> http.get("/v1/credits");
            case FILES -> http.get("/api/v1/files/quota");
            default -> throw new IllegalArgumentException(endpoint.name());
        };
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfter() {
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.rateLimit(7), 1);
        SimHttp.Answer a = http.get("/v1/tasks/task-unified-1-abcdefgh");
        assertThat(a.status()).isEqualTo(429);
        assertThat(a.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void slowAnswerArrivesLateButWhole() {
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.slow(300), 1);
        long start = System.nanoTime();
        SimHttp.Answer a = http.get("/v1/credits");
        assertThat(a.status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).as("at least the injected delay").isGreaterThanOrEqualTo(300);
        assertThat(SIM.simulator().journal(Endpoint.CREDITS).get(0).fault()).isEqualTo("SLOW");
    }

    @Test
    void malformedAndTruncatedJson() {
        String id = http.create(BODY).json().get("id").asText();
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.MALFORMED_JSON), 1);
        SimHttp.Answer bad = http.get("/v1/tasks/" + id);
        assertThat(bad.status()).isEqualTo(200);
        assertThatThrownBy(bad::json).isInstanceOf(AssertionError.class);
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.TRUNCATED_JSON), 1);
        SimHttp.Answer cut = http.get("/v1/tasks/" + id);
        assertThat(cut.status()).isEqualTo(200);
        assertThatThrownBy(cut::json).isInstanceOf(AssertionError.class);
        assertThat(http.get("/v1/tasks/" + id).json().get("id").asText()).isEqualTo(id);
    }

    @Test
    void neverFinishingTaskStaysProcessingUntilCompletedByControl() {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1);
        String stuck = http.create(BODY).json().get("id").asText();
        String normal = http.create(BODY).json().get("id").asText();
        http.awaitTerminal(normal);
        SimHttp.sleep(50);
        assertThat(http.get("/v1/tasks/" + stuck).json().get("status").asText()).isEqualTo("processing");
        assertThat(SIM.simulator().completeTask(stuck)).isTrue();
        assertThat(http.get("/v1/tasks/" + stuck).json().get("status").asText()).isEqualTo("completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"content_policy_violation", "invalid_parameters", "image_processing_error",
        "image_dimension_mismatch", "request_cancelled", "generation_failed_no_content", "service_error",
        "generation_timeout", "resource_exhausted", "quota_exceeded", "service_unavailable", "resource_not_found",
        "unknown_error"})
    void failTaskWithEveryBusinessCodeRefunds(String code) {
        SIM.simulator().faults().script(null, Fault.failTask(code), 1);
        JsonNode t = http.run(BODY);
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.at("/error/code").asText()).isEqualTo(code);
        assertThat(t.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(t.at("/error/message").asText()).isNotBlank();
        assertThat(t.has("results")).isFalse();
        assertThat(SIM.simulator().credits("sk-simulator").used()).isZero();
    }

    @Test
    void moderatedResultsAreFewerAndNotRefunded() {
        SIM.simulator().faults().script(null, Fault.moderated(1), 1);
        JsonNode t = http.run(BODY);
        assertThat(t.get("status").asText()).isEqualTo("completed");
        assertThat(t.get("results")).hasSize(1);
        assertThat(SIM.simulator().credits("sk-simulator").used()).isEqualTo(5.4);
    }

    @Test
    void faultsOverTheControlApi() {
        SimHttp control = new SimHttp(SIM.baseUrl(), null);
        assertThat(control.post("/__simulator/faults", Map.of("kind", "HTTP_503", "endpoint", "CREDITS", "times", 2))
                .status()).isEqualTo(200);
        assertThat(http.get("/v1/credits").status()).isEqualTo(503);
        assertThat(http.get("/v1/credits").status()).isEqualTo(503);
        assertThat(http.get("/v1/credits").status()).isEqualTo(200);
        control.post("/__simulator/faults", Map.of("kind", "FAIL_TASK", "fail_code", "generation_timeout"));
        assertThat(http.run(BODY).at("/error/code").asText()).isEqualTo("generation_timeout");
        assertThat(control.post("/__simulator/faults", Map.of("kind", "NO_SUCH_FAULT")).status()).isEqualTo(400);
        control.post("/__simulator/faults", Map.of("kind", "HTTP_500", "probability", 1.0));
        assertThat(http.get("/v1/credits").status()).isEqualTo(500);
        control.send("DELETE", "/__simulator/faults", null, new byte[0]);
        assertThat(http.get("/v1/credits").status()).isEqualTo(200);
    }

    @Test
    void probabilisticFaultsAreReproducibleFromTheSeed() {
        assertThat(run(7)).isEqualTo(run(7)).contains(503).contains(200);
    }

    private static List<Integer> run(long seed) {
        try (EvolinkSimulator s = EvolinkSimulator.start(SimulatorConfig.builder().seed(seed).build())) {
            s.faults().random(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 0.3);
            SimHttp client = new SimHttp(s);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(client.get("/v1/credits").status());
            }
            assertThat(s.faults().injectedCounts().get(FaultKind.HTTP_503))
                    .isEqualTo((int) statuses.stream().filter(x -> x == 503).count());
            return statuses;
        }
    }

    @Test
    void journalRecordsWhatWasReceivedWithTheKeyMasked() {
        create(BODY, "order-4711-attempt-eeee");
        JournalEntry e = SIM.simulator().journal(Endpoint.CREATE).get(0);
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.idempotencyKey()).isEqualTo("order-4711-attempt-eeee");
        assertThat(e.body()).contains("a red kite");
        assertThat(e.header("Authorization")).isEqualTo("Bearer sk-s****or");
        assertThat(e.apiKeyMasked()).doesNotContain("simulator");
        assertThat(e.isCharged()).isTrue();
        assertThat(e.taskId()).startsWith("task-unified-");
        assertThat(e.status()).isEqualTo(200);
    }
}
