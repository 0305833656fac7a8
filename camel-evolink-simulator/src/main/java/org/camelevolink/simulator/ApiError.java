package org.camelevolink.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer in EvoLink's error envelope: {@code {"error":{"code","message","type","param"}}} with an HTTP status.
 * Thrown anywhere below a handler and turned into the response by the server. Codes and types are the ones the
 * docs pages show: the Midjourney pages' 400 {@code invalid_request}, 401 {@code unauthorized}, 402
 * {@code insufficient_quota} (type {@code insufficient_quota}), 403 and 429 {@code rate_limit_exceeded}; the task
 * page's 400 {@code invalid_task_id}, 403 {@code permission_denied}, 404 {@code task_not_found} and its 429 type
 * {@code evo_api_error}. {@code invalid_parameters} is a business code of failed tasks, never an HTTP answer's.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String type;
    private final String param;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiError(int status, String code, String type, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.type = type;
        this.param = param;
    }

    /** 400 {@code invalid_request} (the Midjourney pages' 400 example), naming the offending field. */
    public static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request", "invalid_request_error", param, message);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "invalid_request", "invalid_request_error", null, message);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "authentication_error", null, "Authentication required");
    }

    public static ApiError insufficientQuota(double needed, double remaining) {
        return new ApiError(402, "insufficient_quota", "insufficient_quota", null,
                "Insufficient quota. Please top up your account. Needed " + needed + " credits, remaining "
                        + remaining);
    }

    public static ApiError forbidden(String param, String message) {
        return new ApiError(403, "permission_denied", "invalid_request_error", param, message);
    }

    public static ApiError notFound(String code, String param, String message) {
        return new ApiError(404, code, "not_found_error", param, message);
    }

    public static ApiError tooLarge(int limit) {
        return new ApiError(413, "request_too_large", "invalid_request_error", null,
                "Request body exceeds " + limit + " bytes");
    }

    public static ApiError rateLimited(long retryAfterSeconds) {
        return new ApiError(429, "rate_limit_exceeded", "rate_limit_error", null, "Rate limit exceeded")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static ApiError internal(String message) {
        return new ApiError(500, "internal_error", "api_error", null, message);
    }

    /** The same answer with another {@code error.type}, headers included. */
    public ApiError withType(String otherType) {
        ApiError copy = new ApiError(status, code, otherType, param, getMessage());
        copy.headers.putAll(headers);
        return copy;
    }

    public ApiError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The files API's envelope: the code is numeric (40001..., or the HTTP status). */
    public Map<String, Object> filesEnvelope() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", false);
        m.put("code", code.matches("\\d+") ? Integer.parseInt(code) : status);
        m.put("msg", getMessage());
        return m;
    }

    /** The documented envelope; {@code numericCode} writes the HTTP status as the code (the generic schema's reading). */
    public Map<String, Object> envelope(boolean numericCode) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", numericCode ? (Object) status : code);
        error.put("message", getMessage());
        error.put("type", type);
        if (param != null) {
            error.put("param", param);
        }
        return Map.of("error", error);
    }
}
