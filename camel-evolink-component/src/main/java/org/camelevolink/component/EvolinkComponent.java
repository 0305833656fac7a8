package org.camelevolink.component;

import org.apache.camel.Endpoint;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.PropertiesHelper;
import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.store.JdbcTaskStore;
import org.camelevolink.component.store.MVStoreTaskStore;
import org.camelevolink.component.store.TaskStore;
import org.camelevolink.component.tracking.AsyncTaskStore;
import org.camelevolink.component.tracking.CreditBudget;
import org.camelevolink.component.tracking.StoreFigures;
import org.camelevolink.component.tracking.OutageWatch;
import org.camelevolink.component.tracking.TaskDispatcher;
import org.camelevolink.component.tracking.TaskLeases;
import org.camelevolink.component.tracking.TaskPurger;
import org.camelevolink.component.tracking.TaskSubmitter;
import org.camelevolink.component.tracking.TaskTracker;
import org.camelevolink.component.tracking.TaskWaiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code evolink:} component. Owns what endpoints share: the EvoLink clients (one per distinct connection
 * setting), the task store, the task tracker that waits for tasks without holding threads, the dispatcher that
 * feeds consumers, the callback receiver and the model catalog.
 */
@Component("evolink")
@ManagedResource(description = "EvoLink: tasks in flight, waiting and undelivered; the last error")
public class EvolinkComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EvolinkComponent.class);
    private static final long PURGE_EVERY_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** How long before Camel's shutdown timeout the waits still running end: it checks in-flight exchanges each second. */
    private static final long SHUTDOWN_MARGIN_MILLIS = 2_000;
    private static final List<String> PROPERTY_LOGGERS = List.of("org.apache.camel.main.MainHelper",
            "org.apache.camel.component.properties.DefaultPropertiesParser",
            "org.apache.camel.impl.engine.DefaultCamelContextExtension");

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
                      + "directory. Opened (and created) when first needed: when a consumer starts or the first task "
                      + "is submitted. One application at a time may open it.")
    private String taskStoreFile = "evolink-data/tasks.mv";
    @Metadata(label = "advanced",
              description = "A JDBC data source (PostgreSQL) for a task store shared by several nodes: every node "
                      + "given the same database and table prefix shares the work, and a node that dies has its "
                      + "tasks taken over by the others after leaseTime. The tables are created at start when "
                      + "absent. Unset: the file store of one node.")
    private DataSource taskStoreDataSource;
    @Metadata(label = "advanced", defaultValue = "evolink_",
              description = "Prefix of the shared task store's tables (prefix tasks and prefix schema): lower-case "
                      + "letters, digits and underscores.")
    private String taskStoreTablePrefix = "evolink_";
    @Metadata(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "With a shared task store: how long a node's hold on a task lasts without renewal. Nodes "
                      + "renew every third of it; a node that stops renewing (it died, or lost the database) has "
                      + "its tasks taken over by another node once it expires. Keep node clocks synchronised to "
                      + "well within it.")
    private long leaseTime = TimeUnit.SECONDS.toMillis(30);
    @Metadata(label = "advanced", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "How long a delivered task is remembered, so that a re-sent message with the same "
                      + "idempotency key finds it instead of paying again (default 24 hours).")
    private long taskRetention = TimeUnit.HOURS.toMillis(24);
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads that continue exchanges once their task has ended and run consumer routes, so "
                      + "that slow route steps never hold up the HTTP client's I/O thread. Also the most deliveries to "
                      + "consumer routes in flight at once, each until its outcome is recorded in the task store, "
                      + "which bounds what a crash can deliver twice.")
    private int workerThreads = 4;
    @Metadata(label = "advanced", defaultValue = "2",
              description = "Threads that run the task store's reads and writes, so that no store call runs on the "
                      + "HTTP client's I/O thread or the task tracker's timer. Saves made at once share a commit.")
    private int storeThreads = 2;
    @Metadata(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long the reads of waiting tasks must keep failing (network errors, timeouts, 429, "
                      + "5xx) before a WARN says EvoLink is not answering, once per outage; an INFO says when it "
                      + "answers again, and consumer health checks are DOWN meanwhile.")
    private long outageWarningDelay = TimeUnit.MINUTES.toMillis(1);
    @Metadata(label = "producer,advanced", defaultValue = "0",
              description = "A credit budget: the most credits the tasks submitted within creditWindow may reserve "
                      + "(EvoLink's credits_reserved), counted from the task store, so that a restart keeps the "
                      + "count and nodes sharing a store share the budget. A submit that would pass it fails with a "
                      + "CreditBudgetExceededException before anything is sent. 0: no budget.")
    private double maxCredits;
    @Metadata(label = "producer,advanced", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "The window of the credit budget (maxCredits): the credits reserved by the tasks "
                      + "submitted within it count (default 24 hours). Delivered records are kept at least this "
                      + "long, whatever taskRetention says.")
    private long creditWindow = TimeUnit.HOURS.toMillis(24);

    private EvolinkClients clients;
    private EvolinkObservations observations = new EvolinkObservations();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private TaskTracker tracker;
    private TaskStore store;
    private AsyncTaskStore asyncStore;
    private StoreFigures storeFigures;
    private ExecutorService storeExecutor;
    /** With a shared store: the thread that renews this node's leases, never behind the store threads' backlog. */
    private ExecutorService leaseExecutor;
    private TaskDispatcher dispatcher;
    private TaskLeases leases;
    private CallbackReceiver callbackReceiver;
    private EvolinkServices services;
    private SimpleEventNotifierSupport contextStopping;
    /** When the waits still running end during a context stop; cancelled once the component stops. */
    private volatile ScheduledFuture<?> waitsEnd;

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
        warnIfCamelPrintsTheKey();
        scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "EvolinkTaskTracker");
        workers = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "EvolinkWorker",
                workerThreads);
        observations = makeObservations();
        clients = new EvolinkClients(getCamelContext(), scheduler, observations);
        tracker = new TaskTracker(scheduler, new OutageWatch(outageWarningDelay, System::currentTimeMillis));
        tracker.setEvents(observations);
        store = chooseStore();
        storeExecutor = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "EvolinkTaskStore",
                storeThreads);
        if (store.isShared()) {
            leaseExecutor = getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this,
                    "EvolinkTaskLeases");
            asyncStore = new AsyncTaskStore(store, storeExecutor, leaseExecutor);
            asyncStore.startNow(); // an unreachable database fails the start, naming its data source
        } else {
            asyncStore = new AsyncTaskStore(store, storeExecutor); // opens the store when first used
        }
        CreditBudget budget = new CreditBudget(maxCredits, creditWindow);
        storeFigures = new StoreFigures(asyncStore, budget, System::currentTimeMillis);
        leases = new TaskLeases(asyncStore, tracker, scheduler, System::currentTimeMillis, leaseTime);
        leases.start();
        dispatcher = new TaskDispatcher(asyncStore, tracker, leases, scheduler, System::currentTimeMillis,
                workerThreads);
        dispatcher.setEvents(observations);
        callbackReceiver = new CallbackReceiver(getCamelContext(), asyncStore, dispatcher);
        callbackReceiver.observe(observations);
        TaskWaiter waiter = new TaskWaiter(asyncStore, tracker, leases, System::currentTimeMillis);
        waiter.setEvents(observations);
        services = new EvolinkServices(ModelCatalog.load(), clients,
                new TaskSubmitter(asyncStore, leases, System::currentTimeMillis, budget, observations),
                waiter, dispatcher, callbackReceiver, tracker.outages(), asyncStore, continuations());
        contextStopping = new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                endWaitsBeforeTheShutdownTimeout();
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }
        };
        getCamelContext().getManagementStrategy().addEventNotifier(contextStopping);
        ServiceHelper.startService(contextStopping);
        // a budget counts delivered records too: none is purged while it is within the window
        long retention = maxCredits > 0 ? Math.max(taskRetention, creditWindow) : taskRetention;
        TaskPurger purger = new TaskPurger(asyncStore, retention, System::currentTimeMillis);
        scheduler.scheduleWithFixedDelay(purger::purge, PURGE_EVERY_MILLIS, PURGE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The component's observations, with Micrometer meters when Micrometer is on the classpath and a MeterRegistry
     * in the Camel registry; without Micrometer no class of it is ever loaded.
     */
    private EvolinkObservations makeObservations() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return new EvolinkObservations();
        }
        MicrometerMetrics metrics = MicrometerMetrics.find(this);
        if (metrics == null) {
            return new EvolinkObservations();
        }
        LOG.info("EvoLink metrics (evolink.*) are recorded in the Camel registry's MeterRegistry");
        return new EvolinkObservations(metrics, metrics, metrics);
    }

    private TaskStore chooseStore() {
        if (taskStore != null) {
            return taskStore;
        }
        if (taskStoreDataSource != null) {
            JdbcTaskStore shared = new JdbcTaskStore(taskStoreDataSource);
            shared.setTablePrefix(taskStoreTablePrefix);
            return shared;
        }
        return new MVStoreTaskStore(Path.of(taskStoreFile));
    }

    /**
     * Camel's graceful shutdown waits for in-flight exchanges, an exchange waiting for its task among them: a task
     * that ends in time still reaches its route. Those still waiting just before Camel's shutdown timeout end with
     * the "stopping" error naming their task (which still exists), so the shutdown never times out on them; during
     * an outage, when no read can succeed, they end at once.
     */
    private void endWaitsBeforeTheShutdownTimeout() {
        ShutdownStrategy shutdown = getCamelContext().getShutdownStrategy();
        long timeout = shutdown.getTimeUnit().toMillis(shutdown.getTimeout());
        long grace = tracker.outages().anyFailing() ? 0 : Math.max(0, timeout - SHUTDOWN_MARGIN_MILLIS);
        try {
            waitsEnd = scheduler.schedule(tracker::stop, grace, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            tracker.stop();
        }
    }

    /**
     * At DEBUG, camel-main prints every property it binds and Camel every placeholder it resolves, unmasked: a key
     * given as a component property is then in the log already. Not ours to change, but the user must know.
     */
    private void warnIfCamelPrintsTheKey() {
        if (configuration.getApiKey() == null) {
            return;
        }
        List<String> printing = PROPERTY_LOGGERS.stream().filter(name -> LoggerFactory.getLogger(name).isDebugEnabled())
                .toList();
        if (!printing.isEmpty()) {
            LOG.warn("Camel's property loggers {} are at DEBUG: they print property values unmasked, the EvoLink API "
                    + "key included. Set them to INFO, or give the key only through the EVOLINK_API_KEY environment "
                    + "variable (docs/security.md).", printing);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (contextStopping != null) {
            getCamelContext().getManagementStrategy().removeEventNotifier(contextStopping);
            ServiceHelper.stopService(contextStopping);
        }
        if (callbackReceiver != null) {
            callbackReceiver.stopListening();
        }
        if (waitsEnd != null) {
            waitsEnd.cancel(false); // else the scheduler's thread would wait for it after its shutdown
        }
        if (tracker != null) {
            tracker.stop();
        }
        if (dispatcher != null) {
            dispatcher.stop();
        }
        if (leases != null) {
            leases.stop();
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
        if (storeExecutor != null) {
            // saves already asked for are made before the store closes
            getCamelContext().getExecutorServiceManager().shutdownGraceful(storeExecutor);
        }
        if (leaseExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(leaseExecutor);
            leaseExecutor = null;
        }
        if (leases != null) {
            leases.releaseHeld(); // after the store's pending saves, before it closes
        }
        if (asyncStore != null) {
            asyncStore.stop();
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

    public DataSource getTaskStoreDataSource() {
        return taskStoreDataSource;
    }

    public void setTaskStoreDataSource(DataSource taskStoreDataSource) {
        this.taskStoreDataSource = taskStoreDataSource;
    }

    public String getTaskStoreTablePrefix() {
        return taskStoreTablePrefix;
    }

    public void setTaskStoreTablePrefix(String taskStoreTablePrefix) {
        this.taskStoreTablePrefix = taskStoreTablePrefix;
    }

    public long getLeaseTime() {
        return leaseTime;
    }

    public void setLeaseTime(long leaseTime) {
        this.leaseTime = leaseTime;
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

    public long getOutageWarningDelay() {
        return outageWarningDelay;
    }

    public void setOutageWarningDelay(long outageWarningDelay) {
        this.outageWarningDelay = outageWarningDelay;
    }

    public int getStoreThreads() {
        return storeThreads;
    }

    public void setStoreThreads(int storeThreads) {
        this.storeThreads = storeThreads;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    /** The services of the started component, for a producer or consumer that starts. */
    EvolinkServices services() {
        if (services == null) {
            throw new IllegalStateException("the evolink component is not started");
        }
        return services;
    }

    /** The store itself, for tests; what the component shows of it comes from {@link #storeFigures()}. */
    TaskStore store() {
        return store;
    }

    /** The store's figures as last read, never reading the store on the caller's thread; null until started. */
    StoreFigures storeFigures() {
        return storeFigures;
    }

    TaskDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * Where exchanges continue once their task has ended. A continuation refused because the component is stopping
     * runs on the calling thread instead: an exchange must end, exactly once, whatever happens.
     */
    private Executor continuations() {
        return command -> {
            try {
                workers.execute(command);
            } catch (RejectedExecutionException e) {
                command.run();
            }
        };
    }

    TaskTracker tracker() {
        return tracker;
    }

    EvolinkObservations observations() {
        return observations;
    }

    public double getMaxCredits() {
        return maxCredits;
    }

    public void setMaxCredits(double maxCredits) {
        this.maxCredits = maxCredits;
    }

    public long getCreditWindow() {
        return creditWindow;
    }

    public void setCreditWindow(long creditWindow) {
        this.creditWindow = creditWindow;
    }

    // ---- what the component shows: metrics, the developer console, JMX ---------------------------------------

    /** The evolink: endpoints of this component in the Camel context. */
    List<EvolinkEndpoint> endpoints() {
        return getCamelContext().getEndpoints().stream()
                .filter(e -> e instanceof EvolinkEndpoint ee && ee.getComponent() == this)
                .map(EvolinkEndpoint.class::cast).toList();
    }

    @ManagedAttribute(description = "Exchanges of evolink: producers submitting or waiting for their task")
    public int getInFlight() {
        return endpoints().stream().mapToInt(e -> e.taskPermits().inUse()).sum();
    }

    @ManagedAttribute(description = "Exchanges queued for a place under maxConcurrentTasks")
    public int getQueued() {
        return endpoints().stream().mapToInt(e -> e.taskPermits().queued()).sum();
    }

    @ManagedAttribute(description = "Tasks this node reads until they end")
    public int getWaiting() {
        return tracker == null ? 0 : tracker.waiting();
    }

    @ManagedAttribute(description = "Task records not yet delivered in the task store (read at most every 10 s)")
    public long getUndelivered() {
        return storeFigures == null ? 0 : storeFigures.get().undelivered();
    }

    @ManagedAttribute(description = "The last error seen (a failed read, submit or task), with its time; empty if none")
    public String getLastError() {
        List<EvolinkObservations.LastError> errors = observations.lastErrors();
        if (errors.isEmpty()) {
            return "";
        }
        EvolinkObservations.LastError last = errors.get(errors.size() - 1);
        return java.time.Instant.ofEpochMilli(last.at()) + " " + last.what() + ": " + last.message();
    }

    @ManagedOperation(description = "Reads a waited-for task now instead of at its next read; false when this node "
            + "does not wait for it")
    public boolean readTaskNow(String taskId) {
        return tracker != null && tracker.readNow(taskId);
    }

    int inFlight() {
        return getInFlight();
    }

    int queuedCount() {
        return getQueued();
    }

    int waitingCount() {
        return getWaiting();
    }

    long undeliveredCount() {
        return getUndelivered();
    }

    /** Mean progress of the tasks waited for (percent), -1 when none has been read yet. */
    double meanProgress() {
        if (tracker == null) {
            return -1;
        }
        return tracker.waitingTasks().stream().filter(t -> t.progress() >= 0).mapToInt(TaskTracker.WaitingTask::progress)
                .average().orElse(-1);
    }
}
