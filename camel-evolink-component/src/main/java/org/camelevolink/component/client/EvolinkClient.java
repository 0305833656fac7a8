package org.camelevolink.component.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A non-blocking EvoLink API client on Apache HttpClient 5's async client. Every call returns a future and holds
 * no thread while it waits. Reads are retried on 429, 502, 503 and network errors with backoff honouring
 * Retry-After; a paid submit always carries an {@code Idempotency-Key} and is only ever re-sent with that key.
 * Every answer body is read within {@link EvolinkClientConfig#maxResponseBytes()}.
 */
public final class EvolinkClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvolinkClient.class);
    private static final int MAX_BATCH = 50;

    private final EvolinkClientConfig config;
    private final CloseableHttpAsyncClient http;
    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);
    private final ErrorDecoder errors = new ErrorDecoder(mapper);
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final AtomicBoolean batchUnsupported = new AtomicBoolean();
    private final Retrier retrier;

    private EvolinkClient(EvolinkClientConfig config) {
        this.config = config;
        this.ownsScheduler = config.scheduler() == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evolink-client-retry");
            t.setDaemon(true);
            return t;
        }) : config.scheduler();
        this.http = httpClient(config);
        this.http.start();
        this.retrier = new Retrier(scheduler, errors);
    }

    public static EvolinkClient create(EvolinkClientConfig config) {
        warnIfHeadersAreLogged();
        return new EvolinkClient(config);
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
     * Submits a paid task. {@code idempotencyKey} null: a new key is made; either way every re-send of this call
     * carries the same key, so EvoLink charges at most once.
     */
    public CompletableFuture<SubmittedTask> createTask(CreateTaskRequest request, String idempotencyKey) {
        String key = idempotencyKey != null ? idempotencyKey : "evo-" + UUID.randomUUID().toString().replace("-", "");
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(request);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new EvolinkException("cannot serialise " + request, e));
        }
        Supplier<AsyncRequestProducer> post = () -> api(AsyncRequestBuilder.post(config.baseUrl()
                + "/v1/images/generations")).addHeader("Idempotency-Key", key)
                .setEntity(AsyncEntityProducers.create(body, ContentType.APPLICATION_JSON)).build();
        return retrier.run(() -> send(post.get()), config.maxSubmitRetries(), config.readRetry())
                .thenApply(r -> new SubmittedTask(json(r, EvolinkTask.class), key,
                        "true".equalsIgnoreCase(r.header("idempotency-replayed"))));
    }

    public CompletableFuture<EvolinkTask> getTask(String taskId) {
        String url = config.baseUrl() + "/v1/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
        return read(() -> api(AsyncRequestBuilder.get(url)).build()).thenApply(r -> json(r, EvolinkTask.class));
    }

    /**
     * Reads many tasks, 50 per batch request; unknown ids are absent. A server without the batch endpoint (404 or
     * 405) is remembered and read one task at a time from then on.
     */
    public CompletableFuture<List<EvolinkTask>> getTasks(Collection<String> taskIds) {
        List<String> ids = List.copyOf(taskIds);
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (batchUnsupported.get()) {
            return singles(ids);
        }
        List<CompletableFuture<List<EvolinkTask>>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_BATCH) {
            chunks.add(batch(ids.subList(i, Math.min(ids.size(), i + MAX_BATCH))));
        }
        return all(chunks);
    }

    private CompletableFuture<List<EvolinkTask>> batch(List<String> ids) {
        byte[] body = bytes(Map.of("task_ids", ids));
        return read(() -> api(AsyncRequestBuilder.post(config.baseUrl() + "/v1/tasks/batch"))
                .setEntity(AsyncEntityProducers.create(body, ContentType.APPLICATION_JSON)).build())
                .thenApply(r -> {
                    JsonNode data = json(r, JsonNode.class).get("data");
                    List<EvolinkTask> out = new ArrayList<>();
                    if (data != null) {
                        for (JsonNode t : data) {
                            out.add(mapper.convertValue(t, EvolinkTask.class));
                        }
                    }
                    return out;
                })
                .exceptionallyCompose(e -> {
                    EvolinkApiException api = errors.fromFailure(e);
                    if (api.getStatusCode() == 404 || api.getStatusCode() == 405) {
                        batchUnsupported.set(true);
                        return singles(ids);
                    }
                    return CompletableFuture.failedFuture(api);
                });
    }

    /** One read per task; a task the server does not know is absent, as in a batch answer. */
    private CompletableFuture<List<EvolinkTask>> singles(List<String> ids) {
        List<CompletableFuture<List<EvolinkTask>>> reads = new ArrayList<>();
        for (String id : ids) {
            reads.add(getTask(id).thenApply(List::of).exceptionallyCompose(e -> {
                EvolinkApiException api = errors.fromFailure(e);
                return api.getStatusCode() == 404 ? CompletableFuture.completedFuture(List.<EvolinkTask>of())
                        : CompletableFuture.failedFuture(api);
            }));
        }
        return all(reads);
    }

    // ---- account --------------------------------------------------------------------------------------------------

    public CompletableFuture<EvolinkCredits> credits() {
        return read(() -> api(AsyncRequestBuilder.get(config.baseUrl() + "/v1/credits")).build()).thenApply(r -> {
            JsonNode data = json(r, JsonNode.class).path("data");
            JsonNode token = data.path("token");
            JsonNode user = data.path("user");
            return new EvolinkCredits(token.path("remaining_credits").asDouble(), token.path("used_credits").asDouble(),
                    token.path("unlimited_credits").asBoolean(), user.path("remaining_credits").asDouble(),
                    user.path("used_credits").asDouble());
        });
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    public CompletableFuture<EvolinkFile> uploadBase64(byte[] data, String mimeType, String fileName,
            String uploadPath) {
        Map<String, Object> body = fileFields(fileName, uploadPath);
        body.put("base64_data", "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(data));
        return upload("/api/v1/files/upload/base64", bytes(body), ContentType.APPLICATION_JSON);
    }

    public CompletableFuture<EvolinkFile> uploadMultipart(byte[] data, String mimeType, String fileName,
            String uploadPath) {
        MultipartBody multipart = new MultipartBody();
        multipart.file("file", fileName == null ? "upload" + extension(mimeType) : fileName, mimeType, data);
        if (fileName != null) {
            multipart.field("file_name", fileName);
        }
        if (uploadPath != null) {
            multipart.field("upload_path", uploadPath);
        }
        return upload("/api/v1/files/upload/stream", multipart.bytes(), multipart.contentType());
    }

    public CompletableFuture<EvolinkFile> uploadUrl(String fileUrl, String fileName, String uploadPath) {
        Map<String, Object> body = fileFields(fileName, uploadPath);
        body.put("file_url", fileUrl);
        return upload("/api/v1/files/upload/url", bytes(body), ContentType.APPLICATION_JSON);
    }

    /** Uploads are not paid and a second copy is harmless, so they are retried like reads. */
    private CompletableFuture<EvolinkFile> upload(String path, byte[] body, ContentType type) {
        return read(() -> api(AsyncRequestBuilder.post(config.filesBaseUrl() + path))
                .setEntity(AsyncEntityProducers.create(body, type)).build()).thenApply(r -> {
                    JsonNode root = json(r, JsonNode.class);
                    JsonNode d = root.path("data");
                    if (!root.path("success").asBoolean(false) || d.path("file_url").isMissingNode()) {
                        throw errors.malformed(r, null);
                    }
                    return new EvolinkFile(d.path("file_id").asText(), d.path("file_name").asText(),
                            d.path("file_url").asText(), d.path("download_url").asText(null),
                            d.path("mime_type").asText(null), d.path("file_size").asLong(), d.path("expires_at").asText(null));
                });
    }

    // ---- downloads ------------------------------------------------------------------------------------------------

    /**
     * GETs a result link within {@code maxBytes}. The API key is sent only to EvoLink's own API hosts, never to a
     * result host.
     */
    public CompletableFuture<Download> download(String url, long maxBytes) {
        Supplier<AsyncRequestProducer> get = () -> {
            AsyncRequestBuilder b = AsyncRequestBuilder.get(url);
            return (isApiHost(url) ? api(b) : b).build();
        };
        return retrier.run(() -> send(get.get(), maxBytes), config.readRetry().maxRetries(), config.readRetry())
                .thenApply(r -> new Download(r.body(), r.contentType()));
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "EvolinkClient[" + config.baseUrl() + "]";
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    private CompletableFuture<HttpResult> read(Supplier<AsyncRequestProducer> request) {
        return retrier.run(() -> send(request.get()), config.readRetry().maxRetries(), config.readRetry());
    }

    private CompletableFuture<HttpResult> send(AsyncRequestProducer request) {
        return send(request, config.maxResponseBytes());
    }

    private CompletableFuture<HttpResult> send(AsyncRequestProducer request, long maxBytes) {
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        http.execute(request, new BoundedResponseConsumer(maxBytes), new FutureCallback<>() {
            @Override
            public void completed(HttpResult r) {
                result.complete(r);
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(errors.fromFailure(e));
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(errors.fromFailure(new java.util.concurrent.CancellationException()));
            }
        });
        return result;
    }

    private AsyncRequestBuilder api(AsyncRequestBuilder b) {
        return b.addHeader("Authorization", "Bearer " + config.apiKey()).addHeader("Accept", "application/json");
    }

    private boolean isApiHost(String url) {
        String host = hostOf(url);
        return host.equals(hostOf(config.baseUrl())) || host.equals(hostOf(config.filesBaseUrl()));
    }

    private static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private <T> T json(HttpResult r, Class<T> type) {
        try {
            T value = mapper.readValue(r.body(), type);
            if (value == null) {
                throw errors.malformed(r, null);
            }
            return value;
        } catch (EvolinkApiException e) {
            throw e;
        } catch (Exception e) {
            throw errors.malformed(r, e);
        }
    }

    private byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new EvolinkException("cannot serialise a request body", e);
        }
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

    private static String extension(String mimeType) {
        return switch (mimeType == null ? "" : mimeType) {
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            default -> ".png";
        };
    }

    private static CompletableFuture<List<EvolinkTask>> all(List<CompletableFuture<List<EvolinkTask>>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<EvolinkTask> out = new ArrayList<>();
            parts.forEach(p -> out.addAll(p.join()));
            return out;
        });
    }

    private static CloseableHttpAsyncClient httpClient(EvolinkClientConfig config) {
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(200).setMaxConnPerRoute(100)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout())).build());
        if (config.sslContext() != null) {
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(config.sslContext()).build());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom();
        if (config.proxyHost() != null) {
            builder.setProxy(new HttpHost(config.proxyHost(), config.proxyPort()));
        }
        return builder.setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(config.responseTimeout()))
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setUserAgent(config.userAgent())
                // retries are ours (same Idempotency-Key), and a redirect must not carry a result past the host check
                .disableAutomaticRetries().disableRedirectHandling()
                .build();
    }
}
