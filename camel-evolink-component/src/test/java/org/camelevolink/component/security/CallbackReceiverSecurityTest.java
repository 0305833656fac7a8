package org.camelevolink.component.security;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.camelevolink.component.EvolinkConfiguration;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.TestComponents;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * The callback receiver under hostile calls, over real HTTP (platform-http on Vert.x) with the simulator's own
 * callbacks lost and polling a minute away, so that only the calls of each test can move a task. CallbackTest
 * already shows: GET and PUT 405, an unknown token 404, a body declared larger than maxCallbackBytes 413, bodies
 * that are no task or another task 400, a forged "completed" for a running task and one replay after delivery.
 * Here: what is left of the same ground.
 */
class CallbackReceiverSecurityTest extends SecurityTestSupport {

    private static final int PORT = TestComponents.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT + "/evolink/callbacks";
    private static final int MAX_BYTES = 4096;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TestComponents.addCallbackServer(context, PORT);
        EvolinkConfiguration cfg = evolinkConfiguration(context);
        cfg.setCallbackBaseUrl(BASE);
        cfg.setMaxCallbackBytes(MAX_BYTES);
        cfg.setMinPollInterval(60_000);
        cfg.setMaxPollInterval(60_000);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("evolink:mj-v7?download=true").to("mock:done");
            }
        };
    }

    @Test
    void otherMethodsAndUnknownTokensChangeNothing() throws Exception {
        String taskId = submitWith(FaultKind.NEVER_FINISH);
        String token = token(taskId);
        long readsBefore = settledReads(taskId);
        for (String method : List.of("DELETE", "PATCH")) {
            HttpResponse<String> answer = send(method, token, taskJson(taskId, "completed"));
            assertThat(answer.statusCode()).as(method).isEqualTo(405);
            assertThat(answer.headers().firstValue("Allow")).as(method).contains("POST");
        }
        // a token of the right form that no task has, and the token with one character changed
        String guessed = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        String changed = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        for (String wrong : List.of(guessed, changed, token.toLowerCase(), token + "x")) {
            HttpResponse<String> answer = post(wrong, taskJson(taskId, "completed"));
            assertThat(answer.statusCode()).as(wrong).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(taskId).doesNotContain(token);
        }
        Thread.sleep(100);
        assertThat(reads(taskId)).as("not one of them brought a read").isEqualTo(readsBefore);
        assertThat(store.findByTaskId(taskId).orElseThrow().state()).isEqualTo(TaskState.WAITING);
    }

    /** Without a Content-Length the body is read up to the limit and no further. */
    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        String taskId = submitWith(FaultKind.NEVER_FINISH);
        String token = token(taskId);
        String padded = "{\"id\":\"" + taskId + "\",\"status\":\"completed\",\"x\":\"" + "a".repeat(MAX_BYTES) + "\"}";
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(BASE + "/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded.getBytes())))
                .build();
        assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        String fits = taskJson(taskId, "processing");
        HttpRequest small = HttpRequest.newBuilder(URI.create(BASE + "/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fits.getBytes())))
                .build();
        assertThat(http.send(small, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** A forged "failed" for a running task: the read shows it running, and the waiting producer keeps waiting. */
    @Test
    void aForgedFailureDoesNotFailTheWaitingProducer() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        CompletableFuture<Exchange> waiting = template.asyncSend("evolink:mj-v7",
                e -> e.getMessage().setBody("a kite that takes its time"));
        waitingFor("the submit").until(() -> SIM.simulator().journal().chargedSubmits() == 1);
        String taskId = SIM.simulator().journal(Endpoint.CREATE).get(0).taskId();
        String token = token(taskId);
        long readsBefore = reads(taskId); // a waiting producer's next read is a minute away

        String forged = "{\"id\":\"" + taskId + "\",\"status\":\"failed\",\"error\":{\"code\":\"content_policy_violation\""
                + ",\"message\":\"forged\"}}";
        assertThat(post(token, forged).statusCode()).isEqualTo(200);
        waitingFor("the re-read").until(() -> reads(taskId) > readsBefore);
        Thread.sleep(100);
        assertThat(waiting).as("still waiting after the forged failure").isNotDone();

        assertThat(SIM.simulator().completeTask(taskId)).isTrue();
        assertThat(post(token, taskJson(taskId, "completed")).statusCode()).isEqualTo(200);
        Exchange out = waiting.get(20, TimeUnit.SECONDS);
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("completed");
    }

    /**
     * A "completed" callback with result links of the sender's choosing, for a task that did complete: what is
     * delivered and downloaded is what the read says. The forged links point at a loopback server that the allowed
     * hosts would let through, so a download from them would show; there is none.
     */
    @Test
    void forgedResultLinksAreNeverUsed() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer canary = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        canary.createContext("/", x -> {
            fetched.incrementAndGet();
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        canary.start();
        try {
            MockEndpoint done = getMockEndpoint("mock:done");
            done.expectedMessageCount(1);
            String taskId = submitWith(FaultKind.CALLBACK_LOST);
            waitingFor("the task completes").until(() -> SIM.simulator().task(taskId).terminal() != null);
            String evil = "http://127.0.0.1:" + canary.getAddress().getPort() + "/forged.png";
            String forged = "{\"id\":\"" + taskId + "\",\"status\":\"completed\",\"progress\":100,\"results\":[\""
                    + evil + "\",\"" + evil + "\",\"" + evil + "\",\"" + evil + "\"]}";
            assertThat(post(token(taskId), forged).statusCode()).isEqualTo(200);
            done.assertIsSatisfied(10_000);
            Exchange emitted = done.getReceivedExchanges().get(0);
            assertThat(emitted.getMessage().getHeader(EvolinkConstants.RESULT_URLS, List.class))
                    .hasSize(4).noneMatch(u -> u.toString().contains("forged"));
            assertThat(SIM.simulator().journal(Endpoint.MEDIA)).as("the real results downloaded").hasSize(4);
            assertThat(fetched.get()).as("requests to the forged links").isZero();
        } finally {
            canary.stop(0);
        }
    }

    /** The token of one task with the body of another, real and running, task: 400, and that task is not read. */
    @Test
    void aTokenCannotMoveAnotherTask() throws Exception {
        String first = submitWith(FaultKind.NEVER_FINISH);
        String second = submitWith(FaultKind.NEVER_FINISH);
        long readsBefore = settledReads(first) + settledReads(second);
        assertThat(post(token(first), taskJson(second, "completed")).statusCode()).isEqualTo(400);
        Thread.sleep(100);
        assertThat(reads(first) + reads(second)).isEqualTo(readsBefore);
    }

    /**
     * The same valid callback many times at once for a task that completed (its own callback lost), then again
     * after delivery: one exchange, and after delivery not even a read.
     */
    @Test
    void replaysAtOnceAndAfterDeliveryDeliverOnce() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        String taskId = submitWith(FaultKind.CALLBACK_LOST);
        waitingFor("the task completes").until(() -> SIM.simulator().task(taskId).terminal() != null);
        String token = token(taskId);
        String body = taskJson(taskId, "completed");
        List<CompletableFuture<HttpResponse<String>>> replays = IntStream.range(0, 10)
                .mapToObj(i -> http.sendAsync(request("POST", token, body), HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (CompletableFuture<HttpResponse<String>> r : replays) {
            assertThat(r.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        done.assertIsSatisfied(10_000);
        TaskRecord record = awaitDelivered(taskId);
        long readsAtDelivery = reads(taskId);
        for (int i = 0; i < 3; i++) {
            assertThat(post(record.callbackToken(), body).statusCode()).isEqualTo(200);
        }
        Thread.sleep(200);
        assertThat(done.getReceivedCounter()).isEqualTo(1);
        assertThat(reads(taskId)).as("no read after delivery").isEqualTo(readsAtDelivery);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String submitWith(FaultKind fault) {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(fault), 1);
        Exchange out = template.request("evolink:mj-v7?waitForCompletion=false", e -> e.getMessage().setBody("a fox"));
        assertThat(out.getException()).isNull();
        return out.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
    }

    private String token(String taskId) {
        waitingFor("the record of " + taskId).until(() -> store.findByTaskId(taskId).isPresent());
        return store.findByTaskId(taskId).orElseThrow().callbackToken();
    }

    private TaskRecord awaitDelivered(String taskId) {
        waitingFor("task " + taskId + " delivered").until(() -> store.findByTaskId(taskId)
                .map(r -> r.state() == TaskState.DELIVERED).orElse(false));
        return store.findByTaskId(taskId).orElseThrow();
    }

    /** The reads of a task handed to a consumer: none yet, since its first scheduled read is a minute away. */
    private long settledReads(String taskId) throws InterruptedException {
        waitingFor("the record of " + taskId).until(() -> store.findByTaskId(taskId).isPresent());
        Thread.sleep(50);
        return reads(taskId);
    }

    private long reads(String taskId) {
        return SIM.simulator().journal().entries().stream().filter(e -> (e.endpoint() == Endpoint.TASK_GET
                || e.endpoint() == Endpoint.TASK_BATCH) && (e.path().contains(taskId)
                || e.body() != null && e.body().contains(taskId))).count();
    }

    private static String taskJson(String taskId, String status) {
        return "{\"id\":\"" + taskId + "\",\"status\":\"" + status + "\",\"progress\":100}";
    }

    private HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
        return send("POST", token, body);
    }

    private HttpResponse<String> send(String method, String token, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, token, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String method, String token, String body) {
        return HttpRequest.newBuilder(URI.create(BASE + "/" + token)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
