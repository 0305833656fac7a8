package org.camelevolink.simulator.callback;

import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Lazy;
import org.camelevolink.simulator.task.SimTask;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Delivers the documented callback: a POST of the task body when a task completes or fails, 10 s timeout, up to 3
 * retries at 1/2/4 s (on the time scale) after a non-2xx answer or a timeout. Task faults make it late, lost or
 * duplicated.
 */
public final class CallbackDispatcher {

    private static final int MAX_RETRIES = 3;

    private final Lazy<HttpClient> http;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final double timeScale;
    private final Function<SimTask, byte[]> body;
    private final Queue<CallbackAttempt> attempts = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    /** Bumped by {@link #clear()}: deliveries scheduled before a reset are dropped. */
    private final AtomicInteger generation = new AtomicInteger();

    /** {@code body} renders the task as {@code GET /v1/tasks/{id}} would at the time of sending. */
    public CallbackDispatcher(ScheduledExecutorService scheduler, Executor httpExecutor, Duration timeout,
            double timeScale, Function<SimTask, byte[]> body) {
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.timeScale = timeScale;
        this.body = body;
        // HTTP/1.1 like a webhook sender: the JDK's default (HTTP/2, upgraded from h2c on http URLs) squeezed
        // thousands of callbacks through one connection's streams, and a server that refused them stalled them all
        this.http = new Lazy<>(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).executor(httpExecutor).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Called once when a task settles. */
    public void taskSettled(SimTask task) {
        String url = task.request().callbackUrl();
        if (url == null || task.has(FaultKind.CALLBACK_LOST)) {
            return;
        }
        Fault late = task.fault(FaultKind.CALLBACK_LATE);
        long delay = late == null ? 0 : late.delayMillis();
        int gen = generation.get();
        schedule(() -> attempt(task, url, 1, 0, gen), delay);
        if (task.has(FaultKind.CALLBACK_DUPLICATE)) {
            schedule(() -> attempt(task, url, 2, 0, gen), delay + Math.max(1, retryDelay(0) / 2));
        }
    }

    public List<CallbackAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public void clear() {
        generation.incrementAndGet();
        attempts.clear();
    }

    public void stop() {
        stopped = true;
    }

    private void attempt(SimTask task, String url, int delivery, int attempt, int gen) {
        if (stopped || gen != generation.get()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "EvoLink-Simulator-Callback/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.apply(task))).build();
        long sent = System.currentTimeMillis();
        http.get().sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (gen != generation.get()) {
                return;
            }
            int status = response == null ? -1 : response.statusCode();
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            CallbackAttempt a = new CallbackAttempt(task.id(), url, delivery, attempt, status,
                    cause == null ? null : cause.getClass().getSimpleName(), System.currentTimeMillis(), sent);
            attempts.add(a);
            if (!a.succeeded() && attempt < MAX_RETRIES) {
                schedule(() -> attempt(task, url, delivery, attempt + 1, gen), retryDelay(attempt));
            }
        });
    }

    /** 1 s, 2 s, 4 s on the time scale. */
    private long retryDelay(int attempt) {
        return Math.max(1, Math.round((1000L << attempt) * timeScale));
    }

    private void schedule(Runnable r, long delayMillis) {
        if (!stopped) {
            scheduler.schedule(r, delayMillis, TimeUnit.MILLISECONDS);
        }
    }
}
