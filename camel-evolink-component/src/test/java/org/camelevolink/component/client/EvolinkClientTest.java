package org.camelevolink.component.client;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.generation;
import static org.camelevolink.component.client.ClientTests.png;

/** Every call of the client, answered normally, over real HTTP against the simulator. */
class EvolinkClientTest {

    private static final String KEY = "sk-client-test-key-9f8e7d";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64).apiKey(KEY, 10_000));

    private EvolinkClient client;

    @BeforeEach
    void setUp() {
        client = SIM.client(KEY, b -> b.userAgent("client-test/1.0"));
    }

    @Test
    void createThenReadOneAndMany() throws Exception {
        SubmittedTask submitted = await(client.createTask(generation(), null));
        assertThat(submitted.task().getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(submitted.task().getModel()).isEqualTo("mj-v7");
        assertThat(submitted.replayed()).isFalse();
        String id = submitted.task().getId();
        assertThat(id).startsWith("task-unified-");

        SIM.simulator().completeTask(id);
        EvolinkTask done = await(client.getTask(id));
        assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.getProgress()).isEqualTo(100);
        assertThat(done.getResults()).hasSize(4);

        List<EvolinkTask> batch = await(client.getTasks(List.of(id, "task-unified-1-unknown0", id)));
        assertThat(batch).extracting(EvolinkTask::getId).containsExactly(id);
        assertThat(SIM.simulator().journal(Endpoint.TASK_BATCH)).hasSize(1);
        assertThat(await(client.getTasks(List.of()))).isEmpty();
    }

    @Test
    void submitCarriesJsonBearerKeyUserAgentAndAGeneratedIdempotencyKey() throws Exception {
        SubmittedTask submitted = await(client.createTask(generation(), null));
        assertThat(submitted.idempotencyKey()).matches("^[A-Za-z0-9._-]{16,96}$");
        JournalEntry sent = SIM.simulator().journal(Endpoint.CREATE).get(0);
        assertThat(sent.idempotencyKey()).isEqualTo(submitted.idempotencyKey());
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        assertThat(sent.header("Authorization")).startsWith("Bearer ").isEqualTo("Bearer " + JournalEntry.mask(KEY));
        assertThat(sent.header("User-Agent")).isEqualTo("client-test/1.0");
        assertThat(sent.body()).contains("\"model\":\"mj-v7\"", "\"prompt\":\"a red kite over the dunes\"");

        String another = await(client.createTask(generation(), null)).idempotencyKey();
        assertThat(another).as("a fresh key per call").isNotEqualTo(submitted.idempotencyKey());
    }

    @Test
    void theCallersIdempotencyKeyIsUsedAndASecondSubmitWithItIsAReplay() throws Exception {
        SubmittedTask first = await(client.createTask(generation(), "order-42.line-1_attempt"));
        SubmittedTask again = await(client.createTask(generation(), "order-42.line-1_attempt"));
        assertThat(first.idempotencyKey()).isEqualTo("order-42.line-1_attempt");
        assertThat(again.replayed()).isTrue();
        assertThat(again.task().getId()).isEqualTo(first.task().getId());
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void batchesOfMoreThanFiftyAreSplit() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(await(client.createTask(generation(), null)).task().getId());
        }
        assertThat(await(client.getTasks(ids))).extracting(EvolinkTask::getId).containsExactlyInAnyOrderElementsOf(ids);
        List<JournalEntry> batches = SIM.simulator().journal(Endpoint.TASK_BATCH);
        assertThat(batches).hasSize(3);
        assertThat(batches).allSatisfy(b -> assertThat(b.body().split("task-unified-").length - 1)
                .isLessThanOrEqualTo(50));
        assertThat(client.isBatchReadUnsupported()).isFalse();
    }

    @Test
    void credits() throws Exception {
        await(client.createTask(generation(), null));
        EvolinkCredits credits = await(client.credits());
        assertThat(credits.keyUsed()).isEqualTo(5.4);
        assertThat(credits.keyRemaining()).isEqualTo(10_000 - 5.4);
        assertThat(credits.accountRemaining()).isPositive();
    }

    @Test
    void everyUploadThenDownload() throws Exception {
        byte[] png = png();
        EvolinkFile b64 = await(client.uploadBase64(png, "image/png", "a.png", "tests"));
        assertThat(b64.fileUrl()).endsWith("/files/tests/a.png");
        assertThat(b64.fileId()).isNotBlank();
        assertThat(b64.mimeType()).isEqualTo("image/png");
        assertThat(b64.size()).isEqualTo(png.length);
        assertThat(b64.expiresAt()).isNotBlank();
        assertThat(b64.downloadUrl()).contains(b64.fileId());

        EvolinkFile multipart = await(client.uploadMultipart(png, "image/png", "b.png", "parts"));
        assertThat(multipart.fileName()).isEqualTo("b.png");
        assertThat(multipart.fileUrl()).endsWith("/files/parts/b.png");
        assertThat(multipart.size()).isEqualTo(png.length);
        assertThat(SIM.simulator().journal(Endpoint.FILES).get(1).header("Content-Type"))
                .startsWith("multipart/form-data; boundary=");

        EvolinkFile unnamed = await(client.uploadMultipart(png, "image/png", null, null));
        assertThat(unnamed.fileUrl()).endsWith(".png");

        EvolinkFile byUrl = await(client.uploadUrl(b64.fileUrl(), "c.png", null));
        assertThat(byUrl.size()).isEqualTo(png.length);

        Download download = await(client.download(byUrl.fileUrl(), 1_000_000));
        assertThat(download.bytes()).isEqualTo(png);
        assertThat(download.contentType()).startsWith("image/png");
        assertThat(await(client.download(byUrl.downloadUrl(), 1_000_000)).bytes()).isEqualTo(png);
    }

    @Test
    void resultImagesOfACompletedTaskDownload() throws Exception {
        String id = await(client.createTask(generation(), null)).task().getId();
        SIM.simulator().completeTask(id);
        EvolinkTask done = await(client.getTask(id));
        Download first = await(client.download(done.getResults().get(0), 5_000_000));
        assertThat(first.contentType()).startsWith("image/");
        assertThat(first.bytes()).isEqualTo(SIM.simulator().resultImage(id, 0));
    }
}
