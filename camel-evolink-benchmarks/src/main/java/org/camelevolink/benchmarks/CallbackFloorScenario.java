package org.camelevolink.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Floor e2, the callback floor: one POST per task with a {@code callback_url} on a bare Vert.x HTTP server, and the
 * callback's body taken as the outcome, unverified: 1.00 requests per task, the fewest there can be. Its latency is
 * the callback's delivery alone.
 */
final class CallbackFloorScenario implements Scenario {

    private BenchEnvironment env;
    private BareHttp http;
    private Vertx vertx;
    private String callbackUrl;

    @Override
    public String id() {
        return "e2";
    }

    @Override
    public String title() {
        return "callback floor: bare async client and bare Vert.x receiver, the callback's body unverified";
    }

    @Override
    public Role role() {
        return Role.CALLBACK_FLOOR;
    }

    @Override
    public void start(BenchEnvironment env) throws Exception {
        this.env = env;
        http = new BareHttp(env);
        vertx = Vertx.vertx();
        int port = BenchEnvironment.freePort();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            try {
                JsonNode task = BareHttp.JSON.readTree(body.getBytes());
                if (BareHttp.finished(task)) {
                    env.ledger().detected(task.get("id").asText());
                }
                request.response().setStatusCode(200).end();
            } catch (IOException | RuntimeException e) {
                env.ledger().failed(e);
                request.response().setStatusCode(400).end();
            }
        }));
        server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        callbackUrl = "http://127.0.0.1:" + port + "/hook";
    }

    @Override
    public void submit(int i) {
        http.post("/v1/images/generations", env.createBody(i, callbackUrl), task -> {
        });
    }

    @Override
    public void close() throws Exception {
        if (http != null) {
            http.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
