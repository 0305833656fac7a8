package org.camelevolink.simulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.callback.CallbackAttempt;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.simulator.behaviour.Support.body;

/**
 * Callbacks (evolink-api.md §8): a POST of the task-query body when a task completes or fails, 1 delivery plus up to
 * 3 retries after a non-2xx answer or a timeout, the strict URL rules by default, and the callback faults.
 */
class CallbackTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(32).allowInsecureCallbacks(true));

    private SimHttp http;
    private LoopbackServer receiver;

    @BeforeEach
    void setUp() {
        http = new SimHttp(SIM.simulator());
        receiver = new LoopbackServer();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private Map<String, Object> withCallback(String path) {
        return body("model", "mj-v7", "prompt", "a kite", "callback_url", receiver.url(path));
    }

    private List<CallbackAttempt> attempts(String taskId) {
        return SIM.simulator().callbackAttempts().stream().filter(a -> a.taskId().equals(taskId)).toList();
    }

    @Test
    void completionPostsTheTaskQueryBody() {
        String id = Support.create(http, withCallback("/hooks/done"));
        LoopbackServer.Received cb = receiver.await("/hooks/done", 1).get(0);
        assertThat(cb.method()).isEqualTo("POST");
        assertThat(cb.contentType()).startsWith("application/json");
        JsonNode body = cb.json();
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("status").asText()).isEqualTo("completed");
        assertThat(body.get("progress").asInt()).isEqualTo(100);
        assertThat(body.get("results")).hasSize(4);
        assertThat(body).as("same shape and values as GET /v1/tasks/{id}").isEqualTo(Support.task(http, id));
        assertThat(http.get(body.get("results").get(0).asText()).status()).isEqualTo(200);
        SimHttp.sleep(50);
        assertThat(receiver.received("/hooks/done")).as("one delivery after a 2xx").hasSize(1);
        assertThat(attempts(id)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.attempt()).isZero();
            assertThat(a.delivery()).isEqualTo(1);
            assertThat(a.succeeded()).isTrue();
        });
    }

    @Test
    void failurePostsTheFailedTaskBody() {
        SIM.simulator().faults().script(null, Fault.failTask("content_policy_violation"), 1);
        String id = Support.create(http, withCallback("/hooks/failed"));
        JsonNode body = receiver.await("/hooks/failed", 1).get(0).json();
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("status").asText()).isEqualTo("failed");
        assertThat(body.at("/error/code").asText()).isEqualTo("content_policy_violation");
        assertThat(body.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(body.has("results")).isFalse();
        assertThat(body).isEqualTo(Support.task(http, id));
    }

    @Test
    void aFailureThroughTheControlApiIsCalledBackToo() {
        String id = cancelled(withCallback("/hooks/control"));
        JsonNode body = receiver.await("/hooks/control", 1).get(0).json();
        assertThat(body.get("status").asText()).isEqualTo("failed");
        assertThat(body.at("/error/code").asText()).isEqualTo("request_cancelled");
        assertThat(body.get("id").asText()).isEqualTo(id);
    }

    /** A task that would never end, failed through the control API. */
    private String cancelled(Map<String, Object> body) {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1);
        String id = Support.create(http, body);
        SIM.simulator().failTask(id, "request_cancelled");
        return id;
    }

    @Test
    void nonSuccessAnswersAreRetriedThreeTimesAtMost() {
        receiver.answer("/hooks/broken", 500, 500, 500, 500, 500, 500);
        String id = Support.create(http, withCallback("/hooks/broken"));
        receiver.await("/hooks/broken", 4);
        Support.await("4 recorded attempts", () -> attempts(id).size() == 4);
        SimHttp.sleep(100); // many times the (scaled) 1/2/4 s retry delays: a 5th attempt would have come
        assertThat(receiver.received("/hooks/broken")).hasSize(4);
        List<CallbackAttempt> attempts = attempts(id);
        assertThat(attempts).extracting(CallbackAttempt::attempt).containsExactly(0, 1, 2, 3);
        assertThat(attempts).extracting(CallbackAttempt::status).containsOnly(500);
        assertThat(attempts).noneMatch(CallbackAttempt::succeeded);
        List<String> bodies = receiver.received("/hooks/broken").stream().map(r -> r.json().toString()).toList();
        assertThat(bodies).as("every retry carries the same task body").containsOnly(bodies.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 404, 429, 503})
    void everyNon2xxStatusTriggersARetry(int status) {
        receiver.answer("/hooks/status", status);
        String id = Support.create(http, withCallback("/hooks/status"));
        receiver.await("/hooks/status", 2);
        Support.await("2 recorded attempts", () -> attempts(id).size() == 2);
        assertThat(attempts(id)).extracting(CallbackAttempt::status).containsExactly(status, 200);
    }

    @Test
    void retriesStopAtTheFirstSuccess() {
        receiver.answer("/hooks/flaky", 500);
        String id = Support.create(http, withCallback("/hooks/flaky"));
        receiver.await("/hooks/flaky", 2);
        Support.await("2 recorded attempts", () -> attempts(id).size() == 2);
        SimHttp.sleep(100);
        assertThat(receiver.received("/hooks/flaky")).hasSize(2);
        assertThat(attempts(id)).extracting(CallbackAttempt::status).containsExactly(500, 200);
        assertThat(attempts(id)).extracting(CallbackAttempt::attempt).containsExactly(0, 1);
    }

    @Test
    void anUnreachableReceiverIsRetriedThenGivenUp() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String id = Support.create(http, body("model", "mj-v7", "prompt", "nobody listens",
                "callback_url", "http://127.0.0.1:" + closedPort + "/hooks"));
        Support.await("4 attempts", () -> attempts(id).size() == 4);
        assertThat(attempts(id)).extracting(CallbackAttempt::status).containsOnly(-1);
        assertThat(attempts(id)).allSatisfy(a -> assertThat(a.error()).isNotBlank());
    }

    @Test
    void aReceiverTooSlowToAnswerTimesOutAndIsRetried() {
        try (EvolinkSimulator sim = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.0005)
                .imageBaseSize(32).allowInsecureCallbacks(true).callbackTimeout(Duration.ofMillis(300)).build())) {
            receiver.hang("/hooks/slow", 3_000);
            String id = Support.create(new SimHttp(sim), body("model", "mj-v7", "prompt", "slow receiver",
                    "callback_url", receiver.url("/hooks/slow")));
            Support.await("a successful retry",
                    () -> sim.callbackAttempts().stream().anyMatch(a -> a.taskId().equals(id) && a.succeeded()));
            List<CallbackAttempt> attempts = sim.callbackAttempts();
            assertThat(attempts.get(0).status()).isEqualTo(-1);
            assertThat(attempts.get(0).error()).contains("Timeout");
            assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(200);
        }
    }

    @Test
    void withoutACallbackUrlNothingIsSent() {
        String id = Support.create(http, body("model", "mj-v7", "prompt", "no hook"));
        http.awaitTerminal(id);
        SimHttp.sleep(30);
        assertThat(attempts(id)).isEmpty();
    }

    @Test
    void duplicateCallbackIsDeliveredTwice() {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.CALLBACK_DUPLICATE), 1);
        String id = Support.create(http, withCallback("/hooks/twice"));
        List<LoopbackServer.Received> got = receiver.await("/hooks/twice", 2);
        assertThat(got.get(0).json()).isEqualTo(got.get(1).json());
        assertThat(got.get(0).json().get("id").asText()).isEqualTo(id);
        Support.await("2 recorded attempts", () -> attempts(id).size() == 2);
        assertThat(attempts(id)).extracting(CallbackAttempt::delivery).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void lateCallbackArrivesAfterTheTaskEndedAndAfterAPromptOne() {
        SIM.simulator().faults().script(null, Fault.lateCallback(1_500), 1);
        String late = Support.create(http, withCallback("/hooks/late"));
        String prompt = Support.create(http, withCallback("/hooks/prompt"));
        receiver.await("/hooks/prompt", 1);
        assertThat(http.awaitTerminal(late).get("status").asText()).isEqualTo("completed");
        assertThat(receiver.received("/hooks/late")).as("not yet: the task is done, its callback is late").isEmpty();
        LoopbackServer.Received arrived = receiver.await("/hooks/late", 1).get(0);
        assertThat(arrived.json().get("id").asText()).isEqualTo(late);
        assertThat(arrived.seq()).isGreaterThan(receiver.received("/hooks/prompt").get(0).seq());
        assertThat(prompt).isNotEqualTo(late);
    }

    @Test
    void lostCallbackNeverArrives() {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.CALLBACK_LOST), 1);
        String lost = Support.create(http, withCallback("/hooks/lost"));
        String normal = Support.create(http, withCallback("/hooks/normal"));
        receiver.await("/hooks/normal", 1);
        assertThat(http.awaitTerminal(lost).get("status").asText()).isEqualTo("completed");
        SimHttp.sleep(100);
        assertThat(receiver.received("/hooks/lost")).isEmpty();
        assertThat(attempts(lost)).isEmpty();
        assertThat(attempts(normal)).hasSize(1);
    }

    @Test
    void insecureCallbackUrlsAreAcceptedOnlyInTestMode() {
        assertThat(http.create(withCallback("/hooks/ok")).status()).isEqualTo(200);
        try (EvolinkSimulator strict = EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.0005).build())) {
            SimHttp client = new SimHttp(strict);
            for (String url : List.of(receiver.url("/hooks"), "https://127.0.0.1/hooks", "https://localhost/hooks",
                    "https://10.1.2.3/hooks", "https://172.16.0.9/hooks", "https://192.168.1.1/hooks",
                    "https://[::1]/hooks", "ftp://example.com/hooks", "not a url",
                    "https://example.com/" + "a".repeat(2030))) {
                SimHttp.Answer a = client.create(body("model", "mj-v7", "prompt", "p", "callback_url", url));
                assertThat(a.status()).as(url).isEqualTo(400);
                assertThat(a.param()).as(url).isEqualTo("callback_url");
            }
            SimHttp.Answer ok = client.create(body("model", "mj-v7", "prompt", "p",
                    "callback_url", "https://hooks.example.com/evolink/done"));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(strict.journal().chargedSubmits()).isEqualTo(1);
        }
    }

    @Test
    void callbackAttemptsAreVisibleOverTheControlApi() {
        String id = Support.create(http, withCallback("/hooks/visible"));
        receiver.await("/hooks/visible", 1);
        Support.await("recorded", () -> !attempts(id).isEmpty());
        JsonNode data = new SimHttp(SIM.baseUrl(), null).get("/__simulator/callbacks").json().get("data");
        assertThat(data).anySatisfy(a -> {
            assertThat(a.get("taskId").asText()).isEqualTo(id);
            assertThat(a.get("status").asInt()).isEqualTo(200);
        });
    }
}
