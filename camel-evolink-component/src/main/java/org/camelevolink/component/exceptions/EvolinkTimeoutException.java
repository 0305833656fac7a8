package org.camelevolink.component.exceptions;

/**
 * The wait for a task ended before the task did. The task still exists at EvoLink and may still complete: resume
 * with its id instead of submitting (and paying) again.
 */
public class EvolinkTimeoutException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    private final String taskId;
    private final String lastStatus;

    public EvolinkTimeoutException(String taskId, String lastStatus, long waitedMillis) {
        super("Gave up waiting for EvoLink task " + taskId + " after " + waitedMillis + " ms (last status: "
                + lastStatus + "); the task still exists: read it with its id instead of resubmitting");
        this.taskId = taskId;
        this.lastStatus = lastStatus;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getLastStatus() {
        return lastStatus;
    }
}
