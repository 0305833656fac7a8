package org.camelevolink.component;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camelevolink.component.catalog.ModelSpec;
import org.camelevolink.component.catalog.NormalizedRequest;
import org.camelevolink.component.catalog.RequestNormalizer;
import org.camelevolink.component.catalog.RequestValidator;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.Futures;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.exceptions.EvolinkTaskFailedException;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.tracking.TaskPermits;
import org.camelevolink.component.tracking.TaskReader;
import org.camelevolink.component.tracking.TaskSubmitter;
import org.camelevolink.component.tracking.WaitPolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * Submits one task per exchange and, with {@code waitForCompletion}, continues the exchange when the task has
 * ended. Nothing blocks: the submit, the waiting (the component's task tracker) and the downloads are
 * asynchronous, and every path ends in exactly one {@code callback.done(...)}.
 */
public class EvolinkProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(EvolinkProducer.class);

    private final EvolinkEndpoint endpoint;
    /** Each kind of change to a request is a WARN once per producer, then DEBUG: a prompt template repeats it. */
    private final Set<String> warnedNotices = ConcurrentHashMap.newKeySet();
    private EvolinkServices services;
    private ModelSpec spec;
    private RequestValidator validator;
    private RequestNormalizer normalizer;
    private RequestAssembler assembler;
    private EvolinkClient client;
    private ImageUploader uploader;
    private ResultDownloader downloader;
    private WritableHealthCheckRepository healthChecks;
    private EvolinkProducerHealthCheck healthCheck;

    public EvolinkProducer(EvolinkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        EvolinkConfiguration cfg = endpoint.getConfiguration();
        services = endpoint.getComponent().services();
        spec = services.catalog().find(endpoint.getModel()).orElse(null);
        validator = new RequestValidator(services.catalog(), cfg.isAllowInsecureUrls());
        normalizer = new RequestNormalizer(services.catalog());
        client = services.clients().client(cfg);
        uploader = new ImageUploader(client, endpoint.getModel());
        downloader = new ResultDownloader(client, cfg);
        // a bad static option fails the route's start, not a message after an earlier step was paid for
        assembler = new RequestAssembler(endpoint.getModel(), spec, cfg);
        validator.validateStatic(assembler.staticPart());
        if (spec == null) {
            LOG.info("{}: model {} is not in the component's catalog; its requests are sent with the generic fields "
                    + "only and checked by EvoLink alone. Closest known models: {}", endpoint, endpoint.getModel(),
                    services.catalog().closest(endpoint.getModel(), 3));
        }
        if (cfg.isDownload() && !cfg.isWaitForCompletion()) {
            throw new IllegalArgumentException("download=true needs waitForCompletion=true on " + endpoint
                    + " (a consumer of the model can download instead)");
        }
        if (cfg.getCallbackBaseUrl() != null && !cfg.getCallbackBaseUrl().isBlank()) {
            validator.validateCallbackUrl(endpoint.getModel(),
                    TaskSubmitter.callbackUrl(cfg.getCallbackBaseUrl(), TaskSubmitter.newCallbackToken()));
            services.callbackReceiver().startIfConfigured(cfg);
        }
        registerHealthCheck();
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
        }
        super.doStop();
    }

    private void registerHealthCheck() {
        healthChecks = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new EvolinkProducerHealthCheck(endpoint, client, services.store()::failing,
                    endpoint.getComponent().observations()::creditsRead);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Object> outcome;
        try {
            outcome = run(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        // continued on a worker thread: the route's next steps must not hold up the HTTP client's I/O thread
        outcome.whenCompleteAsync((result, error) -> {
            try {
                if (error != null) {
                    exchange.setException(Futures.unwrap(error));
                } else {
                    ResultMapper.apply(exchange, result);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }, services.workers());
        return false;
    }

    /** Validation errors are thrown before anything is sent; everything after is a future. */
    private CompletableFuture<Object> run(Exchange exchange) {
        EvolinkConfiguration cfg = endpoint.getConfiguration();
        ImageUploader.Pending image = uploader.pendingImage(exchange);
        CreateTaskRequest request = checked(assembler.assemble(exchange,
                image == null ? null : ImageUploader.PLACEHOLDER_URL));
        if (exchange.getMessage().getBody() instanceof EvolinkTask source
                && source.getId().equals(request.getModelParams().get("task_id"))) {
            // the finished source task is at hand: its family, operation and image count are checked now too
            validator.validateSource(request, source.getModel(), null);
        }
        TaskPermits permits = endpoint.taskPermits();
        return permits.acquire(cfg.isFailWhenConcurrencyExceeded()).thenCompose(place ->
                submitAndWait(exchange, request, image).whenComplete((result, error) -> permits.release()));
    }

    /** {@code checked} is the validated request; with an image to upload, it is assembled again with its URL. */
    private CompletableFuture<Object> submitAndWait(Exchange exchange, CreateTaskRequest checked,
            ImageUploader.Pending image) {
        EvolinkConfiguration cfg = endpoint.getConfiguration();
        CompletableFuture<CreateTaskRequest> ready = image == null ? CompletableFuture.completedFuture(checked)
                : uploader.upload(image).thenApply(url -> checked(assembler.assemble(exchange, url)));
        return ready.thenCompose(request -> {
            TaskRecord draft = draft(exchange, request);
            return services.submitter().submit(client, request, draft, ownCallbacks(request),
                    waitPolicy(draft));
        }).thenCompose(submission -> cfg.isWaitForCompletion()
                ? waitFor(submission).thenCompose(task -> finished(exchange, task))
                : handOver(submission));
    }

    /**
     * The request as it is sent: validated, then without what EvoLink would silently remove from it (speed flags in
     * the prompt), which is said in the log so that nobody believes {@code --turbo} in a prompt buys turbo.
     */
    private CreateTaskRequest checked(CreateTaskRequest assembled) {
        validator.validate(assembled);
        NormalizedRequest normalized = normalizer.normalize(assembled);
        for (String notice : normalized.notices()) {
            if (warnedNotices.add(notice)) {
                LOG.warn("{}: {} (said once per endpoint)", endpoint, notice);
            } else {
                LOG.debug("{}: {}", endpoint, notice);
            }
        }
        return normalized.request();
    }

    /** The record to save before the submit is sent: who gets the outcome, and the correlation to keep. */
    private TaskRecord draft(Exchange exchange, CreateTaskRequest request) {
        EvolinkConfiguration cfg = endpoint.getConfiguration();
        Message in = exchange.getMessage();
        boolean consumer = !cfg.isWaitForCompletion();
        Map<String, String> carried = new LinkedHashMap<>();
        if (consumer && cfg.getCarryHeaders() != null) {
            for (String name : cfg.getCarryHeaders().split(",")) {
                String value = in.getHeader(name.trim(), String.class);
                if (!name.isBlank() && value != null) {
                    carried.put(name.trim(), value);
                }
            }
        }
        String token = ownCallbacks(request) == null ? null : TaskSubmitter.newCallbackToken();
        return TaskRecord.submitting(IdempotencyKeys.of(exchange, endpoint, request), request.getModel(),
                consumer ? TaskRecord.Delivery.CONSUMER : TaskRecord.Delivery.PRODUCER,
                consumer ? in.getHeader(EvolinkConstants.CORRELATION_ID, String.class) : null, carried, token,
                System.currentTimeMillis());
    }

    /** The callbackBaseUrl when the component receives this task's callback; null when the route set its own. */
    private String ownCallbacks(CreateTaskRequest request) {
        String base = endpoint.getConfiguration().getCallbackBaseUrl();
        return base == null || base.isBlank() || request.getCallbackUrl() != null ? null : base;
    }

    /** Waits for the task; the exchange goes on once the record is closed with its end. */
    private CompletableFuture<EvolinkTask> waitFor(TaskSubmitter.Submission submission) {
        return services.waiter().waitFor(submission, reader(), waitPolicy(submission.record()));
    }

    /** Fire and forget: the exchange goes on with the pending task, the consumers get its outcome. */
    private CompletableFuture<Object> handOver(TaskSubmitter.Submission submission) {
        services.dispatcher().track(submission.record(), reader(), waitPolicy(submission.record()));
        return CompletableFuture.completedFuture(submission.task());
    }

    private CompletableFuture<Object> finished(Exchange exchange, EvolinkTask task) {
        if (task.getStatus() != TaskStatus.COMPLETED) {
            EvolinkTask.TaskError error = task.getError();
            String code = error == null ? task.getStatus().wireName() : error.code();
            String message = error == null ? "the task ended " + task.getStatus().wireName() : error.message();
            return CompletableFuture.failedFuture(new EvolinkTaskFailedException(task.getId(), task.getModel(), code,
                    message, error == null ? null : error.suggestion(),
                    error == null ? null : error.fallbackSuggestion()));
        }
        if (!endpoint.getConfiguration().isDownload()) {
            return CompletableFuture.completedFuture(task);
        }
        return downloader.download(task).whenComplete((images, error) -> {
            if (error != null) {
                // the task is paid for and completed: the failed exchange still names it (and its links)
                ResultMapper.taskHeaders(exchange.getMessage(), task);
            }
        }).thenApply(images -> new ResultMapper.Downloaded(task, images));
    }

    private TaskReader reader() {
        return services.clients().reader(client);
    }

    /** Polling, or polling as the safety net when this component receives the task's callback. */
    private WaitPolicy waitPolicy(TaskRecord record) {
        return endpoint.getConfiguration().waitPolicy().withCallbacks(record.hasCallback());
    }

}
