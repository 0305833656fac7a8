package org.camelevolink.component.client;

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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain-Java client over real HTTP against the simulator, with its faults. */
class EvolinkClientTest {

    private static final String KEY = "sk-client-test-key-9f8e7d";

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64).apiKey(KEY, 10_000));

    private EvolinkClient client;

    @BeforeEach
    void setUp() {
        client = client(b -> b);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private EvolinkClient client(java.util.function.UnaryOperator<EvolinkClientConfig.Builder> tune) {
        return EvolinkClient.create(tune.apply(EvolinkClientConfig.builder().apiKey(KEY).baseUrl(SIM.baseUrl())
                .filesBaseUrl(SIM.baseUrl()).backoff(Duration.ofMillis(20), Duration.ofSeconds(3))).build());
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private static CreateTaskRequest generation() {
        return CreateTaskRequest.builder("mj-v7").prompt("a red kite").build();
    }

    @Test
    void createReadBatchAndCredits() throws Exception {
        SubmittedTask submitted = await(client.createTask(generation(), null));
        assertThat(submitted.task().getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(submitted.idempotencyKey()).matches("[A-Za-z0-9._-]{16,96}");
        assertThat(submitted.replayed()).isFalse();
        String id = submitted.task().getId();
        SIM.simulator().completeTask(id);
        EvolinkTask done = await(client.getTask(id));
        assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.getResults()).hasSize(4);
        List<EvolinkTask> batch = await(client.getTasks(List.of(id, "task-unified-1-unknown0")));
        assertThat(batch).extracting(EvolinkTask::getId).containsExactly(id);
        EvolinkCredits credits = await(client.credits());
        assertThat(credits.keyUsed()).isEqualTo(5.4);
        assertThat(credits.keyRemaining()).isEqualTo(10_000 - 5.4);
    }

    @Test
    void batchesOfMoreThanFiftyAreSplit() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(await(client.createTask(generation(), null)).task().getId());
        }
        assertThat(await(client.getTasks(ids))).hasSize(60);
        assertThat(SIM.simulator().journal(Endpoint.TASK_BATCH)).hasSize(2);
    }

    @Test
    void uploadsAndDownload() throws Exception {
        byte[] png = png();
        EvolinkFile b64 = await(client.uploadBase64(png, "image/png", "a.png", "tests"));
        assertThat(b64.fileUrl()).endsWith("/files/tests/a.png");
        EvolinkFile multipart = await(client.uploadMultipart(png, "image/png", "b.png", null));
        assertThat(multipart.size()).isEqualTo(png.length);
        EvolinkFile byUrl = await(client.uploadUrl(b64.fileUrl(), "c.png", null));
        Download download = await(client.download(byUrl.fileUrl(), 1_000_000));
        assertThat(download.bytes()).isEqualTo(png);
        assertThat(download.contentType()).startsWith("image/png");
        Throwable tooBig = failure(client.download(byUrl.fileUrl(), 10));
        assertThat(((EvolinkApiException) tooBig).getCode()).isEqualTo("response_too_large");
    }

    @Test
    void typedErrorsKeepStatusCodeTypeAndParam() {
        EvolinkApiException invalid = (EvolinkApiException) failure(client.createTask(
                CreateTaskRequest.builder("mj-v7-outpaint").modelParam("task_id", "task-unified-1-abcdefgh")
                        .modelParam("scale", 9).build(), null));
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getParam()).isEqualTo("model_params.scale");
        assertThat(invalid.getType()).isEqualTo("invalid_request_error");
        assertThat(invalid.getRequestId()).startsWith("sim-");
        assertThat(invalid.isRetryable()).isFalse();
        EvolinkApiException notFound = (EvolinkApiException) failure(client.getTask("task-unified-1-unknown0"));
        assertThat(notFound.getStatusCode()).isEqualTo(404);
        assertThat(notFound.getCode()).isEqualTo("task_not_found");
        SIM.simulator().setCredits(KEY, 0);
        EvolinkApiException broke = (EvolinkApiException) failure(client.createTask(generation(), null));
        assertThat(broke.getStatusCode()).isEqualTo(402);
        try (EvolinkClient wrong = EvolinkClient.create(EvolinkClientConfig.builder().apiKey("sk-wrong-key-value")
                .baseUrl(SIM.baseUrl()).build())) {
            EvolinkApiException unauthorized = (EvolinkApiException) failure(wrong.credits());
            assertThat(unauthorized.getStatusCode()).isEqualTo(401);
            assertThat(unauthorized.getMessage()).doesNotContain("sk-wrong-key-value");
        }
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
    }

    @Test
    void idempotencyConflictIsTyped() throws Exception {
        await(client.createTask(generation(), "order-1-attempt-xyz-000"));
        EvolinkApiException conflict = (EvolinkApiException) failure(client.createTask(
                CreateTaskRequest.builder("mj-v7").prompt("another").build(), "order-1-attempt-xyz-000"));
        assertThat(conflict.getStatusCode()).isEqualTo(409);
        assertThat(conflict.getCode()).isEqualTo("idempotency_conflict");
    }

    @Test
    void readsAreRetriedOn503502And429ThenSucceed() throws Exception {
        String id = await(client.createTask(generation(), null)).task().getId();
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.HTTP_503), 1)
                .script(Endpoint.TASK_GET, Fault.of(FaultKind.HTTP_502), 1)
                .script(Endpoint.TASK_GET, Fault.rateLimit(1), 1);
        assertThat(await(client.getTask(id)).getId()).isEqualTo(id);
        List<JournalEntry> reads = SIM.simulator().journal(Endpoint.TASK_GET);
        assertThat(reads).hasSize(4);
        long retryAfterGap = reads.get(3).receivedAtMillis() - reads.get(2).receivedAtMillis();
        assertThat(retryAfterGap).as("the retry after 429 waited for Retry-After: 1").isGreaterThanOrEqualTo(900);
    }

    @Test
    void readRetriesAreBoundedAnd500IsNotRetried() {
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 10);
        EvolinkApiException exhausted = (EvolinkApiException) failure(client.credits());
        assertThat(exhausted.getStatusCode()).isEqualTo(503);
        assertThat(SIM.simulator().journal(Endpoint.CREDITS)).hasSize(4); // 1 + 3 retries
        SIM.simulator().faults().clear();
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_500), 1);
        assertThat(((EvolinkApiException) failure(client.credits())).getStatusCode()).isEqualTo(500);
        assertThat(SIM.simulator().journal(Endpoint.CREDITS)).hasSize(5);
    }

    @Test
    void submitLostAfterItTookEffectIsResentWithTheSameKeyAndChargedOnce() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_AFTER), 1);
        SubmittedTask submitted = await(client.createTask(generation(), null));
        assertThat(submitted.replayed()).isTrue();
        List<JournalEntry> creates = SIM.simulator().journal(Endpoint.CREATE);
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0).idempotencyKey()).isEqualTo(creates.get(1).idempotencyKey())
                .isEqualTo(submitted.idempotencyKey());
        assertThat(creates.get(0).taskId()).isEqualTo(submitted.task().getId());
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void submitDroppedBeforeItTookEffectIsResentAndChargedOnce() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_BEFORE), 1)
                .script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_503), 1);
        SubmittedTask submitted = await(client.createTask(generation(), null));
        assertThat(submitted.replayed()).isFalse();
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(3);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void badRequestsAreNeverResent() {
        failure(client.createTask(CreateTaskRequest.builder("mj-v7").build(), null));
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
    }

    @Test
    void malformedAndTruncatedAnswersAreTyped() throws Exception {
        String id = await(client.createTask(generation(), null)).task().getId();
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.MALFORMED_JSON), 1);
        assertThat(((EvolinkApiException) failure(client.getTask(id))).getCode()).isEqualTo("malformed_response");
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.TRUNCATED_JSON), 1);
        assertThat(((EvolinkApiException) failure(client.getTask(id))).getCode()).isEqualTo("malformed_response");
    }

    @Test
    void slowAnswerPastTheResponseTimeoutIsTypedAndRetried() throws Exception {
        try (EvolinkClient impatient = client(b -> b.responseTimeout(Duration.ofMillis(200)).maxReadRetries(1))) {
            SIM.simulator().faults().script(Endpoint.CREDITS, Fault.slow(1500), 2);
            EvolinkApiException timeout = (EvolinkApiException) failure(impatient.credits());
            assertThat(timeout.getCode()).isEqualTo("timeout");
            assertThat(timeout.getStatusCode()).isZero();
            SIM.simulator().faults().script(Endpoint.CREDITS, Fault.slow(1500), 1);
            assertThat(await(impatient.credits()).keyRemaining()).isPositive();
        }
    }

    @Test
    void answerBodiesAreBounded() {
        try (EvolinkClient tiny = client(b -> b.maxResponseBytes(64))) {
            assertThat(((EvolinkApiException) failure(tiny.credits())).getCode()).isEqualTo("response_too_large");
        }
    }

    @Test
    void theKeyNeverShowsInToStringOrErrors() {
        assertThat(client.toString()).doesNotContain(KEY);
        assertThat(client.config().toString()).doesNotContain(KEY);
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_500), 1);
        Throwable t = failure(client.credits());
        assertThat(t.toString()).doesNotContain(KEY);
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
