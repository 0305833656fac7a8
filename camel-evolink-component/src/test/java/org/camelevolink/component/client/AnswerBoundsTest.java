package org.camelevolink.component.client;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.SimulatorExtension.clientOn;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.generation;

/** Answers the client cannot use (broken JSON, too slow, too big) end in a typed error, never a hang. */
class AnswerBoundsTest {

    private static final String KEY = "sk-bounds-test-key-8e41";
    private static final long BIG = 64L * 1024 * 1024;

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    private EvolinkClient client;

    @BeforeEach
    void setUp() {
        client = SIM.client(KEY, b -> b);
    }

    @Test
    void malformedAndTruncatedJsonAreMalformedResponses() throws Exception {
        String id = await(client.createTask(generation(), null)).task().getId();
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.MALFORMED_JSON), 1);
        EvolinkApiException malformed = apiFailure(client.getTask(id));
        assertThat(malformed.getCode()).isEqualTo(EvolinkApiException.MALFORMED_RESPONSE);
        assertThat(malformed.getStatusCode()).isEqualTo(200);
        assertThat(malformed.isRetryable()).isFalse();

        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.TRUNCATED_JSON), 1);
        assertThat(apiFailure(client.getTask(id)).getCode()).isEqualTo(EvolinkApiException.MALFORMED_RESPONSE);
        SIM.simulator().faults().script(Endpoint.TASK_BATCH, Fault.of(FaultKind.TRUNCATED_JSON), 1);
        assertThat(apiFailure(client.getTasks(java.util.List.of(id))).getCode())
                .isEqualTo(EvolinkApiException.MALFORMED_RESPONSE);
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.MALFORMED_JSON), 1);
        assertThat(apiFailure(client.credits()).getCode()).isEqualTo(EvolinkApiException.MALFORMED_RESPONSE);
        SIM.simulator().faults().script(Endpoint.FILES, Fault.of(FaultKind.TRUNCATED_JSON), 1);
        assertThat(apiFailure(client.uploadBase64(ClientTests.png(), "image/png", null, null)).getCode())
                .isEqualTo(EvolinkApiException.MALFORMED_RESPONSE);
    }

    @Test
    void jsonOfTheWrongShapeIsMalformedToo() throws Exception {
        try (FakeServer server = FakeServer.start()
                .on("GET", "/v1/tasks/", (x, r) -> FakeServer.json(x, 200, "[1,2,3]"))
                .on("GET", "/v1/credits", (x, r) -> FakeServer.json(x, 200, "{\"success\":true}"))
                .on("POST", "/v1/tasks/batch", (x, r) -> FakeServer.json(x, 200, "{\"data\":\"none\"}"))
                .on("POST", "/api/v1/files/upload/url", (x, r) -> FakeServer.json(x, 200,
                        "{\"success\":false,\"code\":40004,\"msg\":\"URL download failed\"}"));
                EvolinkClient fake = clientOn(server.baseUrl(), KEY, b -> b)) {
            assertThat(apiFailure(fake.getTask("task-unified-1-abcdefgh")).getCode()).isEqualTo("malformed_response");
            assertThat(apiFailure(fake.credits()).getCode()).isEqualTo("malformed_response");
            assertThat(apiFailure(fake.getTasks(java.util.List.of("task-unified-1-abcdefgh"))).getCode())
                    .isEqualTo("malformed_response");
            EvolinkApiException refused = apiFailure(fake.uploadUrl("https://example.com/a.png", null, null));
            assertThat(refused.getCode()).as("a files-API refusal inside a 200").isEqualTo("40004");
            assertThat(refused.getMessage()).contains("URL download failed");
        }
    }

    @Test
    void anAnswerSlowerThanTheResponseTimeoutIsATimeoutAndIsRetried() throws Exception {
        try (EvolinkClient impatient = SIM.client(KEY,
                b -> b.responseTimeout(Duration.ofMillis(200)).maxReadRetries(1))) {
            SIM.simulator().faults().script(Endpoint.CREDITS, Fault.slow(1500), 2);
            EvolinkApiException timeout = apiFailure(impatient.credits());
            assertThat(timeout.getCode()).isEqualTo(EvolinkApiException.TIMEOUT);
            assertThat(timeout.getStatusCode()).isZero();
            assertThat(timeout.isRetryable()).isTrue();
            assertThat(SIM.simulator().journal(Endpoint.CREDITS)).hasSize(2);

            SIM.simulator().faults().script(Endpoint.CREDITS, Fault.slow(1500), 1);
            assertThat(await(impatient.credits()).keyRemaining()).isPositive();
        }
    }

    @Test
    void aBodyAboveTheBoundIsResponseTooLarge() {
        try (EvolinkClient tiny = SIM.client(KEY, b -> b.maxResponseBytes(64))) {
            EvolinkApiException e = apiFailure(tiny.credits());
            assertThat(e.getCode()).isEqualTo(EvolinkApiException.RESPONSE_TOO_LARGE);
            assertThat(e.getStatusCode()).isZero();
            assertThat(e.isRetryable()).isFalse();
            assertThat(SIM.simulator().journal(Endpoint.CREDITS)).as("not retried").hasSize(1);
        }
    }

    @Test
    void readingStopsAtTheBoundOfAnEndlessBody() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        try (FakeServer server = FakeServer.start().on("GET", "/v1/credits", (x, r) -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, 0); // chunked: no length announced, the client finds out by reading
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = x.getResponseBody()) {
                while (written.get() < BIG) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException expected) {
                // the client hung up
            } finally {
                serverDone.countDown();
            }
        }); EvolinkClient bounded = clientOn(server.baseUrl(), KEY, b -> b.maxResponseBytes(100_000))) {
            assertThat(apiFailure(bounded.credits()).getCode()).isEqualTo(EvolinkApiException.RESPONSE_TOO_LARGE);
            assertThat(serverDone.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(written.get()).as("bytes the server could write before the client hung up")
                    .isLessThan(BIG / 2);
        }
    }

    @Test
    void anAnnouncedLengthAboveTheBoundIsRefusedBeforeReading() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        try (FakeServer server = FakeServer.start().on("GET", "/big.png", (x, r) -> {
            x.getResponseHeaders().set("Content-Type", "image/png");
            x.sendResponseHeaders(200, BIG);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = x.getResponseBody()) {
                while (written.get() < BIG) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException expected) {
                // the client hung up
            } finally {
                serverDone.countDown();
            }
        })) {
            EvolinkApiException e = apiFailure(client.download(server.baseUrl() + "/big.png", 1_000_000));
            assertThat(e.getCode()).isEqualTo(EvolinkApiException.RESPONSE_TOO_LARGE);
            assertThat(serverDone.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(written.get()).isLessThan(BIG / 2);
        }
    }
}
