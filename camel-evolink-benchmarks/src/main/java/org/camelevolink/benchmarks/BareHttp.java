package org.camelevolink.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The floors' client: a bare asynchronous Apache HttpClient 5 (the one the component uses) that POSTs JSON to the
 * simulator and hands the answer's JSON on; an error goes to the ledger as a failure.
 */
final class BareHttp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final BenchEnvironment env;
    private final CloseableHttpAsyncClient http;

    BareHttp(BenchEnvironment env) {
        this.env = env;
        http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64).setMaxConnPerRoute(64).build())
                .build();
        http.start();
    }

    void post(String path, String json, Consumer<JsonNode> onAnswer) {
        send(SimpleRequestBuilder.post(env.sim().baseUrl() + path)
                .addHeader("Authorization", "Bearer " + BenchSettings.API_KEY)
                .setBody(json, ContentType.APPLICATION_JSON).build(), onAnswer);
    }

    void get(String path, Consumer<JsonNode> onAnswer) {
        send(SimpleRequestBuilder.get(env.sim().baseUrl() + path)
                .addHeader("Authorization", "Bearer " + BenchSettings.API_KEY).build(), onAnswer);
    }

    private void send(SimpleHttpRequest request, Consumer<JsonNode> onAnswer) {
        http.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                try {
                    onAnswer.accept(JSON.readTree(response.getBodyBytes()));
                } catch (IOException | RuntimeException e) {
                    env.ledger().failed(e);
                }
            }

            @Override
            public void failed(Exception e) {
                env.ledger().failed(e);
            }

            @Override
            public void cancelled() {
                env.ledger().failed(new IllegalStateException("cancelled"));
            }
        });
    }

    static boolean finished(JsonNode task) {
        String status = task.path("status").asText();
        return status.equals("completed") || status.equals("failed");
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
