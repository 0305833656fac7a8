package org.camelevolink.component.exceptions;

import java.util.Set;

/** The task ran and ended {@code failed} (or {@code cancelled}) with EvoLink's business error code. */
public class EvolinkTaskFailedException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    /** Codes EvoLink's error-code reference says are worth a later retry (server side, not the request's fault). */
    private static final Set<String> RETRYABLE = Set.of("generation_failed_no_content", "service_error",
            "generation_timeout", "resource_exhausted", "quota_exceeded", "service_unavailable", "unknown_error",
            "model_unavailable", "upstream_error", "rate_limited");

    private final String taskId;
    private final String model;
    private final String errorCode;
    private final String suggestion;
    private final String fallbackSuggestion;

    public EvolinkTaskFailedException(String taskId, String model, String errorCode, String errorMessage) {
        this(taskId, model, errorCode, errorMessage, null, null);
    }

    public EvolinkTaskFailedException(String taskId, String model, String errorCode, String errorMessage,
            String suggestion, String fallbackSuggestion) {
        super("EvoLink task " + taskId + " (" + model + ") failed [" + errorCode + "]: " + errorMessage);
        this.taskId = taskId;
        this.model = model;
        this.errorCode = errorCode;
        this.suggestion = suggestion;
        this.fallbackSuggestion = fallbackSuggestion;
    }

    public static boolean isRetryableCode(String code) {
        return code != null && RETRYABLE.contains(code);
    }

    public String getTaskId() {
        return taskId;
    }

    public String getModel() {
        return model;
    }

    public String getErrorCode() {
        return errorCode;
    }

    /** The task error's {@code suggestion}, when EvoLink gave one (null otherwise). */
    public String getSuggestion() {
        return suggestion;
    }

    /** The task error's {@code fallback_suggestion}, when EvoLink gave one (null otherwise). */
    public String getFallbackSuggestion() {
        return fallbackSuggestion;
    }

    public boolean isRetryable() {
        return isRetryableCode(errorCode);
    }
}
