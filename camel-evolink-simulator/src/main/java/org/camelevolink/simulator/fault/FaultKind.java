package org.camelevolink.simulator.fault;

/** What can be made to go wrong. Transport faults hit one request; task faults shape the task a submit creates. */
public enum FaultKind {
    /** Answer 500 without doing anything. */
    HTTP_500(false),
    HTTP_502(false),
    HTTP_503(false),
    /** 429 with {@code Retry-After}. */
    RATE_LIMIT(false),
    /** Close the connection before the request takes effect. */
    RESET_BEFORE(false),
    /** Let the request take effect (a submit is charged), then close the connection without an answer. */
    RESET_AFTER(false),
    /** Wait {@code delayMillis} before answering normally. */
    SLOW(false),
    /** Answer 200 with a body that is not JSON. */
    MALFORMED_JSON(false),
    /** Answer 200 with the JSON cut in half. */
    TRUNCATED_JSON(false),
    /** The task stays {@code processing} forever. */
    NEVER_FINISH(true),
    /** The task fails with {@code failCode}, credits refunded. */
    FAIL_TASK(true),
    /** Moderation filters images: the task completes with {@code images} results, credits not refunded. */
    MODERATED(true),
    /** The callback is delivered twice. */
    CALLBACK_DUPLICATE(true),
    /** The callback arrives {@code delayMillis} late. */
    CALLBACK_LATE(true),
    /** No callback is ever sent. */
    CALLBACK_LOST(true);

    private final boolean taskLevel;

    FaultKind(boolean taskLevel) {
        this.taskLevel = taskLevel;
    }

    public boolean isTaskLevel() {
        return taskLevel;
    }
}
