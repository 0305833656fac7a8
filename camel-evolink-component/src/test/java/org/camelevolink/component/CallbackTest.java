package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * Callbacks through platform-http (Vert.x) on loopback, with the simulator in its insecure-callback test mode.
 * Polling is set so slow here (first read after a minute) that only a callback can get a task delivered in time,
 * except on the route that proves polling catches lost callbacks.
 */
class CallbackTest extends ProducerTestSupport {

    private static final int PORT = TestComponents.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT + "/evolink/callbacks";
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TestComponents.addCallbackServer(context, PORT);
        EvolinkConfiguration cfg = context.getComponent("evolink", EvolinkComponent.class).getConfiguration();
        cfg.setCallbackBaseUrl(BASE);
        cfg.setMaxCallbackBytes(4096);
        cfg.setMinPollInterval(60_000);
        cfg.setMaxPollInterval(60_000);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("evolink:mj-v7").to("mock:done");
                from("evolink:mj-v8.1?minPollInterval=5&maxPollInterval=50").to("mock:polled");
            }
        };
    }

    private String submit(String model) {
        return template.request("evolink:" + model + "?waitForCompletion=false", e -> e.getMessage().setBody("a fox"))
                .getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
    }

    @Test
    void aCallbackDeliversTheTaskAfterOneReRead() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        String taskId = submit("mj-v7");
        done.assertIsSatisfied(10_000);
        // the simulator notes the attempt once our answer is back, which may be after the delivery
        waitingFor("the callback attempt").until(() -> SIM.simulator().callbackAttempts().stream().anyMatch(a ->
                a.taskId().equals(taskId) && a.succeeded() && a.url().startsWith(BASE + "/")));
        assertThat(SIM.simulator().journal(Endpoint.CREATE).get(0).body()).contains("\"callback_url\":\"" + BASE + "/");
        assertThat(reads(taskId)).as("the re-read before emitting, and nothing else").isEqualTo(1);
    }

    @Test
    void aWaitingProducerContinuesOnTheCallbackInsteadOfTheNextPoll() {
        org.apache.camel.Exchange out = template.request("evolink:mj-v7", e -> e.getMessage().setBody("a quick fox"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("completed");
        String taskId = out.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
        assertThat(reads(taskId)).as("only the read the callback asked for").isEqualTo(1);
    }

    @Test
    void duplicateAndLateCallbacksDeliverNothingMore() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.CALLBACK_DUPLICATE), 1);
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        String taskId = submit("mj-v7");
        done.assertIsSatisfied(10_000);
        waitingFor("both deliveries").until(() -> SIM.simulator().callbackAttempts().stream()
                .filter(a -> a.taskId().equals(taskId) && a.succeeded()).count() == 2);
        TaskRecord record = awaitDelivered(taskId);
        // a replay of the same callback after delivery (late) is answered and ignored
        assertThat(post(record.callbackToken(), taskJson(taskId, "completed")).statusCode()).isEqualTo(200);
        Thread.sleep(100);
        assertThat(done.getReceivedCounter()).isEqualTo(1);
        assertThat(reads(taskId)).isEqualTo(1);
    }

    @Test
    void aLostCallbackIsCaughtByPolling() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.CALLBACK_LOST), 1);
        MockEndpoint polled = getMockEndpoint("mock:polled");
        polled.expectedMessageCount(1);
        String taskId = template.request("evolink:mj-v8.1?waitForCompletion=false&minPollInterval=5"
                + "&maxPollInterval=50", e -> e.getMessage().setBody("a lost fox")).getMessage()
                .getHeader(EvolinkConstants.TASK_ID, String.class);
        polled.assertIsSatisfied(10_000);
        assertThat(SIM.simulator().callbackAttempts()).noneMatch(a -> a.taskId().equals(taskId));
    }

    @Test
    void aCallbackArrivingAfterPollingDeliveredChangesNothing() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.lateCallback(300), 1);
        MockEndpoint polled = getMockEndpoint("mock:polled");
        polled.expectedMessageCount(1);
        String taskId = template.request("evolink:mj-v8.1?waitForCompletion=false&minPollInterval=5"
                + "&maxPollInterval=50", e -> e.getMessage().setBody("a late fox")).getMessage()
                .getHeader(EvolinkConstants.TASK_ID, String.class);
        polled.assertIsSatisfied(10_000);
        awaitDelivered(taskId);
        waitingFor("the late callback").until(() -> SIM.simulator().callbackAttempts().stream()
                .anyMatch(a -> a.taskId().equals(taskId) && a.succeeded()));
        long reads = reads(taskId);
        Thread.sleep(100);
        assertThat(polled.getReceivedCounter()).isEqualTo(1);
        assertThat(reads(taskId)).as("a delivered task is not read again").isEqualTo(reads);
    }

    @Test
    void hostileCallsGetClearAnswersAndDeliverNothing() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        String taskId = submit("mj-v7");
        TaskRecord record = records().findByTaskId(taskId)
                .orElseThrow();
        String token = record.callbackToken();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        assertThat(send("GET", token, null).statusCode()).isEqualTo(405);
        assertThat(send("PUT", token, taskJson(taskId, "completed")).statusCode()).isEqualTo(405);
        assertThat(post("not-a-token", taskJson(taskId, "completed")).statusCode()).isEqualTo(404);
        assertThat(post(token, "{\"id\":\"" + taskId + "\", \"x\":\"" + "a".repeat(5000) + "\"}").statusCode())
                .isEqualTo(413);
        assertThat(post(token, "{not json").statusCode()).isEqualTo(400);
        assertThat(post(token, "[1,2]").statusCode()).isEqualTo(400);
        assertThat(post(token, taskJson("task-unified-someone-else", "completed")).statusCode()).isEqualTo(400);
        long readsBefore = reads(taskId);
        // a forged "completed" for a task still running: answered, re-read, and the read shows the truth
        assertThat(post(token, taskJson(taskId, "completed")).statusCode()).isEqualTo(200);
        waitingFor("the re-read").until(() -> reads(taskId) > readsBefore);
        Thread.sleep(100);
        assertThat(getMockEndpoint("mock:done").getReceivedCounter()).isZero();
        assertThat(records().findByTaskId(taskId)
                .orElseThrow().state()).isEqualTo(TaskState.WAITING);
    }

    private long reads(String taskId) {
        return SIM.simulator().journal().entries().stream().filter(e -> (e.endpoint() == Endpoint.TASK_GET
                || e.endpoint() == Endpoint.TASK_BATCH) && (e.path().contains(taskId) || e.body() != null && e.body().contains(taskId)))
                .count();
    }


    private static String taskJson(String taskId, String status) {
        return "{\"id\":\"" + taskId + "\",\"status\":\"" + status + "\",\"progress\":100,\"results\":"
                + "[\"https://evil.example/x.png\"]}";
    }

    private HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
        return send("POST", token, body);
    }

    private HttpResponse<String> send(String method, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/" + token))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
