package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.Futures;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkException;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.tracking.TaskConsumer;
import org.camelevolink.component.tracking.TaskReader;

import java.util.concurrent.CompletableFuture;

/**
 * Emits one exchange per finished task submitted with {@code waitForCompletion=false}: {@code from("evolink:mj-v7")}
 * for one model, {@code from("evolink:*")} for every model without a consumer of its own. A task counts as delivered
 * only when the route has processed its exchange; a failed exchange is offered again later with the same message
 * id (the task id), so an {@code idempotentConsumer} can recognise it.
 */
public class EvolinkConsumer extends DefaultConsumer implements TaskConsumer {

    private final EvolinkEndpoint endpoint;
    private EvolinkServices services;
    private ResultDownloader downloader;
    private final java.util.function.Consumer<EvolinkTask> progressListener = this::emitProgress;
    private CompletableFuture<Void> progressUpdates = CompletableFuture.completedFuture(null);

    public EvolinkConsumer(EvolinkEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public EvolinkEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        EvolinkConfiguration cfg = endpoint.getConfiguration();
        services = endpoint.getComponent().services();
        EvolinkClient client = services.clients().client(cfg);
        downloader = new ResultDownloader(client, cfg);
        services.callbackReceiver().startIfConfigured(cfg);
        TaskReader reader = services.clients().reader(client);
        setHealthCheck(new EvolinkConsumerHealthCheck(this, services.dispatcher(),
                () -> services.store().failing().or(() -> services.outages().outage(reader))));
        services.dispatcher().register(this, reader, cfg.waitPolicy());
        if (cfg.isEmitProgress()) {
            endpoint.getComponent().observations().listenToProgress(model(), progressListener);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (services != null) {
            // still registered: a stopped route's tasks wait in the store for it to start again (not for evolink:*)
            endpoint.getComponent().observations().stopListeningToProgress(model(), progressListener);
        }
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        if (services != null) {
            services.dispatcher().unregister(this); // the route is removed: evolink:* takes its model from now on
        }
        super.doShutdown();
    }

    @Override
    public String model() {
        return endpoint.getModel();
    }

    @Override
    public boolean isAcceptingTasks() {
        return isRunAllowed();
    }

    @Override
    public long deliveryRetryDelay() {
        return endpoint.getConfiguration().getDeliveryRetryDelay();
    }

    @Override
    public String toString() {
        return "EvolinkConsumer[" + endpoint + "]";
    }

    /**
     * Runs the route for the outcome of {@code record}, with its results downloaded first when configured. Completes
     * with true when the route processed it, false when the route failed (delivered again later), exceptionally
     * when it was not delivered (the consumer is stopping).
     */
    @Override
    public CompletableFuture<Boolean> deliver(TaskRecord record) {
        EvolinkTask task = record.outcome();
        boolean completed = task != null && task.getStatus() == TaskStatus.COMPLETED;
        if (!completed && !endpoint.getConfiguration().isDeliverFailedTasks()) {
            return CompletableFuture.completedFuture(true);
        }
        // after the progress updates emitted so far, so that a route sees the outcome last
        CompletableFuture<Object> result = progressEmitted().thenCompose(emitted -> completed
                && endpoint.getConfiguration().isDownload()
                ? downloader.download(task).thenApply(images -> new ResultMapper.Downloaded(task, images))
                : CompletableFuture.completedFuture(task));
        return result.handleAsync((body, downloadError) -> {
            Throwable failure = Futures.unwrap(downloadError);
            if (failure != null && mayDownloadLater(failure)) {
                getExceptionHandler().handleException("Downloading the results of EvoLink task " + record.taskId()
                        + " failed; it is delivered again later", failure);
                return CompletableFuture.completedFuture(false);
            }
            // a link that is gone (410 once expired) or a result refused will not download later either: the task
            // is delivered with the error instead of being retried for ever
            return failure == null ? process(record, body, null) : process(record, task, failure);
        }, services.workers()).thenCompose(f -> f);
    }

    /**
     * Emits {@code task}'s new progress (emitProgress=true) on a worker thread (the tracker calls on its timer or the
     * I/O thread), one update after the other, so that a route sees them in the order they were read. A route
     * failing an update changes nothing: the task's outcome is delivered all the same.
     */
    private synchronized void emitProgress(EvolinkTask task) {
        if (!isRunAllowed()) {
            return;
        }
        progressUpdates = progressUpdates.thenComposeAsync(previous -> progressExchange(task), services.workers())
                .exceptionally(e -> null);
    }

    private synchronized CompletableFuture<Void> progressEmitted() {
        return progressUpdates;
    }

    private CompletableFuture<Void> progressExchange(EvolinkTask task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Exchange exchange = createExchange(false);
        ResultMapper.taskHeaders(exchange.getMessage(), task);
        exchange.getMessage().setHeader(EvolinkConstants.PROGRESS_UPDATE, true);
        exchange.getMessage().setBody(task);
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("A progress update of EvoLink task " + task.getId()
                        + " failed in the route", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
            done.complete(null);
        });
        return done;
    }

    /** A download that failed for a passing reason (network, timeout, 429, 5xx): worth delivering again. */
    private static boolean mayDownloadLater(Throwable failure) {
        return failure instanceof EvolinkApiException api && (api.isRetryable()
                || api.getStatusCode() == 0 && !EvolinkApiException.RESPONSE_TOO_LARGE.equals(api.getCode()));
    }

    private CompletableFuture<Boolean> process(TaskRecord record, Object result, Throwable downloadFailure) {
        if (!isRunAllowed()) {
            return CompletableFuture.failedFuture(new EvolinkException("the consumer of " + endpoint + " is stopping"));
        }
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setMessageId(record.taskId());
        // set before the result, so that each downloaded image's message gets them too
        record.carriedHeaders().forEach(message::setHeader);
        if (record.correlationId() != null) {
            message.setHeader(EvolinkConstants.CORRELATION_ID, record.correlationId());
        }
        errorHeaders(message, record);
        if (result != null) {
            ResultMapper.apply(exchange, result);
        } else {
            message.setHeader(EvolinkConstants.TASK_ID, record.taskId());
            message.setHeader(EvolinkConstants.MODEL, record.model());
            message.setHeader(EvolinkConstants.TASK_STATUS, statusOfGivenUp(record).wireName());
        }
        if (downloadFailure != null) {
            message.setHeader(EvolinkConstants.ERROR_CODE, downloadFailure instanceof EvolinkApiException api
                    ? api.getCode() : "download_refused");
            message.setHeader(EvolinkConstants.ERROR_MESSAGE, downloadFailure.getMessage());
        }
        CompletableFuture<Boolean> processed = new CompletableFuture<>();
        getAsyncProcessor().process(exchange, doneSync -> {
            boolean ok = !exchange.isFailed() && !exchange.isRollbackOnly();
            if (!ok && exchange.getException() != null) {
                getExceptionHandler().handleException("Processing EvoLink task " + record.taskId()
                        + " failed; it is delivered again later", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
            processed.complete(ok);
        });
        return processed;
    }

    /**
     * The component gave up on the task: past {@code maxWaitTime} its status at EvoLink is unknown (it may still
     * finish); any other reason (EvoLink no longer knows the task, or refuses to read it) means it never will.
     */
    private static TaskStatus statusOfGivenUp(TaskRecord record) {
        return TaskRecord.WAIT_TIMEOUT.equals(record.errorCode()) ? TaskStatus.UNKNOWN : TaskStatus.FAILED;
    }

    private static void errorHeaders(Message message, TaskRecord record) {
        EvolinkTask task = record.outcome();
        if (task != null && task.getError() != null) {
            message.setHeader(EvolinkConstants.ERROR_CODE, task.getError().code());
            message.setHeader(EvolinkConstants.ERROR_MESSAGE, task.getError().message());
        } else if (task != null && task.getStatus() != TaskStatus.COMPLETED) {
            message.setHeader(EvolinkConstants.ERROR_CODE, task.getStatus().wireName());
        } else if (record.errorCode() != null) {
            message.setHeader(EvolinkConstants.ERROR_CODE, record.errorCode());
            message.setHeader(EvolinkConstants.ERROR_MESSAGE, record.errorMessage());
        }
    }
}
