package org.camelevolink.simulator.fault;

/**
 * One fault with its parameters. Build with the static factories.
 *
 * @param delayMillis for SLOW and CALLBACK_LATE (wall-clock, not scaled)
 * @param failCode for FAIL_TASK: a documented business code such as {@code generation_timeout}
 * @param images for MODERATED: how many images survive (0..3)
 * @param retryAfterSeconds for RATE_LIMIT
 */
public record Fault(FaultKind kind, long delayMillis, String failCode, int images, long retryAfterSeconds) {

    public static Fault of(FaultKind kind) {
        return new Fault(kind, 0, null, 0, 0);
    }

    public static Fault slow(long delayMillis) {
        return new Fault(FaultKind.SLOW, delayMillis, null, 0, 0);
    }

    public static Fault failTask(String code) {
        return new Fault(FaultKind.FAIL_TASK, 0, code, 0, 0);
    }

    public static Fault moderated(int images) {
        return new Fault(FaultKind.MODERATED, 0, null, images, 0);
    }

    public static Fault rateLimit(long retryAfterSeconds) {
        return new Fault(FaultKind.RATE_LIMIT, 0, null, 0, retryAfterSeconds);
    }

    public static Fault lateCallback(long delayMillis) {
        return new Fault(FaultKind.CALLBACK_LATE, delayMillis, null, 0, 0);
    }
}
