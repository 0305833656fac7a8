package org.camelevolink.simulator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.SimHttp;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented create answer and error envelope, checked the same way by every rule test. */
final class RuleAssertions {

    private RuleAssertions() {
    }

    /** 200 with the documented create shape (§3); returns the body. */
    static JsonNode assertAccepted(SimHttp.Answer a, String model) {
        assertThat(a.status()).as("expected 200, got %s", text(a)).isEqualTo(200);
        JsonNode t = a.json();
        assertThat(t.path("id").asText()).matches("task-unified-\\d+-[a-z0-9]+");
        assertThat(t.path("model").asText()).isEqualTo(model);
        assertThat(t.path("object").asText()).isEqualTo("image.generation.task");
        assertThat(t.path("status").asText()).isEqualTo("pending");
        assertThat(t.path("progress").asInt(-1)).isZero();
        assertThat(t.path("type").asText()).isEqualTo("image");
        assertThat(t.path("created").isIntegralNumber()).isTrue();
        assertThat(t.at("/task_info/can_cancel").asBoolean()).isTrue();
        assertThat(t.at("/task_info/estimated_time").isNumber()).isTrue();
        assertThat(t.at("/task_info/estimated_time").asDouble()).isPositive();
        assertThat(t.at("/usage/billing_rule").asText()).isEqualTo("per_call");
        assertThat(t.at("/usage/credits_reserved").asDouble()).isPositive();
        return t;
    }

    static void assertAccepted(SimHttp.Answer a) {
        assertThat(a.status()).as("expected 200, got %s", text(a)).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("pending");
    }

    /**
     * 400 invalid_request / invalid_request_error naming {@code param}: the 400 example of the Midjourney pages
     * (seeds 001, 004). invalid_parameters is a failed task's business code (§5), not an HTTP answer's.
     */
    static void assertInvalid(SimHttp.Answer a, String param) {
        assertError(a, 400, "invalid_request", "invalid_request_error", param);
    }

    /** An error envelope {@code {"error":{code,message,type,param}}}; a null {@code param} means none is named. */
    static void assertError(SimHttp.Answer a, int status, String code, String type, String param) {
        assertThat(a.status()).as("status of %s", text(a)).isEqualTo(status);
        assertNoStackTrace(a);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode error = a.json().path("error");
        assertThat(error.isObject()).as("error envelope in %s", text(a)).isTrue();
        assertThat(error.path("code").asText()).as("error.code of %s", text(a)).isEqualTo(code);
        assertThat(error.path("type").asText()).as("error.type of %s", text(a)).isEqualTo(type);
        assertThat(error.path("message").asText()).as("error.message").isNotBlank();
        if (param == null) {
            assertThat(error.has("param")).as("no error.param in %s", text(a)).isFalse();
        } else {
            assertThat(error.path("param").asText()).as("error.param of %s", text(a)).isEqualTo(param);
        }
    }

    /** No Java internals leak: no stack frame, no exception class name. */
    static void assertNoStackTrace(SimHttp.Answer a) {
        assertThat(text(a)).doesNotContain("at org.", "at java.", "at com.", "Exception", "\tat ");
    }

    static String text(SimHttp.Answer a) {
        return a.status() + " " + new String(a.bytes(), StandardCharsets.UTF_8);
    }
}
