package org.camelevolink.component.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.HttpException;
import org.camelevolink.component.exceptions.EvolinkApiException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import static org.camelevolink.component.exceptions.EvolinkApiException.CANCELLED;
import static org.camelevolink.component.exceptions.EvolinkApiException.MALFORMED_RESPONSE;
import static org.camelevolink.component.exceptions.EvolinkApiException.NETWORK_ERROR;
import static org.camelevolink.component.exceptions.EvolinkApiException.RESPONSE_TOO_LARGE;
import static org.camelevolink.component.exceptions.EvolinkApiException.TIMEOUT;

/**
 * Turns answers and transport failures into {@link EvolinkApiException}s that say what happened, with every text
 * that came from elsewhere scrubbed of the API key.
 */
final class ErrorDecoder {

    private static final int SNIPPET_CHARS = 200;

    private final ObjectMapper mapper;
    private final Redactor redactor;

    ErrorDecoder(ObjectMapper mapper, Redactor redactor) {
        this.mapper = mapper;
        this.redactor = redactor;
    }

    /**
     * From a non-2xx answer: EvoLink's {@code {"error":{code,message,type,param}}} (code a string or a number), or
     * the files API's {@code {"success":false,"code","msg"}}, or whatever text came back.
     */
    EvolinkApiException fromAnswer(HttpResult r) {
        JsonNode root = parse(r.body());
        if (root != null && root.path("error").isObject()) {
            JsonNode e = root.get("error");
            return api(r, text(e.get("code")), text(e.get("type")), text(e.get("param")), text(e.get("message")),
                    text(e.get("fallback_suggestion")));
        }
        if (root != null && root.has("msg")) {
            return filesError(r, root);
        }
        String snippet = new String(r.body(), 0, Math.min(SNIPPET_CHARS, r.body().length), StandardCharsets.UTF_8);
        return api(r, "http_" + r.status(), null, null, snippet.strip(), null);
    }

    /** The files API's {@code {success:false, code, msg}}, which may also come with a 2xx status. */
    EvolinkApiException filesError(HttpResult r, JsonNode root) {
        return api(r, text(root.get("code")), "files_error", null, text(root.get("msg")), null);
    }

    /** A 2xx answer that is not the JSON it should be. */
    EvolinkApiException malformed(HttpResult r, Exception cause) {
        String detail = cause instanceof JsonProcessingException j ? ": " + j.getOriginalMessage() : "";
        detail = redactor.scrub(detail.length() > SNIPPET_CHARS ? detail.substring(0, SNIPPET_CHARS) : detail);
        return new EvolinkApiException(r.status(), MALFORMED_RESPONSE, null, null,
                "EvoLink answered a body that is not the expected JSON" + detail, requestId(r), safe(cause));
    }

    /** A failure before any complete answer: connection, timeout, size limit, cancellation. */
    EvolinkApiException fromFailure(Throwable failure) {
        Throwable t = Futures.unwrap(failure);
        if (t instanceof EvolinkApiException api) {
            return api;
        }
        if (t instanceof BoundedResponseConsumer.TooLargeException) {
            return failure(RESPONSE_TOO_LARGE, t.getMessage(), t);
        }
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return failure(TIMEOUT, "no answer in time: " + t.getMessage(), t);
        }
        if (t instanceof CancellationException) {
            return failure(CANCELLED, "request cancelled", t);
        }
        if (t instanceof IOException || t instanceof HttpException) {
            return failure(NETWORK_ERROR, describe(t), t);
        }
        // not the network: a request this client could not even build; trying again would not help
        return failure("request_failed", describe(t), t);
    }

    private EvolinkApiException failure(String code, String message, Throwable cause) {
        return new EvolinkApiException(0, code, null, null, redactor.scrub(message), null, safe(cause));
    }

    private EvolinkApiException api(HttpResult r, String code, String type, String param, String message,
            String fallbackSuggestion) {
        String m = message == null || message.isBlank() ? "no message" : message;
        // the code is what callers branch on and stores keep: an answer without one still gets one
        String c = code == null || code.isBlank() ? "http_" + r.status() : code;
        return new EvolinkApiException(r.status(), redactor.scrub(c), redactor.scrub(type), redactor.scrub(param),
                redactor.scrub(m), redactor.scrub(requestId(r)), redactor.scrub(fallbackSuggestion), null);
    }

    private Throwable safe(Throwable cause) {
        return cause == null || redactor.leaks(cause) ? null : cause;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }


    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String requestId(HttpResult r) {
        String id = r.header("x-request-id");
        return id != null ? id : r.header("x-oneapi-request-id");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
