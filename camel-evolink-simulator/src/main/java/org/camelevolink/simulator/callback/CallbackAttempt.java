package org.camelevolink.simulator.callback;

/**
 * One callback delivery attempt.
 *
 * @param delivery 1 for the first delivery, 2 for a duplicate
 * @param attempt 0 for the first try, 1..3 for the retries
 * @param status HTTP status the receiver answered, or -1 when it did not answer in time or refused the connection
 * @param atMillis when the answer (or the failure) was back, wall clock
 * @param sentMillis when the request was handed to the HTTP client, wall clock: what tells the sender's delay from
 *                   the receiver's
 */
public record CallbackAttempt(String taskId, String url, int delivery, int attempt, int status, String error,
        long atMillis, long sentMillis) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
