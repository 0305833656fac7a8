package org.camelevolink.simulator.spec;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** §6: statuses and the error envelope for bad input; never a crash, a hang or a stack trace in a body. */
class ErrorEnvelopeTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005));

    private SimHttp http;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
    }

    private static void envelope(SimHttp.Answer a, int status, String code, String type) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.code()).isEqualTo(code);
        assertThat(a.json().at("/error/type").asText()).isEqualTo(type);
        assertThat(a.json().at("/error/message").asText()).isNotBlank();
        String body = new String(a.bytes(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"model\":", "[1,2]", "\"mj-v7\"", "null", ""})
    void nonJsonOrNonObjectBodyIs400(String body) {
        envelope(http.post("/v1/images/generations", body), 400, "invalid_request", "invalid_request_error");
    }

    @Test
    void wrongContentTypeIs400() {
        envelope(http.send("POST", "/v1/images/generations", "text/plain", "{\"model\":\"mj-v7\"}".getBytes()), 400,
                "invalid_request", "invalid_request_error");
    }

    @Test
    void missingOrWrongKeyIs401() {
        SimHttp anonymous = new SimHttp(SIM.baseUrl(), null);
        envelope(anonymous.create(Map.of("model", "mj-v7", "prompt", "x")), 401, "unauthorized",
                "authentication_error");
        envelope(anonymous.get("/v1/tasks/task-unified-1-abcdefgh"), 401, "unauthorized", "authentication_error");
        envelope(anonymous.get("/v1/credits"), 401, "unauthorized", "authentication_error");
        envelope(http.withKey("sk-wrong").create(Map.of("model", "mj-v7", "prompt", "x")), 401, "unauthorized",
                "authentication_error");
    }

    @Test
    void exhaustedCreditsAre402AndChargeNothing() {
        SIM.simulator().setCredits("sk-simulator", 1.0);
        envelope(http.create(Map.of("model", "mj-v7", "prompt", "x y")), 402, "insufficient_quota",
                "insufficient_quota_error");
        assertThat(SIM.simulator().credits("sk-simulator").remaining()).isEqualTo(1.0);
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
        assertThat(SIM.simulator().tasks().size()).isZero();
    }

    @Test
    void bodyAboveTheLimitIs413() {
        try (EvolinkSimulator small = EvolinkSimulator.start(SimulatorConfig.builder().maxJsonBodyBytes(4096)
                .build())) {
            SimHttp.Answer a = new SimHttp(small).create(Map.of("model", "mj-v7", "prompt", "x".repeat(5000)));
            envelope(a, 413, "request_too_large", "invalid_request_error");
        }
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        envelope(http.get("/v1/nothing-here"), 404, "not_found", "not_found_error");
        envelope(http.get("/v1/images/generations"), 405, "method_not_allowed", "invalid_request_error");
        envelope(http.send("DELETE", "/v1/tasks/task-unified-1-abcdefgh", null, new byte[0]), 405,
                "method_not_allowed", "invalid_request_error");
    }

    @Test
    void rateLimitIs429WithRetryAfter() {
        try (EvolinkSimulator limited = EvolinkSimulator.start(SimulatorConfig.builder().rateLimit(1, 3).build())) {
            SimHttp client = new SimHttp(limited);
            int limitedCount = 0;
            SimHttp.Answer last = null;
            for (int i = 0; i < 6; i++) {
                last = client.get("/v1/credits");
                if (last.status() == 429) {
                    limitedCount++;
                    assertThat(Long.parseLong(last.header("Retry-After"))).isGreaterThanOrEqualTo(1);
                    envelope(last, 429, "rate_limit_exceeded", "rate_limit_error");
                }
            }
            assertThat(limitedCount).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void requestIdHeaderOnEveryAnswer() {
        assertThat(http.get("/v1/credits").header("x-request-id")).startsWith("sim-");
    }
}
