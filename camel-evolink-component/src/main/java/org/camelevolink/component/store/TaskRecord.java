package org.camelevolink.component.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.camelevolink.component.client.EvolinkTask;

import java.util.Map;
import java.util.Objects;

/**
 * What the component remembers of one paid submit, keyed by its Idempotency-Key: enough to resume waiting after a
 * restart, to find the task again when the same message is sent twice, and to deliver the outcome exactly once to
 * a consumer. Immutable: every change is a new record saved over the old one.
 *
 * @param idempotencyKey the Idempotency-Key sent with the submit; the record's identity
 * @param taskId         EvoLink's task id; {@code null} while the submit is {@link TaskState#SUBMITTING}
 * @param model          the model the task runs
 * @param delivery       who receives the outcome
 * @param correlationId  the correlation id the submitting exchange asked to keep, or {@code null}
 * @param carriedHeaders headers of the submitting exchange to put on the delivered exchange, as text
 * @param callbackToken  the unguessable token of this task's callback URL, or {@code null} without callbacks
 * @param submittedAt    when the submit was sent (epoch millis); the wait's deadline counts from here
 * @param nextReadAt     when the task should be read next (epoch millis), while it runs
 * @param nextDeliveryAt when the outcome is delivered to a consumer (next), once {@link TaskState#FINISHED}
 * @param state          where the record is in its life
 * @param outcome        the finished task, once {@link TaskState#FINISHED}; {@code null} if the component gave up
 * @param errorCode      why the component gave up on the task (e.g. {@code timeout}), else {@code null}
 * @param errorMessage   the human-readable reason that goes with {@code errorCode}
 * @param deliveryAttempts how often the outcome was delivered to a consumer route
 * @param updatedAt      when the record last changed (epoch millis)
 * @param creditsReserved the credits EvoLink reserved for the task ({@code usage.credits_reserved}), once accepted;
 *                       {@code null} before, or when EvoLink did not say (and in records of earlier versions). The
 *                       credit budget counts them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskRecord(String idempotencyKey, String taskId, String model, Delivery delivery,
        String correlationId, Map<String, String> carriedHeaders, String callbackToken, long submittedAt,
        long nextReadAt, long nextDeliveryAt, TaskState state, EvolinkTask outcome, String errorCode, String errorMessage,
        int deliveryAttempts, long updatedAt, Double creditsReserved) {

    /** The {@link #errorCode} of a task not ended within {@code maxWaitTime}: it may still finish at EvoLink. */
    public static final String WAIT_TIMEOUT = "timeout";

    /** Who receives the outcome of the task. */
    public enum Delivery {
        /** The submitting exchange waits for it ({@code waitForCompletion=true}). */
        PRODUCER,
        /** An {@code evolink:} consumer receives it ({@code waitForCompletion=false}). */
        CONSUMER
    }

    public TaskRecord {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(state, "state");
        carriedHeaders = carriedHeaders == null ? Map.of() : Map.copyOf(carriedHeaders);
    }

    /** A submit about to be sent: no task id yet. */
    public static TaskRecord submitting(String idempotencyKey, String model, Delivery delivery, String correlationId,
            Map<String, String> carriedHeaders, String callbackToken, long now) {
        return new TaskRecord(idempotencyKey, null, model, delivery, correlationId, carriedHeaders, callbackToken, now,
                now, 0, TaskState.SUBMITTING, null, null, null, 0, now, null);
    }

    /** EvoLink accepted the submit as {@code taskId}; the first read is due at {@code nextReadAt}. */
    public TaskRecord accepted(String taskId, long nextReadAt, long now) {
        return new TaskRecord(idempotencyKey, taskId, model, delivery, correlationId, carriedHeaders, callbackToken,
                submittedAt, nextReadAt, nextDeliveryAt, TaskState.WAITING, null, null, null, deliveryAttempts, now,
                creditsReserved);
    }

    /** The submit was sent again at {@code sentAt} and created its task then: the wait's deadline counts from it. */
    public TaskRecord sentAgainAt(long sentAt) {
        return new TaskRecord(idempotencyKey, taskId, model, delivery, correlationId, carriedHeaders, callbackToken,
                sentAt, nextReadAt, nextDeliveryAt, state, outcome, errorCode, errorMessage, deliveryAttempts,
                updatedAt, creditsReserved);
    }

    /** EvoLink reserved {@code credits} for the task (null: it did not say). */
    public TaskRecord reserved(Double credits) {
        return new TaskRecord(idempotencyKey, taskId, model, delivery, correlationId, carriedHeaders, callbackToken,
                submittedAt, nextReadAt, nextDeliveryAt, state, outcome, errorCode, errorMessage, deliveryAttempts,
                updatedAt, credits);
    }

    /** The task ended (completed, failed or cancelled). */
    public TaskRecord finished(EvolinkTask task, long now) {
        return new TaskRecord(idempotencyKey, taskId, model, delivery, correlationId, carriedHeaders, callbackToken,
                submittedAt, nextReadAt, now, TaskState.FINISHED, task, null, null, deliveryAttempts, now,
                creditsReserved);
    }

    /** The component stopped waiting (deadline passed, task unknown to EvoLink): the outcome is this error. */
    public TaskRecord gaveUp(String code, String message, long now) {
        return new TaskRecord(idempotencyKey, taskId, model, delivery, correlationId, carriedHeaders, callbackToken,
                submittedAt, nextReadAt, now, TaskState.FINISHED, null, code, message, deliveryAttempts,
                now, creditsReserved);
    }

    /** A consumer route failed the delivered outcome: it is delivered again at {@code nextDeliveryAt}. */
    public TaskRecord deliveryFailed(long nextDeliveryAt, long now) {
        return new TaskRecord(idempotencyKey, taskId, model, delivery, correlationId, carriedHeaders, callbackToken,
                submittedAt, nextReadAt, nextDeliveryAt, state, outcome, errorCode, errorMessage, deliveryAttempts + 1,
                now, creditsReserved);
    }

    /** The outcome reached its receiver: the record is kept only so that a re-sent message is not paid twice. */
    public TaskRecord delivered(long now) {
        return new TaskRecord(idempotencyKey, taskId, model, delivery, correlationId, carriedHeaders, callbackToken,
                submittedAt, nextReadAt, nextDeliveryAt, TaskState.DELIVERED, outcome, errorCode, errorMessage,
                state == TaskState.DELIVERED ? deliveryAttempts : deliveryAttempts + 1, now, creditsReserved);
    }

    /** Whether this component receives the task's callback (polling is then only the safety net). */
    @JsonIgnore
    public boolean hasCallback() {
        return callbackToken != null;
    }

    @JsonIgnore
    public boolean isFinished() {
        return state == TaskState.FINISHED || state == TaskState.DELIVERED;
    }

    @Override
    public String toString() {
        // the callback token is a bearer secret: never printed
        return "TaskRecord[" + idempotencyKey + ", task=" + taskId + ", model=" + model + ", " + delivery + ", "
                + state + (correlationId == null ? "" : ", correlationId=" + correlationId) + "]";
    }
}
