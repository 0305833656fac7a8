package org.camelevolink.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.catalog.NormalizedRequest;
import org.camelevolink.component.catalog.RequestNormalizer;
import org.camelevolink.component.catalog.RequestValidator;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.client.EvolinkTask;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The component's per-task hot paths, with what the hand-written route does per read (a JsonPath lookup of the
 * status) as the reference. Through public API only: the JSON steps use a Jackson mapper set up as the client's
 * (package-private) codec is, unknown fields ignored and trailing tokens refused, on the client's own DTOs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmarks {

    static final String COMPLETED_TASK = """
            {"id":"task-unified-1757156493-abcd1234","object":"image.generation.task","created":1757156493,
             "model":"mj-v7","status":"completed","progress":100,"type":"image",
             "results":["https://files.example.invalid/a/0.png","https://files.example.invalid/a/1.png",
                        "https://files.example.invalid/a/2.png","https://files.example.invalid/a/3.png"],
             "task_info":{"can_cancel":false,"estimated_time":45},
             "usage":{"billing_rule":"per_call","credits_reserved":8.0,"user_group":"default"}}
            """;

    private final ModelCatalog catalog = ModelCatalog.load();
    private final RequestValidator validator = new RequestValidator(catalog);
    private final RequestNormalizer normalizer = new RequestNormalizer(catalog);
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    private final CreateTaskRequest request = CreateTaskRequest.builder("mj-v7")
            .prompt("a lighthouse at dusk --ar 16:9 --stylize 250").modelParam("speed", "fast").build();
    private final byte[] completedTask = COMPLETED_TASK.getBytes(StandardCharsets.UTF_8);

    /** Checks a request against the model catalog and applies its defaults: done once per submit. */
    @Benchmark
    public NormalizedRequest validateAndNormalize() {
        validator.validate(request);
        return normalizer.normalize(request);
    }

    /** The create request's JSON: once per submit. */
    @Benchmark
    public byte[] writeCreateRequest() throws IOException {
        return json.writeValueAsBytes(request);
    }

    /** A completed task's answer to a typed task: once per read. */
    @Benchmark
    public EvolinkTask readTask() throws IOException {
        return json.readValue(completedTask, EvolinkTask.class);
    }

    /** Reference: the hand-written route's {@code jsonpath("$.status")} on the same answer, once per read. */
    @Benchmark
    public Object jsonPathStatusReference() {
        return JsonPath.read(new String(completedTask, StandardCharsets.UTF_8), "$.status");
    }
}
