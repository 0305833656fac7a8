package org.camelevolink.component.client;

import org.apache.logging.log4j.Level;
import org.camelevolink.component.LogCapture;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.TestComponents;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.SimulatorExtension.clientOn;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.failure;
import static org.camelevolink.component.client.ClientTests.generation;

/** The API key never shows: not in toString(), not in any exception (message, cause, stack trace), not in logs. */
class SecretsTest {

    /** Distinctive, so that any appearance is found. */
    private static final String KEY = "sk-SECRET-7f3a9c1e5d2b8a64";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    @Test
    void notInToString() throws Exception {
        try (EvolinkClient client = SIM.client(KEY, b -> b.proxy("127.0.0.1", 3128))) {
            assertThat(client.toString()).doesNotContain(KEY);
            assertThat(client.config().toString()).doesNotContain(KEY).contains("apiKey=******");
        }
        try (EvolinkClient client = SIM.client(KEY, b -> b)) {
            SubmittedTask submitted = await(client.createTask(generation(), null));
            assertThat(submitted.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void notInAnyErrorNorInTheLogs() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        String logs = captureLogs(() -> {
            try (EvolinkClient client = SIM.client(KEY,
                    b -> b.responseTimeout(Duration.ofMillis(300)).maxReadRetries(1))) {
                SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_500), 1);
                errors.add(failure(client.credits()));
                SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 2);
                errors.add(failure(client.credits()));
                SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.MALFORMED_JSON), 1);
                errors.add(failure(client.credits()));
                SIM.simulator().faults().script(Endpoint.CREDITS, Fault.slow(1000), 2);
                errors.add(failure(client.credits()));
                errors.add(failure(client.createTask(CreateTaskRequest.builder("mj-v7").build(), null)));
                errors.add(failure(client.getTask("task-unified-1-unknown0")));
                errors.add(failure(client.createTask(generation(), "bad key")));
            }
            try (EvolinkClient tiny = SIM.client(KEY, b -> b.maxResponseBytes(16))) {
                errors.add(failure(tiny.credits()));
            }
            try (EvolinkClient nowhere = clientOn("http://127.0.0.1:" + TestComponents.freePort(), KEY,
                    b -> b.maxReadRetries(0))) {
                errors.add(failure(nowhere.credits()));
            }
        });
        assertThat(errors).hasSize(9);
        errors.forEach(SecretsTest::assertNoKey);
        assertThat(logs).contains("retry 1 of 1").doesNotContain(KEY);
    }

    @Test
    void notEvenWhenAServerEchoesItBack() throws Exception {
        try (FakeServer echo = FakeServer.start()
                .on("GET", "/v1/credits", (x, r) -> FakeServer.json(x, 500, "{\"error\":{\"code\":\"internal_error\","
                        + "\"message\":\"bad header " + r.header("Authorization") + "\",\"param\":\"" + KEY + "\"}}",
                        "x-request-id", KEY))
                .on("GET", "/v1/tasks/", (x, r) -> FakeServer.json(x, 200, "{\"id\": " + r.header("Authorization")))
                .on("POST", "/v1/tasks/batch", (x, r) -> FakeServer.respond(x, 502, "text/html",
                        ("<pre>" + r.headers() + "</pre>").getBytes()));
                EvolinkClient client = clientOn(echo.baseUrl(), KEY, b -> b.maxReadRetries(0))) {
            Throwable answered = failure(client.credits());
            Throwable malformed = failure(client.getTask("task-unified-1-abcdefgh"));
            Throwable html = failure(client.getTasks(List.of("task-unified-1-abcdefgh")));
            assertNoKey(answered);
            assertNoKey(malformed);
            assertNoKey(html);
            assertThat(answered.getMessage()).contains("bad header Bearer ******");
            assertThat(((EvolinkApiException) malformed).getCode()).isEqualTo("malformed_response");
        }
    }

    private static void assertNoKey(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as("stack trace of %s", t.getClass().getSimpleName()).doesNotContain(KEY);
        if (t instanceof EvolinkApiException api) {
            assertThat(String.valueOf(api.getParam()) + api.getRequestId() + api.getCode()).doesNotContain(KEY);
        }
    }


    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} with every logger at TRACE, except HttpClient's header and wire loggers: those print
     * request headers by design, and the client warns about them instead (security/KeySecrecyTest).
     */
    private static String captureLogs(Action action) throws Exception {
        try (LogCapture logs = LogCapture.everything("%c %m %ex%n").level("org.camelevolink", Level.TRACE)) {
            List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire",
                    "org.apache.hc.core5.http.headers", "org.apache.hc.core5.http.wire")
                    .forEach(name -> logs.quiet(name, Level.INFO));
            action.run();
            return logs.text();
        }
    }
}
