package org.camelevolink.component.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Turns answers and transport failures into {@link EvolinkApiException}s that say what happened. */
final class ErrorDecoder {

    private final ObjectMapper mapper;

    ErrorDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * From a non-2xx answer: EvoLink's {@code {"error":{code,message,type,param}}} (code a string or a number), or
     * the files API's {@code {"success":false,"code","msg"}}, or whatever text came back.
     */
    EvolinkApiException fromAnswer(HttpResult r) {
        String requestId = requestId(r);
        JsonNode root = parse(r.body());
        if (root != null && root.has("error") && root.get("error").isObject()) {
            JsonNode e = root.get("error");
            return new EvolinkApiException(r.status(), text(e.get("code")), text(e.get("type")), text(e.get("param")),
                    orDefault(text(e.get("message")), "no message"), requestId);
        }
        if (root != null && root.has("msg")) {
            return new EvolinkApiException(r.status(), text(root.get("code")), "files_error", null,
                    orDefault(text(root.get("msg")), "no message"), requestId);
        }
        String text = new String(r.body(), 0, Math.min(200, r.body().length), StandardCharsets.UTF_8).strip();
        return new EvolinkApiException(r.status(), "http_" + r.status(), null, null,
                text.isEmpty() ? "no body" : text, requestId);
    }

    /** A 2xx answer that is not the JSON it should be. */
    EvolinkApiException malformed(HttpResult r, Exception cause) {
        return new EvolinkApiException(r.status(), "malformed_response", null, null,
                "EvoLink answered a body that is not the expected JSON", requestId(r), cause);
    }

    /** A failure before any complete answer: connection, timeout, size limit. */
    EvolinkApiException fromFailure(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof EvolinkApiException api) {
            return api;
        }
        if (t instanceof BoundedResponseConsumer.TooLargeException) {
            return new EvolinkApiException(0, "response_too_large", null, null, t.getMessage(), null, t);
        }
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return new EvolinkApiException(0, "timeout", null, null, "no answer in time: " + t.getMessage(), null, t);
        }
        if (t instanceof CancellationException) {
            return new EvolinkApiException(0, "cancelled", null, null, "request cancelled", null, t);
        }
        return new EvolinkApiException(0, "network_error", null, null,
                t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()), null, t);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String requestId(HttpResult r) {
        String id = r.header("x-request-id");
        return id != null ? id : r.header("x-oneapi-request-id");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String orDefault(String s, String dflt) {
        return s == null || s.isBlank() ? dflt : s;
    }
}
