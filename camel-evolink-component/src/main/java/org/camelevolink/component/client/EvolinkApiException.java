package org.camelevolink.component.client;

/**
 * EvoLink answered an HTTP error (or an unreadable answer). {@link #getCode()} is always a string, also where the
 * server sent a number. Status 0 means no HTTP answer was received (connection failure, malformed body).
 */
public class EvolinkApiException extends EvolinkException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String code;
    private final String type;
    private final String param;
    private final String requestId;

    public EvolinkApiException(int statusCode, String code, String type, String param, String message,
            String requestId) {
        this(statusCode, code, type, param, message, requestId, null);
    }

    public EvolinkApiException(int statusCode, String code, String type, String param, String message,
            String requestId, Throwable cause) {
        super(describe(statusCode, code, param, message, requestId), cause);
        this.statusCode = statusCode;
        this.code = code;
        this.type = type;
        this.param = param;
        this.requestId = requestId;
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

    /** 429, 5xx other than 501, or no answer at all: worth retrying later. */
    public boolean isRetryable() {
        return statusCode == 0 || statusCode == 429 || (statusCode >= 500 && statusCode != 501);
    }
}
