package org.camelevolink.component.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.component.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;

/**
 * "Never refuse what EvoLink documents": every request example of the docs, collected once with its source in
 * {@code documented-request-examples.json}, passes the component's validation and is accepted by a real simulator
 * over loopback HTTP. An example that needs a source task names the docs' placeholder {@code task-unified-xxx}:
 * the component checks it as written, then against a finished task of the model's family, and the simulator gets
 * that finished task's id. Examples whose inputs the simulator can read (no example.com images, no callback to
 * your-domain.com) are also run to the end: they must complete, not fail.
 */
class DocumentedExamplesTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder()
            .timeScale(0.0005).imageBaseSize(64));

    private static final String PLACEHOLDER = "task-unified-xxx";
    private static final Set<String> FIELDS = Set.of("model", "prompt", "image_urls", "model_params",
            "callback_url", "quality");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-simulator";

    static Stream<Arguments> examples() {
        return load().stream().map(e -> Arguments.of(e.path("name").asText(), e));
    }

    /** The file is the list the test promises: every entry names its source and is a request of a known model. */
    @Test
    void everyExampleNamesItsSourceAndAKnownModel() {
        List<JsonNode> examples = load();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
        for (JsonNode e : examples) {
            assertThat(e.path("name").asText()).isNotBlank();
            assertThat(e.path("source").asText()).as(e.path("name").asText()).isNotBlank();
            e.path("request").fieldNames().forEachRemaining(f -> assertThat(FIELDS).as(e.path("name").asText())
                    .contains(f));
            assertThat(knownModel(e.path("request").path("model").asText())).as(e.path("name").asText()).isTrue();
        }
        assertThat(examples.stream().map(e -> e.path("request").path("model").asText()).distinct())
                .contains("mj-v7", "mj-v7-remove-bg", "mj-v7-upscale", "mj-v7-variation", "mj-v7-inpaint",
                        "mj-v7-outpaint", "mj-v7-pan", "mj-v7-edit", "mj-v7-upload-paint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void acceptedByTheComponentAndTheSimulator(String name, JsonNode example) throws Exception {
        CreateTaskRequest documented = request(example.path("request"));
        assertThatCode(() -> VALIDATOR.validate(documented)).as("the component accepts %s: %s", name, documented)
                .doesNotThrowAnyException();

        CreateTaskRequest sent = documented;
        if (PLACEHOLDER.equals(documented.getModelParams().get("task_id"))) {
            ModelSpec spec = TestRequests.spec(documented.getModel());
            String sourceModel = spec.familyRules().generationModel();
            String sourceId = finished(TestRequests.minimal(sourceModel));
            assertThatCode(() -> VALIDATOR.validateSource(documented, sourceModel, "fast"))
                    .as("the component accepts %s from a %s source", name, sourceModel).doesNotThrowAnyException();
            sent = documented.toBuilder().modelParam("task_id", sourceId).build();
        }

        HttpResponse<String> created = post(sent);
        assertThat(created.statusCode()).as("the simulator answers %s with: %s", JSON.writeValueAsString(sent),
                created.body()).isEqualTo(200);
        String id = JSON.readTree(created.body()).path("id").asText();
        assertThat(id).startsWith("task-unified-");

        if (readableBySimulator(sent)) {
            JsonNode task = terminal(id);
            assertThat(task.path("status").asText()).as("%s ran to: %s", name, task).isEqualTo("completed");
            assertThat(task.path("results")).isNotEmpty();
        }
    }

    /** No input the simulator would fetch from elsewhere and no callback to a host outside the test. */
    private static boolean readableBySimulator(CreateTaskRequest r) {
        String prompt = r.getPrompt() == null ? "" : r.getPrompt();
        return r.getImageUrls().isEmpty() && r.getCallbackUrl() == null && !prompt.contains("://")
                && !(r.getModelParams().get("mask") instanceof Map<?, ?> mask && mask.containsKey("url"));
    }

    private static CreateTaskRequest request(JsonNode r) {
        CreateTaskRequest.Builder b = CreateTaskRequest.builder(r.path("model").asText());
        if (r.has("prompt")) {
            b.prompt(r.get("prompt").asText());
        }
        if (r.has("image_urls")) {
            List<String> urls = new ArrayList<>();
            r.get("image_urls").forEach(u -> urls.add(u.asText()));
            b.imageUrls(urls);
        }
        if (r.has("model_params")) {
            Map<String, Object> params = JSON.convertValue(r.get("model_params"),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            params.forEach(b::modelParam);
        }
        if (r.has("callback_url")) {
            b.callbackUrl(r.get("callback_url").asText());
        }
        if (r.has("quality")) {
            b.quality(r.get("quality").asText());
        }
        return b.build();
    }

    private static boolean knownModel(String model) {
        return TestRequests.CATALOG.find(model).isPresent();
    }

    private static List<JsonNode> load() {
        try (InputStream in = DocumentedExamplesTest.class.getResourceAsStream("documented-request-examples.json")) {
            assertThat(in).as("documented-request-examples.json next to this test").isNotNull();
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).path("examples").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String finished(CreateTaskRequest request) throws IOException, InterruptedException {
        HttpResponse<String> created = post(request);
        assertThat(created.statusCode()).as("source task: %s", created.body()).isEqualTo(200);
        String id = JSON.readTree(created.body()).path("id").asText();
        SIM.simulator().completeTask(id);
        JsonNode task = terminal(id);
        assertThat(task.path("status").asText()).as("source task %s", task).isEqualTo("completed");
        return id;
    }

    /** The task once it has ended, read through the task API. */
    private static JsonNode terminal(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/v1/tasks/" + id))
                    .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode task = JSON.readTree(r.body());
            String status = task.path("status").asText();
            if (status.equals("completed") || status.equals("failed") || System.nanoTime() > deadline) {
                return task;
            }
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> post(CreateTaskRequest request) throws IOException, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/v1/images/generations"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build();
        return HTTP.send(http, HttpResponse.BodyHandlers.ofString());
    }
}
