package org.camelevolink.simulator.behaviour;

import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.SECOND_KEY;
import static org.camelevolink.simulator.behaviour.Support.v7;

/** Per-key rate limiting (evolink-api.md §6): a burst, then 429 {@code rate_limit_exceeded} with Retry-After. */
class RateLimitTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(32).rateLimit(5, 5).apiKey(KEY)
                    .apiKey(SECOND_KEY));

    private SimHttp http;

    @BeforeEach
    void client() {
        http = new SimHttp(SIM.simulator());
    }

    private List<SimHttp.Answer> burst(SimHttp client, int n) {
        List<SimHttp.Answer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(client.get("/v1/credits"));
        }
        return out;
    }

    @Test
    void aBurstOfFivePassesThen429WithRetryAfter() {
        List<SimHttp.Answer> answers = burst(http, 20);
        assertThat(answers.subList(0, 5)).allMatch(a -> a.status() == 200);
        SimHttp.Answer limited = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 in a burst of 20 at 5/s"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(limited.code()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.json().at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void aLimitedSubmitCreatesNothing() {
        burst(http, 20);
        SimHttp.Answer a = http.create(v7("too soon"));
        if (a.status() == 429) {
            assertThat(SIM.simulator().tasks().size()).isZero();
            assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
        }
        assertThat(a.status()).isIn(200, 429);
    }

    @Test
    void theLimitIsPerKey() {
        burst(http, 20);
        assertThat(http.withKey(SECOND_KEY).get("/v1/credits").status()).isEqualTo(200);
    }

    @Test
    void theFilesApiIsLimitedToo() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SimHttp.Answer a = http.get("/api/v1/files/quota");
            statuses.add(a.status());
            if (a.status() == 429) {
                assertThat(a.json().get("success").asBoolean()).isFalse();
                assertThat(a.json().get("code").asInt()).isEqualTo(429);
                assertThat(a.header("Retry-After")).isNotNull();
            }
        }
        assertThat(statuses).contains(429);
    }

    @Test
    void controlAndContentAreNotLimited() {
        burst(http, 20);
        SimHttp control = new SimHttp(SIM.baseUrl(), null);
        for (int i = 0; i < 10; i++) {
            assertThat(control.get("/__simulator/stats").status()).isEqualTo(200);
        }
    }

    @Test
    void afterWaitingTheLimitLifts() {
        List<SimHttp.Answer> answers = burst(http, 20);
        assertThat(answers).anyMatch(a -> a.status() == 429);
        Support.await("a token to come back", () -> http.get("/v1/credits").status() == 200);
    }

    @Test
    void aResetRefillsTheBucket() {
        burst(http, 20);
        SIM.simulator().reset();
        assertThat(burst(http, 5)).allMatch(a -> a.status() == 200);
        assertThat(http.create(Map.of("model", "mj-v7", "prompt", "x")).status()).isIn(200, 429);
    }
}
