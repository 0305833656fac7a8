package org.camelevolink.component.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server for what the simulator cannot be made to do (no batch endpoint, a foreign result host,
 * Retry-After as a date, an endless body): handlers by method and path prefix, every request recorded.
 */
final class FakeServer implements AutoCloseable {

    /** A request as received; header names lower-cased. */
    record Request(String method, String uri, Map<String, String> headers, byte[] body, long atMillis) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String path() {
            return java.net.URI.create(uri).getPath();
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Request request) throws IOException;
    }

    private record Route(String method, String pathPrefix, Handler handler) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::dispatch);
        server.setExecutor(threads);
        server.start();
    }

    static FakeServer start() throws IOException {
        return new FakeServer();
    }

    FakeServer on(String method, String pathPrefix, Handler handler) {
        routes.add(new Route(method, pathPrefix, handler));
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                    exchange.getRequestBody().readAllBytes(), System.currentTimeMillis());
            requests.add(request);
            for (Route route : routes) {
                if (route.method().equals(request.method()) && request.path().startsWith(route.pathPrefix())) {
                    route.handler().handle(exchange, request);
                    return;
                }
            }
            json(exchange, 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route\"}}");
        }
    }

    static void json(HttpExchange exchange, int status, String body, String... headerPairs) throws IOException {
        respond(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body, String... headerPairs)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
