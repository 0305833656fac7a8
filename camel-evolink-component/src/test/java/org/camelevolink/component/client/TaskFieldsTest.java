package org.camelevolink.component.client;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.store.MVStoreTaskStore;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.generation;

/**
 * Fields EvoLink sends beyond the task schema (evolink-api.md 4: task_info.video_duration, usage.cost, duration,
 * result_data, error.suggestion; 6: fallback_suggestion; 7.1: the files answer's original_name, upload_path,
 * upload_time) reach the caller, typed where documented and in getOtherFields() otherwise, over real HTTP: from
 * the simulator where it sends them (the docs show them), from a loopback server with EvoLink's shapes otherwise.
 */
class TaskFieldsTest {

    private static final String KEY = "sk-task-fields-key-3c2b1a";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(64).apiKey(KEY, 10_000));

    /** A failed task with every field EvoLink's own client reads, and fields nobody knows yet. */
    static final String RICH_TASK = """
            {"created":1757165031,"id":"task-unified-1757165031-rich0001","model":"mj-v7",
             "object":"image.generation.task","progress":100,"status":"failed","type":"image",
             "results":["https://media.evolink.ai/r/0.png"],
             "task_info":{"can_cancel":false,"estimated_time":0,"video_duration":8.5,"queue_hint":"low"},
             "usage":{"billing_rule":"per_call","credits_reserved":5.4,"credits_used":5.4,
                      "cost":{"credits":5.4,"usd":0.079,"cny":0.54},"user_group":"default"},
             "duration":42.25,
             "result_data":[{"result_id":"r0","image_url":"https://media.evolink.ai/r/0.png","duration":3}],
             "error":{"code":"service_error","message":"Internal service error","type":"task_error",
                      "suggestion":"retry later","fallback_suggestion":"retry after 60 seconds"},
             "video_duration":8.5,"request_id":"req-123","region":{"name":"eu","zone":2}}""";

    @Test
    void theSimulatorsDurationAndFileFieldsArrive() throws Exception {
        try (EvolinkClient client = SimulatorExtension.clientOn(SIM.baseUrl(), KEY, b -> b)) {
            String id = await(client.createTask(generation(), null)).task().getId();
            SIM.simulator().completeTask(id);
            EvolinkTask done = await(client.getTask(id));
            assertThat(done.isFinished()).isTrue();
            assertThat(done.getDuration()).isNotNull().isGreaterThanOrEqualTo(0.0);
            assertThat(done.getOtherFields()).as("every field of the simulator's task has a getter").isEmpty();

            EvolinkFile file = await(client.uploadBase64(ClientTests.png(), "image/png", "teapot.png", "shots"));
            assertThat(file.originalName()).isEqualTo("teapot.png");
            assertThat(file.uploadPath()).isEqualTo("shots");
            assertThat(file.uploadTime()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            assertThat(file.otherFields()).isEmpty();
        }
    }

    @Test
    void fieldsBeyondTheSchemaAreTypedOrKept() throws Exception {
        try (FakeServer server = FakeServer.start()
                .on("GET", "/v1/tasks/", (x, r) -> FakeServer.json(x, 200, RICH_TASK));
                EvolinkClient client = SimulatorExtension.clientOn(server.baseUrl(), KEY, b -> b)) {
            EvolinkTask t = await(client.getTask("task-unified-1757165031-rich0001"));
            assertRich(t);
        }
    }

    static void assertRich(EvolinkTask t) {
        assertThat(t.getTaskInfo().videoDuration()).isEqualTo(8.5);
        assertThat(t.getUsage().cost()).isEqualTo(new EvolinkTask.Cost(5.4, 0.079, 0.54));
        assertThat(t.getUsage().creditsUsed()).isEqualTo(5.4);
        assertThat(t.getDuration()).isEqualTo(42.25);
        assertThat(t.getResultData()).isEqualTo(List.of(Map.of("result_id", "r0",
                "image_url", "https://media.evolink.ai/r/0.png", "duration", 3)));
        assertThat(t.getError().suggestion()).isEqualTo("retry later");
        assertThat(t.getError().fallbackSuggestion()).isEqualTo("retry after 60 seconds");
        assertThat(t.getOtherFields()).containsOnlyKeys("video_duration", "request_id", "region")
                .containsEntry("video_duration", 8.5).containsEntry("request_id", "req-123")
                .containsEntry("region", Map.of("name", "eu", "zone", 2));
    }

    /**
     * The MVStore task store keeps a finished task as JSON: after a reopen it has every field, the kept ones too,
     * and a record written by an earlier version (getter-derived status and estimatedTime) still reads.
     */
    @Test
    void theTaskStoreKeepsEveryFieldAcrossAReopen(@TempDir Path dir) throws Exception {
        EvolinkTask task;
        try (FakeServer server = FakeServer.start()
                .on("GET", "/v1/tasks/", (x, r) -> FakeServer.json(x, 200, RICH_TASK));
                EvolinkClient client = SimulatorExtension.clientOn(server.baseUrl(), KEY, b -> b)) {
            task = await(client.getTask("task-unified-1757165031-rich0001"));
        }
        Path file = dir.resolve("tasks.mv");
        MVStoreTaskStore store = new MVStoreTaskStore(file);
        store.start();
        store.save(TaskRecord.submitting("k1", "mj-v7", TaskRecord.Delivery.CONSUMER, null, Map.of(), null, 1)
                .accepted(task.getId(), 2, 1).finished(task, 3));
        store.stop();

        MVStoreTaskStore again = new MVStoreTaskStore(file);
        again.start();
        try {
            EvolinkTask read = again.find("k1").orElseThrow().outcome();
            assertRich(read);
            assertThat(read).isEqualTo(task);
            assertThat(read.getStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(read.getEstimatedTime()).isEqualTo(0.0);
            assertThat(read.getResults()).containsExactly("https://media.evolink.ai/r/0.png");
        } finally {
            again.stop();
        }

        EvolinkTask earlier = new com.fasterxml.jackson.databind.ObjectMapper().readValue("""
                {"id":"task-unified-1-old","model":"mj-v7","status":"COMPLETED","progress":100,
                 "results":["https://x/1.png"],"task_info":{"can_cancel":false,"estimated_time":3.0},
                 "estimatedTime":3.0,"usage":null,"error":null}""", EvolinkTask.class);
        assertThat(earlier.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(earlier.getEstimatedTime()).isEqualTo(3.0);
        assertThat(earlier.getOtherFields()).as("derived, not EvoLink's").isEmpty();
    }

    /** What the component reference promises a route: the fields through Camel's simple language. */
    @Test
    void aRouteReadsThemWithSimpleExpressions() throws Exception {
        EvolinkTask task = new com.fasterxml.jackson.databind.ObjectMapper().readValue(RICH_TASK, EvolinkTask.class);
        try (org.apache.camel.CamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            camel.start();
            org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(camel);
            exchange.getMessage().setBody(task);
            assertThat(simple(camel, exchange, "${body.otherFields[request_id]}")).isEqualTo("req-123");
            assertThat(simple(camel, exchange, "${body.duration}")).isEqualTo("42.25");
            assertThat(simple(camel, exchange, "${body.usage.cost.usd}")).isEqualTo("0.079");
            assertThat(simple(camel, exchange, "${body.taskInfo.videoDuration}")).isEqualTo("8.5");
            assertThat(simple(camel, exchange, "${body.error.fallbackSuggestion}")).isEqualTo("retry after 60 seconds");
        }
    }

    /** A task that fails with suggestions: the route's EvolinkTaskFailedException carries them. */
    @Test
    void aFailedTasksSuggestionsReachTheRoute() throws Exception {
        String created = """
                {"created":1757165031,"id":"task-unified-1757165031-rich0001","model":"mj-v7",
                 "object":"image.generation.task","progress":0,"status":"pending",
                 "task_info":{"can_cancel":true,"estimated_time":0.01},"type":"image",
                 "usage":{"billing_rule":"per_call","credits_reserved":5.4,"user_group":"default"}}""";
        try (FakeServer server = FakeServer.start()
                .on("POST", "/v1/images/generations", (x, r) -> FakeServer.json(x, 200, created))
                .on("GET", "/v1/tasks/", (x, r) -> FakeServer.json(x, 200, RICH_TASK));
                org.apache.camel.CamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            org.camelevolink.component.EvolinkComponent evolink = new org.camelevolink.component.EvolinkComponent();
            evolink.getConfiguration().setApiKey(KEY);
            evolink.getConfiguration().setBaseUrl(server.baseUrl());
            evolink.getConfiguration().setFilesBaseUrl(server.baseUrl());
            evolink.getConfiguration().setAllowInsecureUrls(true);
            evolink.getConfiguration().setMinPollInterval(5);
            evolink.setTaskStore(new org.camelevolink.component.store.InMemoryTaskStore());
            camel.addComponent("evolink", evolink);
            camel.start();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> camel.createProducerTemplate()
                    .requestBody("evolink:mj-v7?prompt=a cat", (Object) null));
            assertThat(thrown).hasCauseInstanceOf(
                    org.camelevolink.component.exceptions.EvolinkTaskFailedException.class);
            var failed = (org.camelevolink.component.exceptions.EvolinkTaskFailedException) thrown.getCause();
            assertThat(failed.getErrorCode()).isEqualTo("service_error");
            assertThat(failed.getSuggestion()).isEqualTo("retry later");
            assertThat(failed.getFallbackSuggestion()).isEqualTo("retry after 60 seconds");
        }
    }

    private static String simple(org.apache.camel.CamelContext camel, org.apache.camel.Exchange exchange,
            String expression) {
        return camel.resolveLanguage("simple").createExpression(expression).evaluate(exchange, String.class);
    }

    @Test
    void filesAnswerFieldsBeyondTheDocumentedOnesAreKept() throws Exception {
        String answer = """
                {"success":true,"code":200,"msg":"File uploaded successfully","data":{"file_id":"file_abc123",
                 "file_name":"photo.png","original_name":"photo.png","file_size":2048,"mime_type":"image/png",
                 "upload_path":"photos","file_url":"https://files.evolink.ai/photos/photo.png",
                 "download_url":"https://files.evolink.ai/api/v1/files/download/file_abc123",
                 "upload_time":"2025-10-09T00:00:00+08:00","expires_at":"2025-10-12T00:00:00+08:00",
                 "checksum":"sha256:00ff","tags":["a","b"]}}""";
        try (FakeServer server = FakeServer.start()
                .on("POST", "/api/v1/files/upload/url", (x, r) -> FakeServer.json(x, 200, answer));
                EvolinkClient client = SimulatorExtension.clientOn(server.baseUrl(), KEY, b -> b)) {
            EvolinkFile f = await(client.uploadUrl("https://example.com/photo.png", null, null));
            assertThat(f.originalName()).isEqualTo("photo.png");
            assertThat(f.uploadPath()).isEqualTo("photos");
            assertThat(f.uploadTime()).isEqualTo("2025-10-09T00:00:00+08:00");
            assertThat(f.size()).isEqualTo(2048);
            assertThat(f.otherFields()).containsOnlyKeys("checksum", "tags").containsEntry("tags", List.of("a", "b"));
            assertThat(f.toString()).contains("file_abc123", "otherFields=2").doesNotContain("sha256");
        }
    }

    /** evolink-api.md 6: the error schema's fallback_suggestion ("retry after 60 seconds" on a 429). */
    @Test
    void anErrorsFallbackSuggestionIsKept() throws Exception {
        try (FakeServer server = FakeServer.start()
                .on("GET", "/v1/credits", (x, r) -> FakeServer.json(x, 403, "{\"error\":{\"code\":403,"
                        + "\"message\":\"Access denied for this model\",\"type\":\"permission_error\",\"param\":"
                        + "\"model\",\"fallback_suggestion\":\"use another model\"}}"));
                EvolinkClient client = SimulatorExtension.clientOn(server.baseUrl(), KEY, b -> b)) {
            EvolinkApiException e = apiFailure(client.credits());
            assertThat(e.getFallbackSuggestion()).isEqualTo("use another model");
            assertThat(e.getMessage()).doesNotContain("use another model");
        }
    }

    /** toString names the task and counts: no link, message, suggestion, cost or value of another field. */
    @Test
    void toStringShowsNoValueOfTheExtraFields() throws Exception {
        String planted = "planted-value-of-another-field-77";
        String secretish = RICH_TASK.replace("req-123", planted);
        try (FakeServer server = FakeServer.start()
                .on("GET", "/v1/tasks/", (x, r) -> FakeServer.json(x, 200, secretish));
                EvolinkClient client = SimulatorExtension.clientOn(server.baseUrl(), KEY, b -> b)) {
            String s = await(client.getTask("task-unified-1757165031-rich0001")).toString();
            assertThat(s).contains("task-unified-1757165031-rich0001", "service_error", "otherFields=3")
                    .doesNotContain(planted, "media.evolink.ai", "retry", "0.079", "eu", "Internal service error");
        }
    }
}
