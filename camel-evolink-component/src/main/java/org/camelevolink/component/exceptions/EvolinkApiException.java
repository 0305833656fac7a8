package org.camelevolink.component.exceptions;

/**
 * EvoLink answered an HTTP error (or an unreadable answer). {@link #getCode()} is always a string, also where the
 * server sent a number. Status 0 means no HTTP answer was received (connection failure, malformed body).
 */
public class EvolinkApiException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    /** Codes of failures without an HTTP answer (status 0), or of an answer the client could not use. */
    public static final String NETWORK_ERROR = "network_error";
    /** No answer within the response timeout (status 0). */
    public static final String TIMEOUT = "timeout";
    /** A 2xx answer whose body is not the JSON it should be (the status is the answer's). */
    public static final String MALFORMED_RESPONSE = "malformed_response";
    /** The answer body passed the configured size bound; reading stopped there (status 0). */
    public static final String RESPONSE_TOO_LARGE = "response_too_large";
    /** The client was closed before the call ended (status 0). */
    public static final String CLIENT_CLOSED = "client_closed";
    /** The HTTP exchange was cancelled (status 0). */
    public static final String CANCELLED = "cancelled";

    private final int statusCode;
    private final String code;
    private final String type;
    private final String param;
    private final String requestId;
    private final String fallbackSuggestion;

    public EvolinkApiException(int statusCode, String code, String type, String param, String message,
            String requestId) {
        this(statusCode, code, type, param, message, requestId, null);
    }

    public EvolinkApiException(int statusCode, String code, String type, String param, String message,
            String requestId, Throwable cause) {
        this(statusCode, code, type, param, message, requestId, null, cause);
    }

    public EvolinkApiException(int statusCode, String code, String type, String param, String message,
            String requestId, String fallbackSuggestion, Throwable cause) {
        super(describe(statusCode, code, param, message, requestId), cause);
        this.statusCode = statusCode;
        this.code = code;
        this.type = type;
        this.param = param;
        this.requestId = requestId;
        this.fallbackSuggestion = fallbackSuggestion;
    }

    private static String describe(int status, String code, String param, String message, String requestId) {
        StringBuilder sb = new StringBuilder("EvoLink API error");
        if (status > 0) {
            sb.append(" HTTP ").append(status);
        }
        if (code != null) {
            sb.append(" [").append(code).append(']');
        }
        if (param != null) {
            sb.append(" on '").append(param).append('\'');
        }
        sb.append(": ").append(message);
        if (requestId != null) {
            sb.append(" (request id: ").append(requestId).append(')');
        }
        return sb.toString();
    }

    public int getStatusCode() {
        return statusCode;
    }

    public String getCode() {
        return code;
    }

    public String getType() {
        return type;
    }

    public String getParam() {
        return param;
    }

    public String getRequestId() {
        return requestId;
    }

    /**
     * {@code error.fallback_suggestion} of EvoLink's error schema, e.g. "retry after 60 seconds" or a billing page,
     * or null when the answer had none.
     */
    public String getFallbackSuggestion() {
        return fallbackSuggestion;
    }

    /**
     * Worth retrying later: 429, 5xx other than 501, or no answer because of the network or a timeout. Not an
     * oversized answer or a closed client: the same call would end the same way.
     */
    public boolean isRetryable() {
        if (statusCode == 0) {
            return NETWORK_ERROR.equals(code) || TIMEOUT.equals(code);
        }
        return statusCode == 429 || (statusCode >= 500 && statusCode != 501);
    }
}
