package org.camelevolink.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.camelevolink.simulator.ApiError;
import org.camelevolink.simulator.SimClock;
import org.camelevolink.simulator.account.CreditLedger;
import org.camelevolink.simulator.account.RateLimiter;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.fault.FaultPlan;
import org.camelevolink.simulator.journal.Journal;
import org.camelevolink.simulator.journal.JournalEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDK's HTTP server with the simulator's request pipeline: route, journal, inject transport faults, read the
 * body (bounded), authenticate, rate-limit, handle, answer. Nothing a handler throws reaches the client as a
 * stack trace: it becomes the documented error envelope.
 */
public final class SimulatorServer {

    private static final Logger LOG = Logger.getLogger(SimulatorServer.class.getName());

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // every answer then waits ~40 ms and throughput falls five-fold. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // Past 200 idle keep-alive connections the JDK server silently closes a connection after answering, and
        // a client's next request on it gets no answer at all: many clients (tests, benchmarks) need more.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        }
    }

    /** Pipeline collaborators that the server consults on every request. */
    public record Services(Router router, Journal journal, FaultPlan faults, CreditLedger credits,
            RateLimiter rateLimiter, SimClock clock, int maxJsonBodyBytes, boolean numericErrorCodes) {
    }

    private final HttpServer server;
    private final Services services;

    public SimulatorServer(String host, int port, Services services, ExecutorService executor) throws IOException {
        this.services = services;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 512);
        this.server.createContext("/", this::serve);
        this.server.setExecutor(executor);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            dispatch(exchange);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "request ended without an answer", e);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Router.Lookup lookup = services.router().find(method, path);
        if (lookup.match() == null) {
            services.journal().recordUnrouted();
            drain(exchange);
            ApiError error = lookup.pathKnown()
                    ? new ApiError(405, "method_not_allowed", "invalid_request_error", null, method + " is not allowed on " + path)
                    : ApiError.notFound("not_found", null, "No such endpoint: " + method + " " + path);
            write(exchange, errorResponse(error, path.startsWith("/api/v1/files") ? Endpoint.FILES : null), null);
            return;
        }
        Router.Route route = lookup.match().route();
        int limit = route.maxBodyBytes() > 0 ? route.maxBodyBytes() : services.maxJsonBodyBytes();
        byte[] body = readBounded(exchange.getRequestBody(), limit);
        JournalEntry entry = services.journal().record(services.clock().nowMillis(), method,
                exchange.getRequestURI().toString(), route.endpoint(), exchange.getRequestHeaders(),
                body == null ? new byte[0] : body);
        Fault fault = route.endpoint() == Endpoint.CONTROL ? null
                : services.faults().nextTransportFault(route.endpoint());
        if (fault != null) {
            entry.fault(fault.kind().name());
            if (fault.kind() == FaultKind.RESET_BEFORE) {
                return; // closing without an answer: the client sees the connection drop
            }
            if (fault.kind() == FaultKind.SLOW) {
                sleep(fault.delayMillis());
            }
        }
        SimResponse response = fault == null ? null : faultAnswer(fault, route.endpoint());
        if (response == null) {
            response = handle(exchange, lookup.match(), body, limit, entry);
        }
        if (fault != null && response.status() == 200) {
            if (fault.kind() == FaultKind.RESET_AFTER) {
                journalEffect(entry, response);
                return; // the request took effect, the answer is lost
            }
            response = corrupt(fault, response);
        }
        write(exchange, response, entry);
    }

    private SimResponse handle(HttpExchange exchange, Router.Match match, byte[] body, int limit, JournalEntry entry) {
        try {
            Router.Route route = match.route();
            if (body == null) {
                // an upload beyond the route's limit is a file too large: the files API's own code 40001
                throw route.endpoint() == Endpoint.FILES
                        ? new ApiError(413, "40001", "files_error", null, "File too large: the request exceeds "
                                + limit + " bytes")
                        : ApiError.tooLarge(limit);
            }
            String apiKey = null;
            if (route.endpoint().isApi()) {
                apiKey = authenticate(exchange);
                entry.apiKey(apiKey);
                long retryAfter = services.rateLimiter().acquire(apiKey);
                if (retryAfter > 0) {
                    throw ApiError.rateLimited(retryAfter);
                }
            }
            SimRequest request = new SimRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, match.pathParams(),
                    apiKey);
            return route.handler().handle(request);
        } catch (ApiError e) {
            return errorResponse(e, match.route().endpoint());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "handler failed", e);
            return errorResponse(ApiError.internal("Internal error, try again later"), match.route().endpoint());
        }
    }

    private String authenticate(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized();
        }
        String key = auth.substring(7).trim();
        if (!services.credits().knows(key)) {
            throw new ApiError(401, "unauthorized", "authentication_error", null, "Invalid or expired token");
        }
        return key;
    }

    private SimResponse faultAnswer(Fault fault, Endpoint endpoint) {
        ApiError error = switch (fault.kind()) {
            case HTTP_500 -> ApiError.internal("Internal server error, try again later");
            case HTTP_502 -> new ApiError(502, "upstream_error", "upstream_error", null,
                    "Upstream error, try a different model");
            case HTTP_503 -> new ApiError(503, "service_unavailable", "service_unavailable_error", null,
                    "Service temporarily unavailable, retry after 30 seconds");
            case RATE_LIMIT -> ApiError.rateLimited(Math.max(1, fault.retryAfterSeconds()));
            default -> null;
        };
        return error == null ? null : errorResponse(error, endpoint);
    }

    private static SimResponse corrupt(Fault fault, SimResponse response) {
        SimResponse corrupted = switch (fault.kind()) {
            case MALFORMED_JSON -> response.withBody("<html><body>502 Bad Gateway</body></html>{\"id\":"
                    .getBytes(StandardCharsets.UTF_8));
            case TRUNCATED_JSON -> response.withBody(Arrays.copyOf(response.body(), response.body().length / 2));
            default -> response;
        };
        // the submit took effect whatever the client can read of the answer: the journal keeps its charge
        return corrupted == response || response.taskId() == null ? corrupted
                : corrupted.charged(response.taskId(), response.charged());
    }

    /** The files API has its own envelope, {@code {success:false, code, msg}}; everything else EvoLink's. */
    private SimResponse errorResponse(ApiError given, Endpoint endpoint) {
        // the task page documents its 429 with type evo_api_error; the Midjourney pages say rate_limit_error
        ApiError error = endpoint == Endpoint.TASK_GET && given.status() == 429 ? given.withType("evo_api_error")
                : given;
        Object envelope = endpoint == Endpoint.FILES ? error.filesEnvelope() : error.envelope(services.numericErrorCodes());
        SimResponse r = SimResponse.json(error.status(), Json.bytes(envelope));
        error.headers().forEach(r::header);
        return r;
    }

    private void write(HttpExchange exchange, SimResponse response, JournalEntry entry) throws IOException {
        if (entry != null) {
            journalEffect(entry, response);
            entry.status(response.status());
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("x-request-id", "sim-" + (entry == null ? 0 : entry.seq()));
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        byte[] body = response.body();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void journalEffect(JournalEntry entry, SimResponse response) {
        if (response.taskId() != null) {
            entry.taskId(response.taskId());
        }
        entry.charged(response.charged());
        entry.replayed("true".equals(response.headers().get("idempotency-replayed")));
    }

    /** The body, or null when it exceeds {@code limit} (the rest is drained so the answer can still be sent). */
    private static byte[] readBounded(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return bytes;
    }

    private static void drain(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
