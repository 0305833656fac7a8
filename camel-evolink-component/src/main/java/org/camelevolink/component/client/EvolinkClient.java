package org.camelevolink.component.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkException;
import org.camelevolink.component.exceptions.EvolinkValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A non-blocking EvoLink API client on Apache HttpClient 5's async client. Every call returns a future and holds
 * no thread while it waits. Reads are retried on 429, 502, 503 and network errors with backoff honouring
 * Retry-After; a paid submit always carries an {@code Idempotency-Key} and is only ever re-sent with that key.
 * Every answer body is read within a bound. Failures are {@link EvolinkApiException}s (status, code, type, param,
 * request id); none of them, nor any log line or {@code toString()}, shows the API key.
 * <p>
 * The returned futures complete on the client's single I/O thread: work chained on them must not block (use the
 * {@code ...Async} variants with an executor of your own for that), or every call of this client waits behind it.
 */
public final class EvolinkClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvolinkClient.class);

    private final EvolinkClientConfig config;
    private final JsonCodec json;
    private final HttpTransport transport;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Retrier retrier;
    private final BatchReads batchReads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EvolinkClient(EvolinkClientConfig config) {
        this.config = config;
        this.json = new JsonCodec(new Redactor(config.apiKey()));
        this.ownsScheduler = config.scheduler() == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evolink-client-retry");
            t.setDaemon(true);
            return t;
        }) : config.scheduler();
        this.transport = new HttpTransport(config, json.errors());
        this.retrier = new Retrier(scheduler, json.errors(), config.events());
        this.batchReads = new BatchReads(this::readBatch, this::getTask);
    }

    public static EvolinkClient create(EvolinkClientConfig config) {
        warnIfHeadersAreLogged();
        return new EvolinkClient(Objects.requireNonNull(config, "config"));
    }

    /**
     * HttpClient 5 prints every request header, Authorization included, when these loggers are at DEBUG. That is
     * the user's logging configuration, not ours to change, but it would put the API key in the logs: say so.
     */
    private static void warnIfHeadersAreLogged() {
        for (String name : new String[] {"org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire"}) {
            if (LoggerFactory.getLogger(name).isDebugEnabled()) {
                LOG.warn("Logger {} is at DEBUG or finer: it prints HTTP request headers, including the EvoLink API "
                        + "key in Authorization. Set it to INFO or coarser.", name);
            }
        }
    }

    public EvolinkClientConfig config() {
        return config;
    }

    // ---- tasks ----------------------------------------------------------------------------------------------------

    /**
     * Submits a paid task ({@code POST /v1/images/generations}). {@code idempotencyKey} null: a new key is made.
     * Either way every re-send of this call (after a lost answer, 429, 502 or 503, at most
     * {@link EvolinkClientConfig#maxSubmitRetries()}) carries the same key, so EvoLink charges at most once; a
     * key that breaks EvoLink's format fails the future with an {@link EvolinkValidationException}, unsent.
     */
    public CompletableFuture<SubmittedTask> createTask(CreateTaskRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        String key = idempotencyKey != null ? idempotencyKey : IdempotencyKey.generate();
        if (!IdempotencyKey.isValid(key)) {
            return CompletableFuture.failedFuture(new EvolinkValidationException(request.getModel(),
                    "Idempotency-Key", "must be 16 to 96 characters of A-Z, a-z, 0-9, '.', '_' or '-'"));
        }
        byte[] body;
        try {
            body = json.write(request);
        } catch (EvolinkException e) {
            return CompletableFuture.failedFuture(e);
        }
        String path = "/v1/images/generations";
        Supplier<AsyncRequestProducer> post = () -> api(AsyncRequestBuilder.post(config.baseUrl() + path))
                .addHeader("Idempotency-Key", key).setEntity(jsonEntity(body)).build();
        return retrier.run("POST " + path, () -> send(post.get()), config.maxSubmitRetries(), config.readRetry())
                .thenApply(r -> new SubmittedTask(task(r), key,
                        "true".equalsIgnoreCase(r.header("idempotency-replayed"))));
    }

    /** {@code GET /v1/tasks/{id}}. */
    public CompletableFuture<EvolinkTask> getTask(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            // a blank id would read GET /v1/tasks/, the task list, as if it were a task
            return CompletableFuture.failedFuture(new IllegalArgumentException("a task id is required"));
        }
        String path = "/v1/tasks/" + pathSegment(taskId);
        return read("GET " + path, () -> api(AsyncRequestBuilder.get(config.baseUrl() + path)).build())
                .thenApply(this::task);
    }

    /**
     * Reads many tasks, 50 per {@code POST /v1/tasks/batch}; tasks the server does not know are absent, and the
     * order is the server's. A server without the batch endpoint (404 or 405) is remembered and read one task at a
     * time from then on.
     */
    public CompletableFuture<List<EvolinkTask>> getTasks(Collection<String> taskIds) {
        Objects.requireNonNull(taskIds, "taskIds");
        if (taskIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("task ids must not be blank"));
        }
        return batchReads.read(taskIds);
    }

    /** True once this client has found that the server has no batch endpoint. */
    public boolean isBatchReadUnsupported() {
        return batchReads.isBatchUnsupported();
    }

    private CompletableFuture<List<EvolinkTask>> readBatch(List<String> ids) {
        String path = "/v1/tasks/batch";
        byte[] body = json.write(Map.of("task_ids", ids));
        return read("POST " + path, () -> api(AsyncRequestBuilder.post(config.baseUrl() + path))
                .setEntity(jsonEntity(body)).build()).thenApply(this::tasks);
    }

    private EvolinkTask task(HttpResult r) {
        EvolinkTask task = json.read(r, EvolinkTask.class);
        if (task.getId() == null) {
            throw json.errors().malformed(r, null);
        }
        return task;
    }

    private List<EvolinkTask> tasks(HttpResult r) {
        return tasks(json, r);
    }

    /** The tasks of a batch answer; an entry that is no task ({@code null}, or without an id) is skipped. */
    static List<EvolinkTask> tasks(JsonCodec json, HttpResult r) {
        JsonNode data = json.object(r).get("data");
        if (data == null || !data.isArray()) {
            throw json.errors().malformed(r, null);
        }
        List<EvolinkTask> out = new ArrayList<>();
        for (JsonNode t : data) {
            EvolinkTask task = json.convert(t, EvolinkTask.class, r);
            if (task != null && task.getId() != null) {
                out.add(task);
            }
        }
        return out;
    }

    // ---- account --------------------------------------------------------------------------------------------------

    /** {@code GET /v1/credits}: this key's and the account's credits. Cheap: fit for a health check. */
    public CompletableFuture<EvolinkCredits> credits() {
        String path = "/v1/credits";
        return read("GET " + path, () -> api(AsyncRequestBuilder.get(config.baseUrl() + path)).build())
                .thenApply(r -> {
                    JsonNode data = json.object(r).get("data");
                    if (data == null || !data.isObject()) {
                        throw json.errors().malformed(r, null);
                    }
                    JsonNode token = data.path("token");
                    JsonNode user = data.path("user");
                    return new EvolinkCredits(token.path("remaining_credits").asDouble(),
                            token.path("used_credits").asDouble(), token.path("unlimited_credits").asBoolean(),
                            user.path("remaining_credits").asDouble(), user.path("used_credits").asDouble());
                });
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    /**
     * {@code POST /api/v1/files/upload/base64}: the bytes as a data URL in JSON. {@code fileName} and
     * {@code uploadPath} may be null (EvoLink then names and files it itself).
     */
    public CompletableFuture<EvolinkFile> uploadBase64(byte[] data, String mimeType, String fileName,
            String uploadPath) {
        Objects.requireNonNull(data, "data");
        Map<String, Object> body = fileFields(fileName, uploadPath);
        body.put("base64_data", "data:" + mimeType(mimeType) + ";base64," + Base64.getEncoder().encodeToString(data));
        return upload("/api/v1/files/upload/base64", json.write(body), ContentType.APPLICATION_JSON);
    }

    /** {@code POST /api/v1/files/upload/stream}: the bytes as the multipart/form-data field {@code file}. */
    public CompletableFuture<EvolinkFile> uploadMultipart(byte[] data, String mimeType, String fileName,
            String uploadPath) {
        Objects.requireNonNull(data, "data");
        String type = mimeType(mimeType);
        MultipartBody multipart = new MultipartBody();
        multipart.file("file", fileName == null ? "upload" + ImageTypes.extension(type).map(e -> "." + e).orElse("") : fileName, type, data);
        if (fileName != null) {
            multipart.field("file_name", fileName);
        }
        if (uploadPath != null) {
            multipart.field("upload_path", uploadPath);
        }
        return upload("/api/v1/files/upload/stream", multipart.bytes(), multipart.contentType());
    }

    /** {@code POST /api/v1/files/upload/url}: EvoLink fetches a public http(s) URL itself. */
    public CompletableFuture<EvolinkFile> uploadUrl(String fileUrl, String fileName, String uploadPath) {
        Objects.requireNonNull(fileUrl, "fileUrl");
        Map<String, Object> body = fileFields(fileName, uploadPath);
        body.put("file_url", fileUrl);
        return upload("/api/v1/files/upload/url", json.write(body), ContentType.APPLICATION_JSON);
    }

    /** Uploads are not paid and a second copy is harmless, so they are retried like reads. */
    private CompletableFuture<EvolinkFile> upload(String path, byte[] body, ContentType type) {
        return read("POST " + path, () -> api(AsyncRequestBuilder.post(config.filesBaseUrl() + path))
                .setEntity(AsyncEntityProducers.create(body, type)).build())
                .thenApply(r -> FileAnswer.read(r, json));
    }

    // ---- downloads ------------------------------------------------------------------------------------------------

    /**
     * GETs a result link (http or https) within {@code maxBytes}, retried like a read. The API key is sent only to
     * the hosts of {@code baseUrl} and {@code filesBaseUrl}, never to a result host. A redirect is not followed: it
     * fails like any other non-2xx answer.
     */
    public CompletableFuture<Download> download(String url, long maxBytes) {
        URI uri = HttpUrls.http(url).orElse(null);
        if (uri == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not an http(s) URL: "
                    + Hosts.withoutQuery(url)));
        }
        if (maxBytes < 1) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("maxBytes must be positive"));
        }
        boolean ownHost = Hosts.sameOrigin(uri, config.baseUrl()) || Hosts.sameOrigin(uri, config.filesBaseUrl());
        Supplier<AsyncRequestProducer> get = () -> {
            AsyncRequestBuilder b = AsyncRequestBuilder.get(uri);
            return (ownHost ? api(b) : b).build();
        };
        return retrier.run("GET " + Hosts.withoutQuery(url), () -> transport.send(get.get(), maxBytes),
                config.readRetry().maxRetries(), config.readRetry())
                .thenApply(r -> {
                    config.events().downloaded(r.body().length);
                    return new Download(r.body(), r.contentType());
                });
    }

    /**
     * Stops the I/O reactor and, when the client made it, the retry thread. Calls still running end with
     * {@code client_closed} (or the failure closing caused) rather than never.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        retrier.close(HttpTransport.closedError());
        transport.close();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "EvolinkClient[" + config.baseUrl() + "]";
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    private CompletableFuture<HttpResult> read(String what, Supplier<AsyncRequestProducer> request) {
        return retrier.run(what, () -> send(request.get()), config.readRetry().maxRetries(), config.readRetry());
    }

    private CompletableFuture<HttpResult> send(AsyncRequestProducer request) {
        return transport.send(request, config.maxResponseBytes());
    }

    private AsyncRequestBuilder api(AsyncRequestBuilder b) {
        return b.addHeader("Authorization", "Bearer " + config.apiKey()).addHeader("Accept", "application/json");
    }

    private static AsyncEntityProducer jsonEntity(byte[] body) {
        return AsyncEntityProducers.create(body, ContentType.APPLICATION_JSON);
    }


    /** Task ids are {@code task-unified-...}; anything else is escaped so it cannot leave its path segment. */
    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Object> fileFields(String fileName, String uploadPath) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (fileName != null) {
            body.put("file_name", fileName);
        }
        if (uploadPath != null) {
            body.put("upload_path", uploadPath);
        }
        return body;
    }

    private static String mimeType(String mimeType) {
        return mimeType == null || mimeType.isBlank() ? "application/octet-stream" : mimeType;
    }

}
