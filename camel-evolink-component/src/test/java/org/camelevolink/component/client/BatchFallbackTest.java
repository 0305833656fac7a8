package org.camelevolink.component.client;

import com.sun.net.httpserver.HttpExchange;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.SimulatorExtension.clientOn;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.generation;

/**
 * A gateway without {@code POST /v1/tasks/batch}: a fake server answers 404 or 405 there and passes single reads
 * through to the simulator. The client falls back to single reads, and remembers it.
 */
class BatchFallbackTest {

    private static final String KEY = "sk-batch-test-key-d4f0";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    private final HttpClient passThrough = HttpClient.newHttpClient();
    private EvolinkClient direct;
    private String first;
    private String second;

    @BeforeEach
    void setUp() throws Exception {
        direct = SIM.client(KEY, b -> b);
        first = await(direct.createTask(generation(), null)).task().getId();
        second = await(direct.createTask(generation(), null)).task().getId();
    }

    @Test
    void a404ToBatchFallsBackToSingleReadsAndIsRemembered() throws Exception {
        try (FakeServer gateway = gateway(404); EvolinkClient client = clientOn(gateway.baseUrl(), KEY, b -> b)) {
            List<EvolinkTask> tasks = await(client.getTasks(List.of(first, second, "task-unified-1-unknown0")));
            assertThat(tasks).extracting(EvolinkTask::getId).containsExactlyInAnyOrder(first, second);
            assertThat(client.isBatchReadUnsupported()).isTrue();
            assertThat(gateway.requests("POST", "/v1/tasks/batch")).hasSize(1);
            assertThat(gateway.requests("GET", "/v1/tasks/")).hasSize(3);

            assertThat(await(client.getTasks(List.of(first)))).extracting(EvolinkTask::getId).containsExactly(first);
            assertThat(gateway.requests("POST", "/v1/tasks/batch")).as("not asked again").hasSize(1);
            assertThat(gateway.requests("GET", "/v1/tasks/")).hasSize(4);
            assertThat(SIM.simulator().journal(Endpoint.TASK_GET)).hasSize(4);
        }
    }

    @Test
    void a405ToBatchFallsBackToo() throws Exception {
        try (FakeServer gateway = gateway(405); EvolinkClient client = clientOn(gateway.baseUrl(), KEY, b -> b)) {
            assertThat(await(client.getTasks(List.of(first, second)))).hasSize(2);
            assertThat(client.isBatchReadUnsupported()).isTrue();
        }
    }

    @Test
    void theFallbackIsPerClient() throws Exception {
        try (FakeServer gateway = gateway(404); EvolinkClient client = clientOn(gateway.baseUrl(), KEY, b -> b)) {
            await(client.getTasks(List.of(first)));
            assertThat(client.isBatchReadUnsupported()).isTrue();
            await(direct.getTasks(List.of(first)));
            assertThat(direct.isBatchReadUnsupported()).isFalse();
            assertThat(SIM.simulator().journal(Endpoint.TASK_BATCH)).hasSize(1);
        }
    }

    @Test
    void otherBatchErrorsAreErrorsNotAFallback() throws Exception {
        try (FakeServer gateway = gateway(500); EvolinkClient client = clientOn(gateway.baseUrl(), KEY, b -> b)) {
            assertThat(apiFailure(client.getTasks(List.of(first))).getStatusCode()).isEqualTo(500);
            assertThat(client.isBatchReadUnsupported()).isFalse();
            assertThat(gateway.requests("GET", "/v1/tasks/")).isEmpty();
        }
    }

    /** Answers {@code batchStatus} to the batch endpoint and relays single reads to the simulator. */
    private FakeServer gateway(int batchStatus) throws IOException {
        return FakeServer.start()
                .on("POST", "/v1/tasks/batch", (x, r) -> FakeServer.json(x, batchStatus,
                        "{\"error\":{\"code\":\"not_found\",\"message\":\"no such route\"}}"))
                .on("GET", "/v1/tasks/", this::relay);
    }

    private void relay(HttpExchange exchange, FakeServer.Request request) throws IOException {
        try {
            HttpResponse<byte[]> answer = passThrough.send(HttpRequest.newBuilder(URI.create(SIM.baseUrl()
                    + request.uri())).header("Authorization", request.header("Authorization")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            FakeServer.respond(exchange, answer.statusCode(), "application/json", answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
