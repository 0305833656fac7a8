package org.camelevolink.component.reliability;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkException;
import org.camelevolink.component.exceptions.EvolinkTaskFailedException;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;

import java.util.List;

/**
 * How one logical request ended, as its receiver saw it: the waiting exchange (its body or its exception) or the
 * exchange delivered to a consumer (its status and error headers).
 *
 * @param kind     what kind of end
 * @param code     EvoLink's or the component's error code; null when completed
 * @param taskId   the task, when the end names one
 * @param images   result links of a completed task
 * @param producer true when the submitting exchange itself ended this way (not a consumer)
 */
record Outcome(Kind kind, String code, String taskId, int images, boolean producer) {

    enum Kind {
        COMPLETED,
        /** The task ran and failed with a business code. */
        FAILED,
        /** The component stopped waiting: maxWaitTime. */
        TIMEOUT,
        /** A typed Evolink error other than the above (API error, refused download, ...). */
        ERROR,
        /** An exception that is not an EvolinkException: always a defect. */
        UNTYPED
    }

    static Outcome ofProducerSuccess(Exchange exchange) {
        return new Outcome(Kind.COMPLETED, null, exchange.getMessage().getHeader(EvolinkConstants.TASK_ID,
                String.class), results(exchange.getMessage()), true);
    }

    /** {@code taskId}: the task the failed exchange names in its headers, if any (a failed download does). */
    static Outcome ofProducerError(Throwable error, String taskId) {
        if (error instanceof EvolinkTaskFailedException f) {
            return new Outcome(Kind.FAILED, f.getErrorCode(), f.getTaskId(), 0, true);
        }
        if (error instanceof EvolinkTimeoutException t) {
            return new Outcome(Kind.TIMEOUT, "timeout", t.getTaskId(), 0, true);
        }
        if (error instanceof EvolinkApiException api) {
            return new Outcome(Kind.ERROR, api.getCode(), taskId, 0, true);
        }
        if (error instanceof EvolinkException) {
            return new Outcome(Kind.ERROR, error.getClass().getSimpleName(), taskId, 0, true);
        }
        return new Outcome(Kind.UNTYPED, String.valueOf(error), taskId, 0, true);
    }

    static Outcome ofEmission(Message m) {
        String taskId = m.getHeader(EvolinkConstants.TASK_ID, String.class);
        String code = m.getHeader(EvolinkConstants.ERROR_CODE, String.class);
        String status = m.getHeader(EvolinkConstants.TASK_STATUS, String.class);
        if (code == null && "completed".equals(status)) {
            return new Outcome(Kind.COMPLETED, null, taskId, results(m), false);
        }
        if ("failed".equals(status) || "cancelled".equals(status)) {
            return new Outcome(Kind.FAILED, code, taskId, 0, false);
        }
        if ("timeout".equals(code)) {
            return new Outcome(Kind.TIMEOUT, code, taskId, 0, false);
        }
        return new Outcome(code == null ? Kind.UNTYPED : Kind.ERROR, code, taskId, 0, false);
    }

    private static int results(Message m) {
        List<?> urls = m.getHeader(EvolinkConstants.RESULT_URLS, List.class);
        return urls == null ? 0 : urls.size();
    }
}
