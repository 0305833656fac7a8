package org.camelevolink.component.client;

/**
 * The answer to a paid submit.
 *
 * @param idempotencyKey the key the submit carried (every re-send used the same one)
 * @param replayed EvoLink answered an earlier submit with this key again: nothing new was charged
 */
public record SubmittedTask(EvolinkTask task, String idempotencyKey, boolean replayed) {
}
