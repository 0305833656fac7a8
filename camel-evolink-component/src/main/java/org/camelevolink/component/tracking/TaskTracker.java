package org.camelevolink.component.tracking;

import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.Futures;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkException;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Waits for many tasks without holding a thread per task: every waiting task is an entry in a queue ordered by
 * its next read; one timer wakes when the earliest is due, reads every due task of the same reader in one batch
 * (with those due within the policy's coalescing window), completes the finished ones and re-queues the others
 * as the {@link WaitPolicy} says. Nothing blocks: reads are asynchronous.
 */
public final class TaskTracker {

    private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);

    /** How long a callback's read waits for other callbacks to join its batch. */
    public static final long CALLBACK_GATHER_MILLIS = 20;

    private final ScheduledExecutorService scheduler;
    private final OutageWatch outages;
    private final LongSupplier clock;
    private final PriorityQueue<Waiter> queue = new PriorityQueue<>((a, b) -> Long.compare(a.nextReadAt, b.nextReadAt));
    /** The queued waiters by task id, for reads brought forward by a callback. */
    private final Map<String, Waiter> queuedById = new HashMap<>();
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt = Long.MAX_VALUE;
    private volatile boolean stopped;
    private volatile TaskEvents events = TaskEvents.NONE;
    private volatile int lastBatchSize;

    /** A task being waited for, as the developer console shows it. {@code progress} is -1 before the first read. */
    public record WaitingTask(String taskId, String model, String status, int progress, long startedAt,
            long nextReadAt) {
    }

    private static final class Waiter {
        private final String taskId;
        private final TaskReader reader;
        private final WaitPolicy policy;
        private final long deadline;
        private final long startedAt;
        private final CompletableFuture<EvolinkTask> result = new CompletableFuture<>();
        private long nextReadAt;
        private String lastStatus;
        private String model;
        private int lastProgress = -1;
        private Exception lastError;

        private Waiter(String taskId, TaskReader reader, WaitPolicy policy, long startedAt) {
            this.taskId = taskId;
            this.reader = reader;
            this.policy = policy;
            this.startedAt = startedAt;
            this.deadline = startedAt + policy.maxWaitMillis();
        }
    }

    public TaskTracker(ScheduledExecutorService scheduler, OutageWatch outages) {
        this(scheduler, outages, System::currentTimeMillis);
    }

    TaskTracker(ScheduledExecutorService scheduler, OutageWatch outages, LongSupplier clock) {
        this.scheduler = scheduler;
        this.outages = outages;
        this.clock = clock;
    }

    /** Where the tracker tells of progress and failed reads. */
    public void setEvents(TaskEvents events) {
        this.events = events;
    }

    /** Whether EvoLink answers the reads of waiting tasks. */
    public OutageWatch outages() {
        return outages;
    }

    /**
     * Waits for {@code submitted} to end. The future completes with the finished task (completed, failed or
     * cancelled: judging the outcome is the caller's business), or exceptionally with an
     * {@link EvolinkTimeoutException} or the error that made further reads pointless.
     */
    public CompletableFuture<EvolinkTask> whenFinished(EvolinkTask submitted, TaskReader reader, WaitPolicy policy) {
        if (submitted.isFinished()) {
            return CompletableFuture.completedFuture(submitted);
        }
        long now = clock.getAsLong();
        Waiter w = new Waiter(submitted.getId(), reader, policy, now);
        w.lastStatus = submitted.getStatus().wireName();
        w.model = submitted.getModel();
        w.lastProgress = submitted.getProgress();
        w.nextReadAt = Math.min(w.deadline, now + policy.firstReadDelay(submitted.getEstimatedTime()));
        enqueue(w);
        return w.result;
    }

    /**
     * Waits again for a task submitted at {@code submittedAt} (epoch millis) whose first read is due at
     * {@code firstReadAt}: the wait of a task found in the task store after a restart. Its deadline still counts
     * from the submit.
     */
    public CompletableFuture<EvolinkTask> whenFinished(String taskId, long submittedAt, long firstReadAt,
            TaskReader reader, WaitPolicy policy) {
        Waiter w = new Waiter(taskId, reader, policy, submittedAt);
        w.nextReadAt = Math.max(clock.getAsLong(), Math.min(w.deadline, firstReadAt));
        enqueue(w);
        return w.result;
    }

    /**
     * Reads {@code taskId} as soon as possible instead of at its scheduled time, because a callback said it
     * changed. The read, not the callback, decides the outcome: callbacks are unsigned. It waits 20 ms, so that
     * the callbacks of tasks ending together are read in one batch. Returns false when the task is not being
     * waited for (already finished, or never tracked here).
     */
    public synchronized boolean readNow(String taskId) {
        Waiter w = queuedById.get(taskId);
        if (w == null) {
            return false;
        }
        long soon = clock.getAsLong() + CALLBACK_GATHER_MILLIS;
        if (w.nextReadAt <= soon) {
            return true;
        }
        queue.remove(w);
        w.nextReadAt = soon;
        queue.add(w);
        armTimer();
        return true;
    }

    /**
     * Stops waiting for {@code taskId}: another node waits for it now. Its wait ends with an {@link EvolinkException};
     * a read of it under way still completes.
     */
    public void forget(String taskId) {
        Waiter w;
        synchronized (this) {
            w = queuedById.remove(taskId);
            if (w != null) {
                queue.remove(w);
            }
        }
        if (w != null) {
            w.result.completeExceptionally(new EvolinkException("Task " + taskId + " is waited for by another node"));
        }
    }

    /** Whether {@code taskId} is queued for a read. */
    public synchronized boolean isWaitingFor(String taskId) {
        return queuedById.containsKey(taskId);
    }

    /** Tasks being waited for. */
    public synchronized int waiting() {
        return queue.size();
    }

    /** How many tasks the last read asked for at once (one batch), 0 before the first. */
    public int lastBatchSize() {
        return lastBatchSize;
    }

    /** The tasks queued for a read now (not those being read at this moment), earliest read first. */
    public synchronized List<WaitingTask> waitingTasks() {
        return queue.stream().sorted((a, b) -> Long.compare(a.nextReadAt, b.nextReadAt))
                .map(w -> new WaitingTask(w.taskId, w.model, w.lastStatus, w.lastProgress, w.startedAt, w.nextReadAt))
                .toList();
    }

    /**
     * Fails every wait with an {@link EvolinkException} (not a timeout: the wait did not run out, it was cut short).
     * The tasks still exist at EvoLink, so the error names them.
     */
    public void stop() {
        List<Waiter> pending;
        synchronized (this) {
            stopped = true;
            pending = new ArrayList<>(queue);
            queue.clear();
            queuedById.clear();
            if (wakeUp != null) {
                wakeUp.cancel(false);
            }
        }
        pending.forEach(w -> w.result.completeExceptionally(stopping(w.taskId)));
    }

    private static EvolinkException stopping(String taskId) {
        return new EvolinkException("The EvoLink component is stopping; task " + taskId
                + " still exists and can be read with its id");
    }

    private synchronized void enqueue(Waiter w) {
        if (stopped) {
            w.result.completeExceptionally(stopping(w.taskId));
            return;
        }
        queue.add(w);
        queuedById.put(w.taskId, w);
        armTimer();
    }

    /** Keeps exactly one timer, set to the earliest due read. */
    private void armTimer() {
        Waiter first = queue.peek();
        if (first == null || first.nextReadAt >= wakeUpAt) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpAt = first.nextReadAt;
        long delay = Math.max(0, first.nextReadAt - clock.getAsLong());
        wakeUp = scheduler.schedule(this::readDue, delay, TimeUnit.MILLISECONDS);
    }

    private void readDue() {
        Map<TaskReader, List<Waiter>> due = new HashMap<>();
        synchronized (this) {
            wakeUpAt = Long.MAX_VALUE;
            wakeUp = null;
            long horizon = queue.isEmpty() ? 0 : clock.getAsLong() + queue.peek().policy.coalesceMillis();
            while (!queue.isEmpty() && queue.peek().nextReadAt <= horizon) {
                Waiter w = queue.poll();
                queuedById.remove(w.taskId, w);
                due.computeIfAbsent(w.reader, r -> new ArrayList<>()).add(w);
            }
            armTimer();
        }
        due.forEach(this::read);
    }

    private void read(TaskReader reader, List<Waiter> waiters) {
        List<String> ids = waiters.stream().map(w -> w.taskId).toList();
        lastBatchSize = ids.size();
        CompletableFuture<List<EvolinkTask>> reading;
        try {
            reading = reader.read(ids);
        } catch (RuntimeException e) {
            reading = CompletableFuture.failedFuture(e);
        }
        reading.whenComplete((tasks, error) -> {
            Throwable failure = Futures.unwrap(error);
            if (failure == null || !isTransient(failure)) {
                outages.readAnswered(reader);
            } else {
                outages.readFailed(reader, failure, ids.size());
            }
            if (failure != null) {
                events.failed("Reading " + ids.size() + " EvoLink task(s)", failure);
            }
            Map<String, EvolinkTask> byId = new HashMap<>();
            if (tasks != null) {
                tasks.forEach(t -> byId.put(t.getId(), t));
            }
            for (Waiter w : waiters) {
                handle(w, byId.get(w.taskId), Futures.unwrap(error));
            }
        });
    }

    private void handle(Waiter w, EvolinkTask task, Throwable error) {
        long now = clock.getAsLong();
        if (task != null && task.isFinished()) {
            w.result.complete(task);
            return;
        }
        if (error != null && stopped) {
            // a read under way when the tracker stopped fails as the client closes: the wait was cut short by the
            // stop, not by EvoLink, and says so as the queued waits do
            w.result.completeExceptionally(stopping(w.taskId));
            return;
        }
        if (error != null && !isTransient(error)) {
            w.result.completeExceptionally(error);
            return;
        }
        if (task == null && error == null) {
            w.result.completeExceptionally(new EvolinkApiException(404, "task_not_found", "invalid_request_error",
                    "task_id", "EvoLink no longer knows task " + w.taskId, null));
            return;
        }
        if (task != null) {
            w.lastStatus = task.getStatus().wireName();
            w.model = task.getModel();
            if (task.getProgress() != w.lastProgress) {
                w.lastProgress = task.getProgress();
                events.progressed(task);
            }
        }
        w.lastError = error instanceof Exception e ? e : null;
        if (now >= w.deadline) {
            w.result.completeExceptionally(timeout(w, now));
            return;
        }
        Double estimate = task == null ? null : task.getEstimatedTime();
        w.nextReadAt = Math.min(w.deadline, now + w.policy.nextDelay(now - w.startedAt, estimate));
        if (error != null) {
            LOG.debug("Reading EvoLink task {} failed ({}); reading again later", w.taskId, error.getMessage());
        }
        enqueue(w);
    }

    private static EvolinkTimeoutException timeout(Waiter w, long now) {
        EvolinkTimeoutException e = new EvolinkTimeoutException(w.taskId, w.lastStatus, now - w.startedAt);
        if (w.lastError != null) {
            e.initCause(w.lastError);
        }
        return e;
    }

    /**
     * Errors the next read may not see, so the wait goes on: what the client retries (429, 502, 503, network,
     * timeout), and also a 500 or a 2xx answer that is not the expected JSON. A read changes nothing, so a server
     * error or a garbled answer is no reason to give up a task that is paid for and may still complete; only a
     * refusal (4xx: key, permission, unknown task) or the client closing ends the wait early.
     */
    private static boolean isTransient(Throwable error) {
        if (!(error instanceof EvolinkApiException api)) {
            return false;
        }
        int status = api.getStatusCode();
        return api.isRetryable() || status >= 500 || status >= 200 && status < 300;
    }

}
