package org.camelevolink.component.client;

/**
 * What the client tells about its HTTP requests to EvoLink, for metrics. Called on the HTTP client's I/O thread: an
 * implementation must be quick and must not throw. {@code operation} is a request's method and path template
 * ({@code GET /v1/tasks/{id}}, {@code POST /v1/images/generations}, {@code download}), never an id or a URL.
 */
public interface ClientEvents {

    /** Records nothing. */
    ClientEvents NONE = new ClientEvents() {
    };

    /**
     * One attempt of {@code operation} ended with HTTP {@code status} (0: no answer, a network error or timeout).
     * {@code retried}: another attempt follows.
     */
    default void answered(String operation, int status, boolean retried) {
    }

    /** A download (a result link) brought {@code bytes}. */
    default void downloaded(long bytes) {
    }

    /** The low-cardinality name of a call named as in the client's log lines ({@code GET /v1/tasks/abc}). */
    static String operation(String what) {
        if (what.startsWith("GET /v1/tasks/")) {
            return "GET /v1/tasks/{id}";
        }
        if (what.startsWith("GET http")) {
            return "download";
        }
        return what;
    }
}
