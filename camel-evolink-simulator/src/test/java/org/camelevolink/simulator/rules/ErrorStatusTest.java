package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camelevolink.simulator.rules.RuleAssertions.assertAccepted;
import static org.camelevolink.simulator.rules.RuleAssertions.assertError;
import static org.camelevolink.simulator.rules.RuleAssertions.assertInvalid;
import static org.camelevolink.simulator.rules.RuleAssertions.assertNoStackTrace;
import static org.camelevolink.simulator.rules.RulesFixtures.object;

/**
 * Every HTTP error status of the create endpoint (§4, §6 of evolink-api.md) with its envelope
 * {@code {"error":{code,message,type,param}}}: bad bodies, authentication, unknown model, credits, size, method,
 * path, rate limit and server faults. No answer ever carries a Java stack trace, and no rejected submit is charged.
 */
class ErrorStatusTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64));

    private static final String CREATE = RulesFixtures.CREATE;
    private static final ObjectNode VALID = object("model", "mj-v7", "prompt", "a cat");

    private RulesFixtures fx;
    private SimHttp http;

    @BeforeEach
    void setUp() {
        fx = new RulesFixtures(SIM.simulator());
        http = fx.http();
    }

    private void assertNothingCharged(double creditsBefore) {
        assertThat(fx.remainingCredits(http)).isCloseTo(creditsBefore, within(0.00001));
        assertThat(http.get("/v1/tasks").json().path("total").asInt()).isZero();
        assertThat(SIM.simulator().tasks().all()).isEmpty();
    }

    // ---- 400: bodies that are no JSON object ---------------------------------------------------------------

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{not json", "hello", "", "[]", "[{\"model\":\"mj-v7\",\"prompt\":\"a cat\"}]", "null",
            "42", "\"mj-v7\"", "true", "{\"model\":\"mj-v7\",\"prompt\":\"a cat\"", "{\"model\":\"mj-v7\",}",
            "{'model':'mj-v7'}"})
    void bodyThatIsNotAJsonObjectIs400(String body) {
        double before = fx.remainingCredits(http);
        SimHttp.Answer a = http.post(CREATE, body);
        assertError(a, 400, "invalid_request", "invalid_request_error", null);
        assertNothingCharged(before);
    }

    /**
     * A valid object followed by more text is not one JSON document: 400, nothing charged (http/Json.java reads
     * with Jackson's FAIL_ON_TRAILING_TOKENS).
     */
    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"model\":\"mj-v7\",\"prompt\":\"a cat\"} trailing",
            "{\"model\":\"mj-v7\",\"prompt\":\"a cat\"}{\"model\":\"mj-v6\"}",
            "{\"model\":\"mj-v7\",\"prompt\":\"a cat\"}]"})
    void jsonObjectFollowedByMoreTextIs400(String body) {
        double before = fx.remainingCredits(http);
        assertError(http.post(CREATE, body), 400, "invalid_request", "invalid_request_error", null);
        assertNothingCharged(before);
    }

    @Test
    void invalidUtf8AndDeepNestingAre400() {
        byte[] bad = {'{', '"', 'm', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertThat(http.post(CREATE, bad).status()).isEqualTo(400);
        assertNoStackTrace(http.post(CREATE, bad));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        SimHttp.Answer a = http.post(CREATE, deep);
        assertThat(a.status()).isEqualTo(400);
        assertNoStackTrace(a);
        String deepObject = "{\"model\":\"mj-v7\",\"prompt\":\"a cat\",\"model_params\":" + "{\"a\":".repeat(3000)
                + "1" + "}".repeat(3000) + "}";
        SimHttp.Answer b = http.post(CREATE, deepObject);
        assertThat(b.status()).isEqualTo(400);
        assertNoStackTrace(b);
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void contentTypeOtherThanJsonIs400(String contentType) {
        SimHttp.Answer a = http.send("POST", CREATE, contentType, VALID.toString().getBytes(StandardCharsets.UTF_8));
        assertError(a, 400, "invalid_request", "invalid_request_error", null);
    }

    @Test
    void jsonContentTypeWithCharsetIsFine() {
        SimHttp.Answer a = http.send("POST", CREATE, "application/json; charset=utf-8",
                VALID.toString().getBytes(StandardCharsets.UTF_8));
        assertAccepted(a, "mj-v7");
    }

    @Test
    void javaNullsAreMissingFieldsNotCrashes() {
        assertAccepted(http.post(CREATE, "{\"model\":\"mj-v7\",\"prompt\":\"a cat\",\"model_params\":{\"speed\":null},"
                + "\"callback_url\":null}"), "mj-v7");
        assertInvalid(http.post(CREATE, "{\"model\":null,\"prompt\":\"a cat\"}"), "model");
        assertInvalid(http.post(CREATE, "{\"prompt\":\"a cat\"}"), "model");
        assertInvalid(http.post(CREATE, "{}"), "model");
    }

    // ---- 401 -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"<none>", "Bearer sk-wrong-key", "Bearer ", "Basic c2stc2ltdWxhdG9yOg==", "sk-simulator",
            "Bearer sk-simulatorX", "Bearer  sk-other"})
    void missingOrWrongKeyIs401(String authorization) {
        SimHttp anonymous = new SimHttp(SIM.baseUrl(), null);
        SimHttp.Answer a = authorization.equals("<none>") ? anonymous.post(CREATE, VALID)
                : anonymous.post(CREATE, VALID, Map.of("Authorization", authorization));
        assertError(a, 401, "unauthorized", "authentication_error", null);
        assertThat(SIM.simulator().tasks().all()).isEmpty();
    }

    @Test
    void authenticationComesBeforeValidation() {
        SimHttp anonymous = new SimHttp(SIM.baseUrl(), null);
        assertError(anonymous.post(CREATE, "{not json"), 401, "unauthorized", "authentication_error", null);
        assertError(anonymous.post(CREATE, object("model", "mj-v6")), 401, "unauthorized", "authentication_error",
                null);
        assertError(anonymous.get("/v1/tasks/task-unified-1-abc"), 401, "unauthorized", "authentication_error", null);
        assertError(anonymous.get("/v1/credits"), 401, "unauthorized", "authentication_error", null);
    }

    // ---- 404 unknown model --------------------------------------------------------------------------------

    /** §2.0: no midjourney-*, reroll, describe, blend or V8.x upscale/inpaint/outpaint/pan/enhance. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mj-v6", "midjourney-v7", "mj-v7-reroll", "mj-v7-describe", "mj-v7-blend",
            "mj-v8.1-upscale", "mj-v8.2-inpaint", "mj-v8.1-enhance", "mj-v8-1", "MJ-V7", "mj-v7 ", "gpt-4o-image"})
    void unknownModelIs404NamingModel(String model) {
        double before = fx.remainingCredits(http);
        SimHttp.Answer a = http.post(CREATE, object("model", model, "prompt", "a cat"));
        assertError(a, 404, "model_not_found", "not_found_error", "model");
        assertNothingCharged(before);
    }

    // ---- 402 -----------------------------------------------------------------------------------------------

    /** The 402 example of the Midjourney pages (seeds 001, 004): code and type both insufficient_quota. */
    @Test
    void exhaustedCreditsAre402AndNothingIsCharged() {
        SIM.simulator().setCredits(SimulatorConfig.DEFAULT_API_KEY, 0);
        SimHttp.Answer a = http.post(CREATE, VALID);
        assertError(a, 402, "insufficient_quota", "insufficient_quota", null);
        assertThat(SIM.simulator().credits(SimulatorConfig.DEFAULT_API_KEY).used()).isZero();
        assertNothingCharged(0);
    }

    @Test
    void creditsExactlyEnoughAreAcceptedOneBitLessIsNot() {
        double price = http.post(CREATE, VALID).json().at("/usage/credits_reserved").asDouble();
        SIM.simulator().reset();
        SIM.simulator().setCredits(SimulatorConfig.DEFAULT_API_KEY, price - 0.0001);
        assertError(http.post(CREATE, VALID), 402, "insufficient_quota", "insufficient_quota", null);
        assertNothingCharged(price - 0.0001);
        SIM.simulator().setCredits(SimulatorConfig.DEFAULT_API_KEY, price);
        assertAccepted(http.post(CREATE, VALID), "mj-v7");
        assertThat(fx.remainingCredits(http)).isZero();
    }

    @Test
    void anInvalidRequestIs400EvenWithoutCredits() {
        SIM.simulator().setCredits(SimulatorConfig.DEFAULT_API_KEY, 0);
        assertInvalid(http.post(CREATE, object("model", "mj-v7")), "prompt");
    }

    // ---- 413 -----------------------------------------------------------------------------------------------

    @Test
    void bodyAboveTheLimitIs413AndOneAtTheLimitIsServed() {
        try (EvolinkSimulator small = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.0005)
                .imageBaseSize(64).maxJsonBodyBytes(4096).build())) {
            SimHttp client = new SimHttp(small);
            String head = "{\"model\":\"mj-v7\",\"prompt\":\"";
            String tail = "\"}";
            String atLimit = head + "a".repeat(4096 - head.length() - tail.length()) + tail;
            assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
            String overLimit = head + "a".repeat(4097 - head.length() - tail.length()) + tail;

            SimHttp.Answer tooLarge = client.post(CREATE, overLimit);
            assertError(tooLarge, 413, "request_too_large", "invalid_request_error", null);
            assertThat(small.tasks().all()).isEmpty();
            SimHttp.Answer huge = client.post(CREATE, head + "a".repeat(2_000_000) + tail);
            assertError(huge, 413, "request_too_large", "invalid_request_error", null);
            assertThat(small.credits(SimulatorConfig.DEFAULT_API_KEY).used()).isZero();

            assertAccepted(client.post(CREATE, atLimit), "mj-v7");
        }
    }

    // ---- 405 and 404 on routes ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /v1/images/generations", "PUT, /v1/images/generations", "DELETE, /v1/images/generations",
            "PATCH, /v1/images/generations", "POST, /v1/credits", "DELETE, /v1/tasks/task-unified-1-abc",
            "PUT, /v1/tasks/task-unified-1-abc"})
    void wrongMethodIs405(String method, String path) {
        SimHttp.Answer a = http.send(method, path, "application/json", VALID.toString().getBytes());
        assertError(a, 405, "method_not_allowed", "invalid_request_error", null);
        assertThat(SIM.simulator().tasks().all()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /v1/images/edits", "POST, /v2/images/generations", "POST, /v1/images/generations/mj-v7",
            "POST, /v1/image/generations", "GET, /v1/models", "GET, /", "POST, /v1/videos/generations",
            "GET, /v1/tasks/a/b"})
    void unknownPathIs404(String method, String path) {
        SimHttp.Answer a = http.send(method, path, "application/json", VALID.toString().getBytes());
        assertError(a, 404, "not_found", "not_found_error", null);
    }

    // ---- task query errors (§4 table) -----------------------------------------------------------------------

    @ParameterizedTest(name = "GET /v1/tasks/{0}")
    @ValueSource(strings = {"abc", "1757165031-mjv7", "task-1757165031", "TASK-UNIFIED-1-abc"})
    void malformedTaskIdOnQueryIs400(String id) {
        assertError(http.get("/v1/tasks/" + id), 400, "invalid_task_id", "invalid_request_error", "task_id");
    }

    @Test
    void unknownTaskOnQueryIs404() {
        assertError(http.get("/v1/tasks/task-unified-1757165031-nosuchid"), 404, "task_not_found",
                "invalid_request_error", "task_id");
    }

    // ---- 429 and server faults ------------------------------------------------------------------------------

    /** The task page's 429 example has type evo_api_error (§4 table); the Midjourney pages' rate_limit_error. */
    @Test
    void rateLimitOnTheTaskQueryHasTheTaskPagesType() {
        String id = assertAccepted(http.post(CREATE, VALID), "mj-v7").path("id").asText();
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.rateLimit(2), 1);
        SimHttp.Answer a = http.get("/v1/tasks/" + id);
        assertError(a, 429, "rate_limit_exceeded", "evo_api_error", null);
        assertThat(a.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void rateLimitIs429WithRetryAfterAndNoCharge() {
        try (EvolinkSimulator limited = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.0005)
                .imageBaseSize(64).rateLimit(0.01, 1).build())) {
            SimHttp client = new SimHttp(limited);
            assertAccepted(client.post(CREATE, VALID), "mj-v7");
            SimHttp.Answer a = client.post(CREATE, VALID);
            assertError(a, 429, "rate_limit_exceeded", "rate_limit_error", null);
            assertThat(Long.parseLong(a.header("Retry-After"))).isPositive();
            assertThat(limited.tasks().all()).hasSize(1);
        }
    }

    /** §6: 500 internal_server_error… here as the simulator's injected faults; none of them creates a task. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"HTTP_500, 500, internal_error, api_error", "HTTP_502, 502, upstream_error, upstream_error",
            "HTTP_503, 503, service_unavailable, service_unavailable_error",
            "RATE_LIMIT, 429, rate_limit_exceeded, rate_limit_error"})
    void injectedServerErrorsUseTheEnvelopeAndChargeNothing(FaultKind kind, int status, String code, String type) {
        double before = fx.remainingCredits(http);
        SIM.simulator().faults().script(Endpoint.CREATE, kind == FaultKind.RATE_LIMIT ? Fault.rateLimit(2)
                : Fault.of(kind), 1);
        assertError(http.post(CREATE, VALID), status, code, type, null);
        assertNothingCharged(before);
        assertAccepted(http.post(CREATE, VALID), "mj-v7");
    }

    // ---- no internals in any answer -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"model\":\"mj-v7-upscale\",\"model_params\":{\"task_id\":\"task-unified-1-x\",\"image_number\":1e999}}",
        "{\"model\":\"mj-v7-pan\",\"model_params\":{\"task_id\":\"task-unified-1-x\",\"scale\":1e400}}",
        "{\"model\":\"mj-v7-pan\",\"model_params\":{\"task_id\":\"task-unified-1-x\",\"scale\":-0.0}}",
        "{\"model\":\"mj-v7\",\"prompt\":\"a cat --seed 99999999999999999999999\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"a cat --ar 99999999999:1\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"a cat --iw NaN\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"a cat --iw Infinity\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"--\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"-- -- --- --c\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"https://[::1/a.png a cat\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"http://% a cat\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"a cat\",\"callback_url\":\"https://[::1/x\"}",
        "{\"model\":\"mj-v7\",\"prompt\":\"a cat\",\"callback_url\":\"https://exa mple.com/x\"}",
        "{\"model\":\"mj-v7-retexture\",\"prompt\":\"a\",\"image_urls\":[\"https://exa mple.com/a.png\"]}",
        "{\"model\":\"mj-v7-retexture\",\"prompt\":\"a\",\"image_urls\":[\"https://%zz/a.png\"]}",
        "{\"model\":\"mj-v7-inpaint\",\"model_params\":{\"task_id\":\"task-unified-1-x\",\"mask\":{\"areas\":[null]}}}",
        "{\"model\":\"mj-v7-inpaint\",\"model_params\":{\"task_id\":\"task-unified-1-x\",\"mask\":{\"areas\":[7]}}}",
        "{\"model\":\"mj-v7-inpaint\",\"model_params\":{\"task_id\":\"task-unified-1-x\",\"mask\":{\"url\":null}}}",
        "{\"model\":\"mj-v7-inpaint\",\"model_params\":{\"task_id\":\"task-unified-1-x\",\"mask\":null}}",
        "{\"model\":\"mj-v7-edit\",\"prompt\":\"a\",\"model_params\":{\"task_id\":\"task-unified-1-x\","
            + "\"canvas\":{\"width\":99999999999,\"height\":1},\"img_pos\":{\"width\":1,\"height\":1,\"x\":0,\"y\":0}}}",
    })
    void hostileValuesAreAnsweredWithoutInternals(String body) {
        SimHttp.Answer a = http.post(CREATE, body);
        assertThat(a.status()).as(RuleAssertions.text(a)).isBetween(200, 499);
        assertNoStackTrace(a);
        if (a.status() != 200) {
            assertThat(a.json().at("/error/type").asText()).isNotBlank();
        }
    }
}
