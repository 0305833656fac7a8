package org.camelevolink.simulator;

import org.camelevolink.simulator.account.CreditLedger;
import org.camelevolink.simulator.account.RateLimiter;
import org.camelevolink.simulator.api.ControlApi;
import org.camelevolink.simulator.api.CreditsApi;
import org.camelevolink.simulator.api.GenerationsApi;
import org.camelevolink.simulator.api.IdempotencyStore;
import org.camelevolink.simulator.api.MediaApi;
import org.camelevolink.simulator.api.TasksApi;
import org.camelevolink.simulator.callback.CallbackAttempt;
import org.camelevolink.simulator.callback.CallbackDispatcher;
import org.camelevolink.simulator.fault.FaultPlan;
import org.camelevolink.simulator.files.FileStore;
import org.camelevolink.simulator.files.FilesApi;
import org.camelevolink.simulator.files.StoredFile;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.http.Router;
import org.camelevolink.simulator.http.SimulatorServer;
import org.camelevolink.simulator.journal.Journal;
import org.camelevolink.simulator.journal.JournalEntry;
import org.camelevolink.simulator.model.CreateRequestValidator;
import org.camelevolink.simulator.model.ModelCatalog;
import org.camelevolink.simulator.task.InputImageLoader;
import org.camelevolink.simulator.task.ResultImages;
import org.camelevolink.simulator.task.SimTask;
import org.camelevolink.simulator.task.TaskDurations;
import org.camelevolink.simulator.task.TaskLifecycle;
import org.camelevolink.simulator.task.TaskRegistry;
import org.camelevolink.simulator.task.TaskViews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded EvoLink: the documented Midjourney, task, credits and files API over real HTTP, with real images,
 * callbacks, fault injection and a control API for tests.
 *
 * <pre>{@code
 * try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.001).build())) {
 *     String baseUrl = sim.baseUrl(); // http://127.0.0.1:<port>, API key "sk-simulator"
 * }
 * }</pre>
 */
public final class EvolinkSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final SimClock clock = new SimClock();
    private final CreditLedger credits;
    private final RateLimiter rateLimiter;
    private final FaultPlan faults;
    private final Journal journal;
    private final TaskRegistry registry;
    private final FileStore files = new FileStore();
    private final IdempotencyStore idempotency = new IdempotencyStore();
    private final ResultImages images = new ResultImages(256L * 1024 * 1024);
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final CallbackDispatcher callbacks;
    private final TaskLifecycle lifecycle;
    private final TaskDurations durations = new TaskDurations();
    private final SimulatorServer server;
    private volatile String baseUrl;

    private EvolinkSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.journal = new Journal(config.journalCapacity());
        this.credits = new CreditLedger(config.apiKeys());
        this.rateLimiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst());
        this.faults = new FaultPlan(config.seed());
        this.registry = new TaskRegistry(config.seed());
        this.scheduler = new ScheduledThreadPoolExecutor(1, threads("evolink-sim-timer"));
        ((ScheduledThreadPoolExecutor) scheduler).setRemoveOnCancelPolicy(true);
        this.workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("evolink-sim-http"));
        this.callbacks = new CallbackDispatcher(scheduler, workers, config.callbackTimeout(), config.timeScale(),
                task -> Json.bytes(TaskViews.detail(task, clock.nowMillis(), baseUrl)));
        InputImageLoader loader = new InputImageLoader(this::localContent, workers);
        this.lifecycle = new TaskLifecycle(config, clock, credits, registry, loader, scheduler,
                callbacks::taskSettled, durations);
        SimulatorServer.Services services = new SimulatorServer.Services(router(), journal, faults, credits,
                rateLimiter, clock, config.maxJsonBodyBytes(), false);
        try {
            this.server = new SimulatorServer(config.host(), config.port(), services, workers);
        } catch (IOException | RuntimeException e) {
            // e.g. the port is in use: leave no thread behind
            scheduler.shutdownNow();
            workers.shutdownNow();
            throw e;
        }
    }

    /** Starts a simulator; port 0 in the config picks a free port. */
    public static EvolinkSimulator start(SimulatorConfig config) {
        try {
            EvolinkSimulator sim = new EvolinkSimulator(config);
            sim.server.start();
            sim.baseUrl = config.publicBaseUrl() != null ? config.publicBaseUrl()
                    : "http://" + hostForUrl(config.host()) + ":" + sim.server.port();
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the EvoLink simulator on " + config.host() + ":"
                    + config.port(), e);
        }
    }

    /** A simulator with default settings on a free port. */
    public static EvolinkSimulator start() {
        return start(SimulatorConfig.builder().build());
    }

    private Router router() {
        GenerationsApi generations = new GenerationsApi(new CreateRequestValidator(ModelCatalog.load(),
                config.allowInsecureCallbacks()), registry, lifecycle, credits, faults, idempotency, clock);
        TasksApi tasks = new TasksApi(registry, lifecycle, clock, () -> baseUrl);
        MediaApi media = new MediaApi(registry, lifecycle, images, clock);
        FilesApi filesApi = new FilesApi(files, clock, () -> baseUrl,
                config.scaledMillis(FilesApi.documentedExpiry()), config.maxFileBytes(), config.fileQuota(),
                config.allowInsecureCallbacks(), this::localContent);
        ControlApi control = new ControlApi(this);
        int base64Limit = (int) Math.min(Integer.MAX_VALUE - 1, config.maxFileBytes() * 4L / 3 + 64 * 1024);
        int streamLimit = (int) Math.min(Integer.MAX_VALUE - 1, config.maxFileBytes() + 64 * 1024L);
        Router router = new Router()
                .add("POST", "/v1/images/generations", Endpoint.CREATE, generations::create)
                .add("GET", "/v1/tasks/{id}", Endpoint.TASK_GET, tasks::get);
        if (config.batchReads()) {
            router.add("POST", "/v1/tasks/batch", Endpoint.TASK_BATCH, tasks::batch);
        }
        return router
                .add("GET", "/v1/tasks", Endpoint.TASK_LIST, tasks::list)
                .add("GET", "/v1/credits", Endpoint.CREDITS, new CreditsApi(credits)::get)
                .add("POST", "/api/v1/files/upload/base64", Endpoint.FILES, filesApi::uploadBase64, base64Limit)
                .add("POST", "/api/v1/files/upload/stream", Endpoint.FILES, filesApi::uploadStream, streamLimit)
                .add("POST", "/api/v1/files/upload/url", Endpoint.FILES, filesApi::uploadUrl)
                .add("GET", "/api/v1/files/list", Endpoint.FILES, filesApi::list)
                .add("GET", "/api/v1/files/quota", Endpoint.FILES, filesApi::quota)
                .add("GET", "/api/v1/files/download/{id}", Endpoint.FILE_CONTENT, filesApi::download)
                .add("DELETE", "/api/v1/files/{id}", Endpoint.FILES, filesApi::delete)
                .add("GET", "/files/{path*}", Endpoint.FILE_CONTENT, filesApi::serveByPath)
                .add("GET", "/media/{taskId}/{file}", Endpoint.MEDIA, media::get)
                .add("POST", "/__simulator/tasks/{id}/complete", Endpoint.CONTROL, control::complete)
                .add("POST", "/__simulator/tasks/{id}/fail", Endpoint.CONTROL, control::fail)
                .add("GET", "/__simulator/tasks/{id}", Endpoint.CONTROL, control::task)
                .add("GET", "/__simulator/tasks", Endpoint.CONTROL, control::tasks)
                .add("PUT", "/__simulator/durations", Endpoint.CONTROL, control::putDurations)
                .add("PUT", "/__simulator/credits", Endpoint.CONTROL, control::setCredits)
                .add("POST", "/__simulator/faults", Endpoint.CONTROL, control::addFault)
                .add("DELETE", "/__simulator/faults", Endpoint.CONTROL, control::clearFaults)
                .add("GET", "/__simulator/journal", Endpoint.CONTROL, control::journal)
                .add("GET", "/__simulator/callbacks", Endpoint.CONTROL, control::callbacks)
                .add("POST", "/__simulator/clock/advance", Endpoint.CONTROL, control::advanceClock)
                .add("GET", "/__simulator/stats", Endpoint.CONTROL, control::stats)
                .add("POST", "/__simulator/reset", Endpoint.CONTROL, control::reset);
    }

    /** Bytes of a URL this simulator serves (files and result images), or null for a foreign URL. */
    private byte[] localContent(String url) {
        if (baseUrl == null || !url.startsWith(baseUrl + "/")) {
            return null;
        }
        String path = URI.create(url).getPath();
        long now = clock.nowMillis();
        if (path.startsWith("/files/")) {
            StoredFile f = files.byPath(path.substring("/files/".length()), now);
            return require(f == null ? null : f.bytes(), url);
        }
        if (path.startsWith("/api/v1/files/download/")) {
            StoredFile f = files.byId(path.substring("/api/v1/files/download/".length()), now);
            return require(f == null ? null : f.bytes(), url);
        }
        String[] parts = path.split("/");
        if (parts.length == 4 && parts[1].equals("media") && parts[3].matches("\\d{1,3}\\.png")) {
            SimTask task = registry.find(parts[2]);
            int index = Integer.parseInt(parts[3].substring(0, parts[3].length() - 4));
            boolean live = task != null && task.terminal() != null && task.terminal().completed()
                    && index < task.resultCount() && now <= task.linkExpiryMillis();
            return require(live ? images.png(task, index) : null, url);
        }
        return require(null, url);
    }

    private static byte[] require(byte[] bytes, String url) {
        if (bytes == null) {
            throw new IllegalStateException(url + " is not served (unknown or expired)");
        }
        return bytes;
    }

    // ---- what a test or tool needs -------------------------------------------------------------------------

    public SimulatorConfig config() {
        return config;
    }

    public int port() {
        return server.port();
    }

    /** Base URL of the EvoLink API, e.g. {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Base URL of the files API: the same process serves it under {@code /api/v1/files}. */
    public String filesBaseUrl() {
        return baseUrl;
    }

    public FaultPlan faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }

    public List<JournalEntry> journal(Endpoint endpoint) {
        return journal.entries(e -> e.endpoint() == endpoint);
    }

    public List<CallbackAttempt> callbackAttempts() {
        return callbacks.attempts();
    }

    public SimClock clock() {
        return clock;
    }

    public SimTask task(String id) {
        SimTask task = registry.find(id);
        if (task != null) {
            lifecycle.settleIfDue(task);
        }
        return task;
    }

    public TaskRegistry tasks() {
        return registry;
    }

    /** Finishes a task now, successfully; false if it had already ended. */
    /** Durations chosen per prompt for the tasks created from now on (the reset forgets them). */
    public TaskDurations durations() {
        return durations;
    }

    public boolean completeTask(String id) {
        return lifecycle.completeNow(requireTask(id));
    }

    /** Fails a task now with a documented business code; false if it had already ended. */
    public boolean failTask(String id, String code) {
        if (!TaskLifecycle.isBusinessCode(code)) {
            throw new IllegalArgumentException("not a documented task error code: " + code);
        }
        return lifecycle.failNow(requireTask(id), code);
    }

    public void setCredits(String apiKey, double amount) {
        credits.set(apiKey, amount);
    }

    public CreditLedger.Balance credits(String apiKey) {
        return credits.balance(apiKey);
    }

    /** The PNG bytes of result {@code index} of a completed task, without HTTP. */
    public byte[] resultImage(String taskId, int index) {
        return images.png(requireTask(taskId), index);
    }

    /** Forgets tasks, files, faults, journal and callbacks, and restores every key's starting credits. */
    public void reset() {
        faults.clear();
        durations.clear();
        journal.clear();
        callbacks.clear();
        registry.clear();
        files.clear();
        idempotency.clear();
        images.clear();
        rateLimiter.reset();
        clock.reset();
        config.apiKeys().forEach(credits::set);
    }

    /** Tasks not yet settled. */
    public long tasksInFlight() {
        return registry.all().stream().filter(t -> t.terminal() == null).count();
    }

    @Override
    public void close() {
        callbacks.stop();
        server.stop();
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private SimTask requireTask(String id) {
        SimTask task = registry.find(id);
        if (task == null) {
            throw new IllegalArgumentException("no task " + id);
        }
        return task;
    }

    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "EvolinkSimulator[" + baseUrl + ", " + config + "]";
    }
}
