package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.SECOND_KEY;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.create;
import static org.camelevolink.simulator.behaviour.Support.credits;
import static org.camelevolink.simulator.behaviour.Support.v7;

/**
 * Credits per API key (evolink-api.md §7.2, §9): reserved on create, used on completion, refunded on failure, not
 * refunded on moderation, 402 when exhausted; the price follows speed and quality.
 */
class CreditsTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(32).apiKey(KEY).apiKey(SECOND_KEY));

    private SimHttp http;

    @BeforeEach
    void client() {
        http = new SimHttp(SIM.simulator());
    }

    @Test
    void creditsAnswerHasTheDocumentedShape() {
        SimHttp.Answer a = http.get("/v1/credits");
        assertThat(a.status()).isEqualTo(200);
        JsonNode j = a.json();
        assertThat(j.get("success").asBoolean()).isTrue();
        assertThat(j.get("message").asText()).isEmpty();
        assertThat(j.at("/data/token/remaining_credits").asDouble()).isEqualTo(10_000);
        assertThat(j.at("/data/token/used_credits").asDouble()).isZero();
        assertThat(j.at("/data/token/unlimited_credits").asBoolean()).isFalse();
        assertThat(j.at("/data/user/remaining_credits").asDouble()).isEqualTo(10_000);
        assertThat(j.at("/data/user/used_credits").asDouble()).isZero();
    }

    @Test
    void createReservesTheAnnouncedCredits() {
        JsonNode before = credits(http);
        SimHttp.Answer a = http.create(v7("a lighthouse"));
        double reserved = a.json().at("/usage/credits_reserved").asDouble();
        assertThat(reserved).isPositive();
        JsonNode after = credits(http);
        assertThat(after.get("remaining_credits").asDouble())
                .isCloseTo(before.get("remaining_credits").asDouble() - reserved, within(1e-9));
        assertThat(after.get("used_credits").asDouble())
                .isCloseTo(before.get("used_credits").asDouble() + reserved, within(1e-9));
    }

    @Test
    void completionKeepsTheChargeAndReportsItAsUsed() {
        JsonNode t = http.run(v7("a lighthouse"));
        double reserved = t.at("/usage/credits_reserved").asDouble();
        assertThat(t.at("/usage/credits_used").asDouble()).isEqualTo(reserved);
        assertThat(credits(http).get("used_credits").asDouble()).isEqualTo(reserved);
        assertThat(credits(http).get("remaining_credits").asDouble()).isCloseTo(10_000 - reserved, within(1e-9));
    }

    @Test
    void failureRefundsTheReservation() {
        // the task must still be running when it is failed, however slow the machine: it never finishes by itself
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1);
        String id = create(http, v7("a lighthouse"));
        assertThat(credits(http).get("used_credits").asDouble()).isPositive();
        assertThat(SIM.simulator().failTask(id, "generation_timeout")).isTrue();
        JsonNode after = credits(http);
        assertThat(after.get("remaining_credits").asDouble()).isEqualTo(10_000);
        assertThat(after.get("used_credits").asDouble()).isZero();
    }

    @Test
    void moderationIsNotRefunded() {
        SIM.simulator().faults().script(null, Fault.moderated(2), 1);
        JsonNode t = http.run(v7("a crowd"));
        assertThat(t.get("results")).hasSize(2);
        assertThat(credits(http).get("used_credits").asDouble()).isEqualTo(t.at("/usage/credits_reserved").asDouble());
    }

    @Test
    void exhaustedCreditsAnswer402AndChargeNothing() {
        SIM.simulator().setCredits(KEY, 5.0);
        SimHttp.Answer a = http.create(v7("too expensive")); // fast mj-v7 costs more than 5
        assertThat(a.status()).isEqualTo(402);
        assertThat(a.code()).isEqualTo("insufficient_quota");
        assertThat(a.json().at("/error/type").asText()).isEqualTo("insufficient_quota");
        assertThat(credits(http).get("remaining_credits").asDouble()).isEqualTo(5.0);
        assertThat(SIM.simulator().tasks().size()).isZero();
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
        // something cheaper still fits
        SimHttp.Answer draft = http.create(body("model", "mj-v7", "prompt", "cheap", "model_params",
                Map.of("speed", "draft")));
        assertThat(draft.status()).isEqualTo(200);
    }

    @Test
    void theLastCreditsCanBeSpentExactly() {
        double price = http.create(v7("price probe")).json().at("/usage/credits_reserved").asDouble();
        SIM.simulator().setCredits(KEY, price);
        assertThat(http.create(v7("exactly affordable")).status()).isEqualTo(200);
        assertThat(credits(http).get("remaining_credits").asDouble()).isZero();
        assertThat(http.create(v7("one too many")).status()).isEqualTo(402);
    }

    @Test
    void topUpOverTheControlApiEndsThe402() {
        SimHttp control = new SimHttp(SIM.baseUrl(), null);
        assertThat(control.send("PUT", "/__simulator/credits", "application/json",
                "{\"api_key\":\"sk-simulator\",\"credits\":0}".getBytes()).status()).isEqualTo(200);
        assertThat(http.create(v7("broke")).status()).isEqualTo(402);
        control.send("PUT", "/__simulator/credits", "application/json",
                "{\"api_key\":\"sk-simulator\",\"credits\":100}".getBytes());
        assertThat(http.create(v7("paid")).status()).isEqualTo(200);
    }

    @Test
    void turboCostsMoreThanFastAndDraftLess() {
        double fast = price(body("model", "mj-v7", "prompt", "p", "model_params", Map.of("speed", "fast")));
        double turbo = price(body("model", "mj-v7", "prompt", "p", "model_params", Map.of("speed", "turbo")));
        double draft = price(body("model", "mj-v7", "prompt", "p", "model_params", Map.of("speed", "draft")));
        double dflt = price(v7("p"));
        assertThat(turbo).isGreaterThan(fast);
        assertThat(turbo).as("turbo ≈ 2× fast (§9)").isCloseTo(2 * fast, within(0.01));
        assertThat(draft).isLessThan(fast);
        assertThat(dflt).as("fast is the default").isEqualTo(fast);
    }

    @Test
    void hdQualityCostsMoreOnV8() {
        double standard = price(body("model", "mj-v8.1", "prompt", "p"));
        double hd = price(body("model", "mj-v8.1", "prompt", "p", "quality", "hd"));
        assertThat(hd).as("hd 1.5× (§9)").isCloseTo(1.5 * standard, within(0.01));
    }

    @Test
    void creativeUpscaleCostsMoreThanStandard() {
        String source = Support.completed(SIM.simulator(), http, v7("a castle"));
        double standard = price(body("model", "mj-v7-upscale", "model_params", Map.of("task_id", source)));
        double creative = price(body("model", "mj-v7-upscale", "model_params",
                Map.of("task_id", source, "type", "creative")));
        assertThat(creative).isGreaterThan(standard);
    }

    @Test
    void everyKeyHasItsOwnBalance() {
        SimHttp second = http.withKey(SECOND_KEY);
        create(http, v7("charged to the first key"));
        assertThat(credits(second).get("used_credits").asDouble()).isZero();
        assertThat(credits(second).get("remaining_credits").asDouble()).isEqualTo(10_000);
        SIM.simulator().setCredits(KEY, 0);
        assertThat(http.create(v7("no")).status()).isEqualTo(402);
        assertThat(second.create(v7("yes")).status()).isEqualTo(200);
    }

    private double price(Map<String, Object> body) {
        SimHttp.Answer a = http.create(body);
        assertThat(a.status()).as(new String(a.bytes())).isEqualTo(200);
        return a.json().at("/usage/credits_reserved").asDouble();
    }
}
