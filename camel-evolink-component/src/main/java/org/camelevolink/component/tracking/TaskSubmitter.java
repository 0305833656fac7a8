package org.camelevolink.component.tracking;

import org.camelevolink.component.client.CreateTaskRequest;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.Futures;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Pays for a task at most once per idempotency key. The record is saved before the submit is sent, so that a
 * crash in between is resumed by sending the same submit with the same Idempotency-Key (EvoLink answers the first
 * task again); a key whose task is known is resumed without sending anything. Every store call runs on the
 * store's executor; the submission completes once the accepted record is durable.
 */
public final class TaskSubmitter {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The {@link TaskRecord#errorCode} of a submit the credit budget refused: nothing was sent. */
    public static final String CREDIT_BUDGET_EXCEEDED = "credit_budget_exceeded";

    /** The task the exchange goes on with, and its record. {@code resumed}: paid earlier, not by this call. */
    public record Submission(TaskRecord record, EvolinkTask task, boolean resumed) {
    }

    /** How often a submit that another node is sending looks again for the task that node creates. */
    private static final long HOLDER_POLL_MILLIS = 250;

    private final AsyncTaskStore store;
    private final TaskLeases leases;
    private final LongSupplier clock;
    private final CreditBudget budget;
    private final TaskEvents events;

    public TaskSubmitter(AsyncTaskStore store, TaskLeases leases, LongSupplier clock) {
        this(store, leases, clock, CreditBudget.UNLIMITED, TaskEvents.NONE);
    }

    /** {@code budget} is checked before a new key's submit is sent; {@code events} hears of accepted submits. */
    public TaskSubmitter(AsyncTaskStore store, TaskLeases leases, LongSupplier clock, CreditBudget budget,
            TaskEvents events) {
        this.store = store;
        this.leases = leases;
        this.clock = clock;
        this.budget = budget;
        this.events = events;
    }

    /**
     * Submits {@code request} under {@code draft}'s idempotency key, or resumes the task already submitted under
     * it. With a {@code callbackBaseUrl}, the request gets the record's callback URL (the same one on a re-send,
     * so that the re-sent body is the first one). {@code policy} places the task's first read.
     * <p>
     * The record is created before anything is sent, atomically: of two nodes submitting the same key at once, one
     * sends and the other waits for its task, then resumes on it. A record left {@link TaskState#SUBMITTING} by a
     * node that died is sent again (same key) by whichever node claims it once that node's lease has expired.
     */
    public CompletableFuture<Submission> submit(EvolinkClient client, CreateTaskRequest request, TaskRecord draft,
            String callbackBaseUrl, WaitPolicy policy) {
        String key = draft.idempotencyKey();
        return store.call(() -> store.store().create(draft, leases.owner(), leases.leaseUntil())).thenCompose(found -> {
            if (found.isEmpty()) {
                leases.hold(key, null);
                return withinBudget(draft).thenCompose(ok -> send(client, request, draft, false, callbackBaseUrl,
                        policy));
            }
            return submitKnown(client, request, found.get(), draft, callbackBaseUrl, policy);
        });
    }

    private CompletableFuture<Submission> submitKnown(EvolinkClient client, CreateTaskRequest request,
            TaskRecord known, TaskRecord draft, String callbackBaseUrl, WaitPolicy policy) {
        if (known.taskId() != null) {
            return resume(client, known);
        }
        if (known.state() != TaskState.SUBMITTING) {
            // refused earlier, and created no task: sent again as a new submit under the same key
            return store.save(draft).thenCompose(saved -> {
                leases.hold(draft.idempotencyKey(), null);
                return withinBudget(draft).thenCompose(ok -> send(client, request, draft, false, callbackBaseUrl,
                        policy));
            });
        }
        return store.claim(known.idempotencyKey(), leases.owner(), leases.leaseUntil()).thenCompose(claimed -> {
            if (!claimed) {
                return afterHolder(client, request, known, draft, callbackBaseUrl, policy);
            }
            leases.hold(known.idempotencyKey(), null);
            return send(client, request, known, true, callbackBaseUrl, policy);
        });
    }

    /**
     * Completes when the credit budget lets {@code draft}'s new submit go; else fails with the budget's refusal
     * once the record is closed as refused (nothing was sent, so the same key may be sent again later).
     */
    private CompletableFuture<Void> withinBudget(TaskRecord draft) {
        if (!budget.isLimited()) {
            return CompletableFuture.completedFuture(null);
        }
        return budget.used(store, clock.getAsLong()).thenCompose(used -> {
            var refusal = budget.check(draft.model(), used);
            if (refusal.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            events.budgetRefused(draft.model());
            long now = clock.getAsLong();
            leases.release(draft.idempotencyKey());
            return store.save(draft.gaveUp(CREDIT_BUDGET_EXCEEDED, refusal.get().getMessage(), now).delivered(now))
                    .<Void>handle((saved, storeError) -> {
                        throw new CompletionException(refusal.get());
                    });
        });
    }

    /** Another live node is sending this key's submit: look again shortly, until its task is known or it gave up. */
    private CompletableFuture<Submission> afterHolder(EvolinkClient client, CreateTaskRequest request,
            TaskRecord known, TaskRecord draft, String callbackBaseUrl, WaitPolicy policy) {
        return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(HOLDER_POLL_MILLIS, TimeUnit.MILLISECONDS))
                .thenCompose(waited -> store.find(known.idempotencyKey()))
                .thenCompose(found -> submitKnown(client, request, found.orElse(known), draft, callbackBaseUrl,
                        policy));
    }

    private CompletableFuture<Submission> send(EvolinkClient client, CreateTaskRequest request,
            TaskRecord submitting, boolean again, String callbackBaseUrl, WaitPolicy policy) {
        CreateTaskRequest sent = submitting.callbackToken() == null ? request
                : request.toBuilder().callbackUrl(callbackUrl(callbackBaseUrl, submitting.callbackToken())).build();
        long sentAt = clock.getAsLong();
        return client.createTask(sent, submitting.idempotencyKey()).handle((created, error) -> {
            long now = clock.getAsLong();
            if (error != null) {
                Throwable cause = Futures.unwrap(error);
                events.failed("Submitting a task of " + submitting.model(), cause);
                leases.release(submitting.idempotencyKey()); // a re-sent message may resume it on any node
                return forgetIfRefused(submitting, cause, now)
                        .<Submission>handle((forgotten, storeError) -> {
                            throw new CompletionException(cause); // the refusal is the answer, even if the save failed
                        });
            }
            EvolinkTask task = created.task();
            // a re-send that EvoLink did not answer from its idempotency store created the task now: its wait
            // counts from now, not from a first attempt that created nothing (a 500) long ago
            TaskRecord sentNow = again && !created.replayed() ? submitting.sentAgainAt(sentAt) : submitting;
            Double credits = task.getUsage() == null ? null : task.getUsage().creditsReserved();
            TaskRecord accepted = sentNow.accepted(task.getId(),
                    now + policy.firstReadDelay(task.getEstimatedTime()), now).reserved(credits);
            budget.reserved(submitting.model(), credits);
            if (!created.replayed()) {
                events.submitted(submitting.model(), now - sentAt, credits);
            }
            if (task.isFinished()) {
                accepted = accepted.finished(task, now);
            }
            leases.hold(accepted.idempotencyKey(), accepted.taskId());
            return store.save(accepted).thenApply(saved -> {
                budget.reservationSaved(credits);
                return new Submission(saved, task, created.replayed());
            });
        }).thenCompose(submission -> submission);
    }

    /** A new unguessable callback token: 256 random bits, URL-safe. */
    public static String newCallbackToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String callbackUrl(String callbackBaseUrl, String token) {
        return callbackBaseUrl.endsWith("/") ? callbackBaseUrl + token : callbackBaseUrl + "/" + token;
    }

    /** The task as far as it is known: its stored outcome, else its current state read from EvoLink. */
    private CompletableFuture<Submission> resume(EvolinkClient client, TaskRecord known) {
        if (known.outcome() != null) {
            return CompletableFuture.completedFuture(new Submission(known, known.outcome(), true));
        }
        return client.getTask(known.taskId()).thenApply(task -> new Submission(known, task, true));
    }

    /**
     * A submit EvoLink refused (a 4xx other than 408, 409 and 429) created no task: the record is closed so that the same key
     * may be sent again once the request is fixed. After a network error or a 5xx the task may exist, so the record
     * stays {@link TaskState#SUBMITTING} and a redelivery re-sends it with the same key.
     */
    private CompletableFuture<?> forgetIfRefused(TaskRecord submitting, Throwable error, long now) {
        if (error instanceof EvolinkApiException api && api.getStatusCode() >= 400 && !api.isRetryable()
                && api.getStatusCode() != 408 && api.getStatusCode() != 409) {
            return store.save(submitting.gaveUp(api.getCode(), api.getMessage(), now).delivered(now));
        }
        return CompletableFuture.completedFuture(null);
    }

}
