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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Scenario e, the floor: a bare asynchronous client (the same Apache HttpClient 5 the component uses) that peeks at
 * the simulator to know when each task ends, so it sends one POST and one GET per task, at the right moment. No
 * real client can do better; it is what "physically possible" means here.
 */
final class BareClientFloorScenario implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchEnvironment env;
    private CloseableHttpAsyncClient http;
    private ScheduledExecutorService timer;

    @Override
    public String id() {
        return "e";
    }

    @Override
    public String title() {
        return "floor: bare async client, one POST + one GET at the known end";
    }

    @Override
    public void start(BenchEnvironment env) {
        this.env = env;
        http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64).setMaxConnPerRoute(64).build())
                .build();
        http.start();
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "floor-timer"));
    }

    @Override
    public void submit(int i) {
        String body = "{\"model\":\"" + env.settings().model() + "\",\"prompt\":\"%s\"}";
        SimpleHttpRequest post = SimpleRequestBuilder.post(env.sim().baseUrl() + "/v1/images/generations")
                .addHeader("Authorization", "Bearer " + BenchSettings.API_KEY)
                .setBody(body.formatted(BenchEnvironment.prompt(i)), ContentType.APPLICATION_JSON).build();
        send(post, task -> readAtEnd(task.get("id").asText()));
    }

    private void readAtEnd(String taskId) {
        long due = env.load().endMillis(env.sim().task(taskId)) - System.currentTimeMillis();
        timer.schedule(() -> read(taskId), Math.max(0, due), TimeUnit.MILLISECONDS);
    }

    private void read(String taskId) {
        SimpleHttpRequest get = SimpleRequestBuilder.get(env.sim().baseUrl() + "/v1/tasks/" + taskId)
                .addHeader("Authorization", "Bearer " + BenchSettings.API_KEY).build();
        send(get, task -> {
            String status = task.get("status").asText();
            if (status.equals("completed") || status.equals("failed")) {
                env.ledger().detected(taskId);
            } else {
                // the harness ends the task a millisecond late: read again at once
                timer.schedule(() -> read(taskId), 1, TimeUnit.MILLISECONDS);
            }
        });
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

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (http != null) {
            http.close(CloseMode.GRACEFUL);
        }
    }
}
