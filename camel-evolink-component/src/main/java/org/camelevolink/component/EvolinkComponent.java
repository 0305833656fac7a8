package org.camelevolink.component;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.PropertiesHelper;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.store.MVStoreTaskStore;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.component.store.TaskStore;
import org.camelevolink.component.tracking.TaskTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code evolink:} component. Owns what endpoints share: the EvoLink clients (one per distinct connection
 * setting), the task store, the task tracker that waits for tasks without holding threads, the dispatcher that
 * feeds consumers, the callback receiver and the model catalog.
 */
@Component("evolink")
public class EvolinkComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EvolinkComponent.class);
    private static final long PURGE_EVERY_MILLIS = TimeUnit.MINUTES.toMillis(10);

    @Metadata(description = "Component-level defaults of every endpoint option.")
    private EvolinkConfiguration configuration = new EvolinkConfiguration();
    @Metadata(label = "advanced", autowired = true,
              description = "The task store: a record per submitted task, so that waiting tasks and undelivered "
                      + "results survive a restart and a re-sent message is never paid twice. Default: the "
                      + "persistent store in taskStoreFile. #class:org.camelevolink.component.store.InMemoryTaskStore "
                      + "keeps records in memory only.")
    private TaskStore taskStore;
    @Metadata(label = "advanced", defaultValue = "evolink-data/tasks.mv",
              description = "File of the default persistent task store (H2 MVStore), relative to the working "
                      + "directory. One application at a time may open it.")
    private String taskStoreFile = "evolink-data/tasks.mv";
    @Metadata(label = "advanced", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "How long a delivered task is remembered, so that a re-sent message with the same "
                      + "idempotency key finds it instead of paying again (default 24 hours).")
    private long taskRetention = TimeUnit.HOURS.toMillis(24);
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads that continue exchanges once their task has ended and run consumer routes, so "
                      + "that slow route steps never hold up the HTTP client's I/O thread.")
    private int workerThreads = 4;

    private ModelCatalog catalog;
    private EvolinkClients clients;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private TaskTracker tracker;
    private TaskStore store;
    private TaskSubmitter submitter;
    private TaskDispatcher dispatcher;
    private CallbackReceiver callbackReceiver;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("An EvoLink model is required: evolink:<model>, e.g. evolink:mj-v7");
        }
        EvolinkEndpoint endpoint = new EvolinkEndpoint(uri, this, remaining, configuration.copy());
        Map<String, Object> params = PropertiesHelper.extractProperties(parameters, "param.");
        params.forEach((name, value) -> endpoint.getConfiguration().getParams().put(name, jsonValue(value)));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** {@code param.*} values come as text: numbers and booleans become JSON numbers and booleans. */
    private static Object jsonValue(Object value) {
        if (!(value instanceof String s)) {
            return value;
        }
        if (s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        if (s.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(s);
        }
        return s.equals("true") || s.equals("false") ? Boolean.valueOf(s) : s;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        catalog = ModelCatalog.load();
        scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "EvolinkTaskTracker");
        workers = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "EvolinkWorker",
                workerThreads);
        clients = new EvolinkClients(getCamelContext(), scheduler);
        tracker = new TaskTracker(scheduler);
        store = taskStore != null ? taskStore : new MVStoreTaskStore(Path.of(taskStoreFile));
        store.start();
        submitter = new TaskSubmitter(store, System::currentTimeMillis);
        dispatcher = new TaskDispatcher(store, tracker, scheduler, System::currentTimeMillis);
        callbackReceiver = new CallbackReceiver(getCamelContext(), store, tracker);
        scheduler.scheduleWithFixedDelay(this::purge, PURGE_EVERY_MILLIS, PURGE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Forgets delivered records after {@code taskRetention}, and gives up on finished tasks no consumer has taken
     * within it (a fire-and-forget route without a consumer), so that the store stays bounded.
     */
    private void purge() {
        try {
            long now = System.currentTimeMillis();
            long cutoff = now - taskRetention;
            for (TaskRecord r : store.undelivered()) {
                if (r.state() == TaskState.FINISHED && r.updatedAt() < cutoff) {
                    LOG.warn("No consumer of evolink:{} took task {} within taskRetention; its record is dropped",
                            r.model(), r.taskId());
                    store.save(r.delivered(now));
                }
            }
            int purged = store.purgeDelivered(cutoff);
            LOG.debug("Purged {} delivered EvoLink task records", purged);
        } catch (RuntimeException e) {
            LOG.warn("Purging delivered EvoLink task records failed: {}", e.getMessage());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (callbackReceiver != null) {
            callbackReceiver.stop();
        }
        if (tracker != null) {
            tracker.stop();
        }
        if (clients != null) {
            clients.close();
        }
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
        }
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(workers);
        }
        if (store != null) {
            store.stop();
        }
        super.doStop();
    }

    public EvolinkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EvolinkConfiguration configuration) {
        this.configuration = configuration;
    }

    public TaskStore getTaskStore() {
        return taskStore;
    }

    public void setTaskStore(TaskStore taskStore) {
        this.taskStore = taskStore;
    }

    public String getTaskStoreFile() {
        return taskStoreFile;
    }

    public void setTaskStoreFile(String taskStoreFile) {
        this.taskStoreFile = taskStoreFile;
    }

    public long getTaskRetention() {
        return taskRetention;
    }

    public void setTaskRetention(long taskRetention) {
        this.taskRetention = taskRetention;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    TaskStore store() {
        return store;
    }

    TaskSubmitter submitter() {
        return submitter;
    }

    TaskDispatcher dispatcher() {
        return dispatcher;
    }

    CallbackReceiver callbackReceiver() {
        return callbackReceiver;
    }

    /**
     * Where exchanges continue once their task has ended. A continuation refused because the component is stopping
     * runs on the calling thread instead: an exchange must end, exactly once, whatever happens.
     */
    Executor workers() {
        return command -> {
            try {
                workers.execute(command);
            } catch (RejectedExecutionException e) {
                command.run();
            }
        };
    }

    ModelCatalog catalog() {
        return catalog;
    }

    EvolinkClients clients() {
        return clients;
    }

    TaskTracker tracker() {
        return tracker;
    }
}
