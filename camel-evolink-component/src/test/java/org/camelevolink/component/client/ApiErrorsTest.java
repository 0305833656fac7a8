package org.camelevolink.component.client;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.SimulatorExtension.clientOn;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.failure;
import static org.camelevolink.component.client.ClientTests.generation;

/** Each HTTP error EvoLink documents, and each way of getting no answer at all, as a typed exception. */
class ApiErrorsTest {

    private static final String KEY = "sk-errors-test-key-31a7";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    private EvolinkClient client;

    @BeforeEach
    void setUp() {
        client = SIM.client(KEY, b -> b);
    }

    @Test
    void badRequestNamesTheParameter() {
        EvolinkApiException e = apiFailure(client.createTask(CreateTaskRequest.builder("mj-v7-outpaint")
                .modelParam("task_id", "task-unified-1-abcdefgh").modelParam("scale", 9).build(), null));
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getParam()).isEqualTo("model_params.scale");
        assertThat(e.getType()).isEqualTo("invalid_request_error");
        assertThat(e.getCode()).as("the Midjourney pages' 400 example").isEqualTo("invalid_request");
        assertThat(e.getRequestId()).startsWith("sim-");
        assertThat(e.getMessage()).contains("HTTP 400", "model_params.scale", e.getRequestId());
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void wrongKeyIs401() {
        try (EvolinkClient wrong = SIM.client("sk-not-a-known-key-77", b -> b)) {
            EvolinkApiException e = apiFailure(wrong.credits());
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getCode()).isEqualTo("unauthorized");
            assertThat(e.getType()).isEqualTo("authentication_error");
            assertThat(e.isRetryable()).isFalse();
        }
    }

    @Test
    void noCreditsIs402AndNothingIsCharged() {
        SIM.simulator().setCredits(KEY, 0);
        EvolinkApiException e = apiFailure(client.createTask(generation(), null));
        assertThat(e.getStatusCode()).isEqualTo(402);
        assertThat(e.getCode()).as("the Midjourney pages' 402 example").isEqualTo("insufficient_quota");
        assertThat(e.getType()).isEqualTo("insufficient_quota");
        assertThat(e.isRetryable()).isFalse();
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
    }

    @Test
    void unknownTaskIs404() {
        EvolinkApiException e = apiFailure(client.getTask("task-unified-1-unknown0"));
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getCode()).isEqualTo("task_not_found");
        assertThat(SIM.simulator().journal(Endpoint.TASK_GET)).as("not retried").hasSize(1);
    }

    @Test
    void reusingAKeyForAnotherRequestIs409() throws Exception {
        await(client.createTask(generation(), "order-1-attempt-xyz-000"));
        EvolinkApiException e = apiFailure(client.createTask(
                CreateTaskRequest.builder("mj-v7").prompt("another picture").build(), "order-1-attempt-xyz-000"));
        assertThat(e.getStatusCode()).isEqualTo(409);
        assertThat(e.getCode()).isEqualTo("idempotency_conflict");
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).as("not retried").hasSize(2);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void filesApiErrorsKeepTheirCodeAsAString() {
        EvolinkApiException e = apiFailure(client.uploadBase64("plain text".getBytes(), "text/plain", "a.txt", null));
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo("40002");
        assertThat(e.getType()).isEqualTo("files_error");
        assertThat(e.getMessage()).contains("File type not allowed");
    }

    @Test
    void aNumericErrorCodeIsReadAsAString() throws Exception {
        try (FakeServer server = FakeServer.start()
                .on("GET", "/v1/credits", (x, r) -> FakeServer.json(x, 400,
                        "{\"error\":{\"code\":400,\"message\":\"Invalid request\",\"type\":\"invalid_request_error\"}}",
                        "x-oneapi-request-id", "req-77"));
                EvolinkClient fake = clientOn(server.baseUrl(), KEY, b -> b)) {
            EvolinkApiException e = apiFailure(fake.credits());
            assertThat(e.getCode()).isEqualTo("400");
            assertThat(e.getRequestId()).isEqualTo("req-77");
        }
    }

    @Test
    void aNonJsonErrorBodyKeepsTheStatus() throws Exception {
        try (FakeServer server = FakeServer.start()
                .on("GET", "/v1/credits", (x, r) -> FakeServer.respond(x, 418, "text/html",
                        "<html>teapot</html>".getBytes()));
                EvolinkClient fake = clientOn(server.baseUrl(), KEY, b -> b)) {
            EvolinkApiException e = apiFailure(fake.credits());
            assertThat(e.getStatusCode()).isEqualTo(418);
            assertThat(e.getCode()).isEqualTo("http_418");
            assertThat(e.getMessage()).contains("teapot");
        }
    }

    @Test
    void noServerIsANetworkErrorWithItsCause() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EvolinkClient nowhere = clientOn("http://127.0.0.1:" + port, KEY, b -> b.maxReadRetries(1))) {
            EvolinkApiException e = apiFailure(nowhere.getTask("task-unified-1-abcdefgh"));
            assertThat(e.getStatusCode()).isZero();
            assertThat(e.getCode()).isEqualTo(EvolinkApiException.NETWORK_ERROR);
            assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
            assertThat(e.isRetryable()).isTrue();
        }
    }

    @Test
    void anInvalidIdempotencyKeyIsRejectedBeforeSending() {
        Throwable e = failure(client.createTask(generation(), "short"));
        assertThat(e).isInstanceOf(EvolinkValidationException.class);
        assertThat(((EvolinkValidationException) e).getField()).isEqualTo("Idempotency-Key");
        assertThat(failure(client.createTask(generation(), "has spaces in it, which EvoLink refuses")))
                .isInstanceOf(EvolinkValidationException.class);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).isEmpty();
    }

    @Test
    void blankTaskIdsAndNonHttpDownloadsFailWithoutARequest() {
        assertThat(failure(client.getTask(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThat(failure(client.getTasks(List.of("task-unified-1-abcdefgh", "")))).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(failure(client.download("file:///etc/passwd", 100))).isInstanceOf(IllegalArgumentException.class);
        assertThat(failure(client.download("not a url", 100))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SIM.simulator().journal().entries()).isEmpty();
    }

    @Test
    void aTaskIdCannotLeaveItsPathSegment() {
        EvolinkApiException e = apiFailure(client.getTask("../credits"));
        assertThat(e.getStatusCode()).isIn(400, 404);
        assertThat(SIM.simulator().journal(Endpoint.CREDITS)).isEmpty();
    }
}
