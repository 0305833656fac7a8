package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.camelevolink.simulator.SimHttp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP server on a free loopback port, standing in for the outside world: a callback receiver (answers
 * scripted statuses, can hang) and a host of images for input URLs.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request received, in arrival order. */
    record Received(long seq, String method, String path, String contentType, String userAgent, byte[] body) {
        JsonNode json() {
            try {
                return SimHttp.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Content(String contentType, byte[] bytes) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> statusScripts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> hangScripts = new ConcurrentHashMap<>();
    private final Map<String, Content> contents = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();

    LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} get these statuses, in order; after them 200. */
    LoopbackServer answer(String path, Integer... statuses) {
        statusScripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
        return this;
    }

    /** The next request to {@code path} waits this long before answering. */
    LoopbackServer hang(String path, long millis) {
        hangScripts.computeIfAbsent(path, p -> new ArrayDeque<>()).add(millis);
        return this;
    }

    /** GET {@code path} answers these bytes. */
    LoopbackServer serve(String path, String contentType, byte[] bytes) {
        contents.put(path, new Content(contentType, bytes));
        return this;
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code path} received at least {@code n} requests and returns them. */
    List<Received> await(String path, int n) {
        Support.await(n + " request(s) to " + path, () -> received(path).size() >= n);
        return received(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Deque<Long> hang = hangScripts.get(path);
            Long wait = hang == null ? null : pollSync(hang);
            if (wait != null) {
                SimHttp.sleep(wait);
            }
            received.add(new Received(seq.incrementAndGet(), exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("User-Agent"), body));
            Content content = contents.get(path);
            if (exchange.getRequestMethod().equals("GET")) {
                if (content == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", content.contentType());
                    exchange.sendResponseHeaders(200, content.bytes().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(content.bytes());
                    }
                }
                return;
            }
            Deque<Integer> script = statusScripts.get(path);
            Integer status = script == null ? null : pollSync(script);
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        }
    }

    private static <T> T pollSync(Deque<T> deque) {
        synchronized (deque) {
            return deque.poll();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
