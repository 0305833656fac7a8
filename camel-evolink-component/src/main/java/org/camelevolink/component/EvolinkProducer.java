package org.camelevolink.component;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.camelevolink.component.catalog.ModelSpec;
import org.camelevolink.component.catalog.RequestValidator;
import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.EvolinkTaskFailedException;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.tracking.TaskPermits;
import org.camelevolink.component.tracking.WaitPolicy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Submits one task per exchange and, with {@code waitForCompletion}, continues the exchange when the task has
 * ended. Nothing blocks: the submit, the waiting (the component's task tracker) and the downloads are
 * asynchronous, and every path ends in exactly one {@code callback.done(...)}.
 */
public class EvolinkProducer extends DefaultAsyncProducer {

    private final EvolinkEndpoint endpoint;
    private ModelSpec spec;
    private RequestValidator validator;
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
        EvolinkComponent component = endpoint.getComponent();
        spec = component.catalog().find(endpoint.getModel()).orElse(null);
        validator = new RequestValidator(component.catalog(), cfg.isAllowInsecureUrls());
        client = component.clients().client(cfg);
        uploader = new ImageUploader(client);
        downloader = new ResultDownloader(client, cfg);
        if (cfg.isDownload() && !cfg.isWaitForCompletion()) {
            throw new IllegalArgumentException("download=true needs waitForCompletion=true on " + endpoint);
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
            healthCheck = new EvolinkProducerHealthCheck(endpoint, client);
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
        outcome.whenComplete((result, error) -> {
            try {
                if (error != null) {
                    exchange.setException(unwrap(error));
                } else {
                    ResultMapper.apply(exchange, result);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    /** Validation errors are thrown before anything is sent; everything after is a future. */
    private CompletableFuture<Object> run(Exchange exchange) {
        EvolinkConfiguration cfg = endpoint.getConfiguration();
        RequestAssembler assembler = new RequestAssembler(endpoint.getModel(), spec, cfg);
        ImageUploader.Pending image = uploader.pendingImage(exchange);
        CreateTaskRequest request = assembler.assemble(exchange, image == null ? null : ImageUploader.PLACEHOLDER_URL);
        validator.validate(request);
        if (exchange.getMessage().getBody() instanceof EvolinkTask source
                && source.getId().equals(request.getModelParams().get("task_id"))) {
            // the finished source task is at hand: its family, operation and image count are checked now too
            validator.validateSource(request, source.getModel(), null);
        }
        TaskPermits permits = endpoint.taskPermits();
        return permits.acquire(cfg.isFailWhenConcurrencyExceeded()).thenCompose(place ->
                submitAndWait(exchange, assembler, image).whenComplete((result, error) -> permits.release()));
    }

    private CompletableFuture<Object> submitAndWait(Exchange exchange, RequestAssembler assembler,
            ImageUploader.Pending image) {
        EvolinkConfiguration cfg = endpoint.getConfiguration();
        CompletableFuture<String> uploaded = image == null ? CompletableFuture.completedFuture(null)
                : uploader.upload(image);
        return uploaded.thenCompose(url -> {
            CreateTaskRequest request = assembler.assemble(exchange, url);
            validator.validate(request);
            return client.createTask(request, IdempotencyKeys.of(exchange, endpoint, request));
        }).thenCompose(submitted -> cfg.isWaitForCompletion()
                ? endpoint.getComponent().tracker().whenFinished(submitted.task(), client::getTasks, waitPolicy(cfg))
                        .thenCompose(this::finished)
                : CompletableFuture.completedFuture(submitted.task()));
    }

    private CompletableFuture<Object> finished(EvolinkTask task) {
        if (task.getStatus() != TaskStatus.COMPLETED) {
            EvolinkTask.TaskError error = task.getError();
            String code = error == null ? task.getStatus().wireName() : error.code();
            String message = error == null ? "the task ended " + task.getStatus().wireName() : error.message();
            return CompletableFuture.failedFuture(new EvolinkTaskFailedException(task.getId(), task.getModel(), code,
                    message));
        }
        if (!endpoint.getConfiguration().isDownload()) {
            return CompletableFuture.completedFuture(task);
        }
        return downloader.download(task).thenApply(images -> new ResultMapper.Downloaded(task, images));
    }

    private static WaitPolicy waitPolicy(EvolinkConfiguration cfg) {
        return new WaitPolicy(cfg.getMaxWaitTime(), cfg.getMinPollInterval(), cfg.getMaxPollInterval());
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
