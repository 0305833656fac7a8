package org.camelevolink.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small real-HTTP client for the simulator's tests: every test goes over loopback, nothing is mocked. */
public final class SimHttp {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response with its body parsed when it is JSON. */
    public record Answer(int status, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(raw.body()), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public byte[] bytes() {
            return raw.body();
        }

        /** {@code error.param} of an error envelope. */
        public String param() {
            return json().at("/error/param").asText(null);
        }

        public String code() {
            return json().at("/error/code").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public SimHttp(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public SimHttp(EvolinkSimulator sim) {
        this(sim.baseUrl(), SimulatorConfig.DEFAULT_API_KEY);
    }

    public SimHttp withKey(String otherKey) {
        return new SimHttp(baseUrl, otherKey);
    }

    public Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        byte[] bytes = body instanceof byte[] b ? b : body instanceof String s ? s.getBytes() : json(body);
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(b::header);
        return send(b.build());
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    public Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** A generation request; returns the create answer. */
    public Answer create(Map<String, Object> body) {
        return post("/v1/images/generations", body);
    }

    /** Polls until the task is completed or failed (the simulator runs on a small time scale in tests). */
    public JsonNode awaitTerminal(String taskId) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode task = get("/v1/tasks/" + taskId).json();
            String status = task.path("status").asText();
            if (status.equals("completed") || status.equals("failed")) {
                return task;
            }
            sleep(5);
        }
        throw new AssertionError("task " + taskId + " did not finish in 20 s");
    }

    /** Creates a task, waits for it and returns its final detail. */
    public JsonNode run(Map<String, Object> body) {
        Answer created = create(body);
        if (created.status() != 200) {
            throw new AssertionError("create answered " + created.status() + ": " + new String(created.bytes()));
        }
        return awaitTerminal(created.json().get("id").asText());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
