package org.camelevolink.component.client;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.component.exceptions.EvolinkException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.SimulatorExtension.clientOn;

/**
 * Broken answers (mutated task, batch, error, files and credits bodies): parsing ends in a value whose getters
 * work, or in an {@link EvolinkException}, never another exception and never a hang. In process through the
 * client's own codec and error decoder, and over loopback HTTP through the whole client with a {@link FakeServer}
 * answering the mutated bodies.
 */
class AnswerParsingPropertiesTest {

    private static final String KEY = "sk-parsing-props-key-5d2e";
    private static final JsonCodec CODEC = new JsonCodec(new Redactor(KEY));
    private static final AtomicReference<Answer> NEXT = new AtomicReference<>();

    private static FakeServer server;
    private static EvolinkClient client;

    /** What the fake server answers next. */
    record Answer(int status, byte[] body) {
    }

    @BeforeContainer
    static void start() throws Exception {
        FakeServer.Handler answer = (x, r) -> {
            Answer a = NEXT.get();
            FakeServer.respond(x, a.status(), "application/json", a.body());
        };
        server = FakeServer.start().on("GET", "/", answer).on("POST", "/", answer);
        // no retries: every call is one exchange, so a try is quick and its answer is the one generated
        client = clientOn(server.baseUrl(), KEY, b -> b.maxReadRetries(0).maxSubmitRetries(0));
    }

    @AfterContainer
    static void stop() {
        client.close();
        server.close();
    }

    @Provide
    Arbitrary<AnswerMutations.Body> bodies() {
        return AnswerMutations.anyBody();
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(201, 204, 400, 401, 402, 403, 404, 405, 409, 413, 429, 500,
                        501, 502, 503, 504, 599)));
    }

    @Provide
    Arbitrary<Integer> errorStatuses() {
        return Arbitraries.of(400, 401, 402, 403, 404, 405, 409, 413, 429, 500, 501, 502, 503, 504, 599);
    }

    @Property
    void aTaskReadsOrIsMalformed(@ForAll("bodies") AnswerMutations.Body body) {
        HttpResult r = result(200, body.bytes());
        Object parsed = typedOrValue(body, () -> {
            EvolinkTask task = CODEC.read(r, EvolinkTask.class);
            touch(task);
            return task;
        });
        Statistics.label("task").collect(parsed instanceof EvolinkTask ? "read" : "refused");
    }

    /** Found by the property below: a null entry of a batch answer threw a NullPointerException. */
    @Example
    void aNullBatchEntryIsNoTask() {
        HttpResult r = result(200, "{\"data\":[null]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(EvolinkClient.tasks(CODEC, r)).isEmpty();
    }

    @Property
    void aBatchReadsOrIsMalformed(@ForAll("bodies") AnswerMutations.Body body) {
        HttpResult r = result(200, body.bytes());
        typedOrValue(body, () -> {
            List<EvolinkTask> out = EvolinkClient.tasks(CODEC, r);
            out.forEach(AnswerParsingPropertiesTest::touch);
            return out;
        });
    }

    @Property
    void filesAnswersReadOrAreRefused(@ForAll("bodies") AnswerMutations.Body body) {
        typedOrValue(body, () -> FileAnswer.read(result(200, body.bytes()), CODEC).toString());
    }

    /** An error answer always decodes to an exception, whatever its body; decoding itself never throws. */
    @Property
    void everyErrorAnswerDecodes(@ForAll("bodies") AnswerMutations.Body body, @ForAll("errorStatuses") int status) {
        HttpResult r = result(status, body.bytes());
        Object decoded = ClientDeadline.outcome(body, CompletableFuture.supplyAsync(
                () -> List.of(CODEC.errors().fromAnswer(r))));
        assertThat(decoded).as("%s", body).isInstanceOf(List.class);
        EvolinkApiException e = (EvolinkApiException) ((List<?>) decoded).get(0);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getCode()).isNotBlank();
        assertThat(e.getMessage()).isNotBlank().doesNotContain(KEY);
    }

    /** Over HTTP: every call of the client ends in time, with a value or an EvolinkException. */
    @Property
    void overHttpEveryCallEndsTyped(@ForAll("bodies") AnswerMutations.Body body, @ForAll("statuses") int status,
            @ForAll("calls") String call) {
        NEXT.set(new Answer(status, body.bytes()));
        CompletableFuture<?> f = switch (call) {
            case "getTask" -> client.getTask("task-unified-1757165031-abcd1234").thenApply(AnswerParsingPropertiesTest::touch);
            case "getTasks" -> client.getTasks(List.of("task-unified-1", "task-unified-2"))
                    .thenApply(l -> l.stream().map(AnswerParsingPropertiesTest::touch).toList());
            case "createTask" -> client.createTask(ClientTests.generation(), null).thenApply(s -> touch(s.task()));
            case "credits" -> client.credits();
            default -> client.uploadUrl("https://example.com/a.png", null, null);
        };
        Object outcome = ClientDeadline.outcome(body, f);
        if (outcome instanceof Throwable t) {
            assertThat(t).as("%s %s answered %d %s", call, body, status, t).isInstanceOf(EvolinkException.class);
            assertThat(t.getMessage()).doesNotContain(KEY);
        } else if (status < 200 || status > 299) {
            // by design: once the batch endpoint answered 404 or 405, tasks are read one by one, and a task
            // answered 400 or 404 is one the server does not know, left out of the list
            assertThat(call).as("a value from a non-2xx answer: %s", outcome).isEqualTo("getTasks");
            assertThat(client.isBatchReadUnsupported()).isTrue();
            assertThat((List<?>) outcome).isEmpty();
            assertThat(status).isIn(400, 404);
        }
        Statistics.label("outcome").collect(outcome instanceof Throwable ? "refused" : "read");
    }

    /**
     * Was a gap found by {@link #everyErrorAnswerDecodes}: an error answer without a code ({"error":{}}, a files
     * answer without "code") gave an exception whose getCode() was null, though it is documented as always a
     * string, and task stores keep it.
     */
    @net.jqwik.api.Example
    void anErrorWithoutACodeStillHasOne() {
        for (String body : List.of("{\"error\":{}}", "{\"error\":{\"code\":null,\"message\":\"x\"}}",
                "{\"error\":{\"code\":\" \"}}", "{\"success\":false,\"msg\":\"no\"}")) {
            EvolinkApiException e = CODEC.errors().fromAnswer(result(502, body.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(e.getCode()).as(body).isEqualTo("http_502");
        }
        HttpResult ok = result(200, "{\"success\":false,\"msg\":\"quota\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        Object refused = ClientDeadline.outcome("files", CompletableFuture.supplyAsync(() -> FileAnswer.read(ok, CODEC)));
        assertThat(((EvolinkApiException) refused).getCode()).isEqualTo("http_200");
    }

    @Provide
    Arbitrary<String> calls() {
        return Arbitraries.of("getTask", "getTasks", "createTask", "credits", "uploadUrl");
    }

    /** Calls every getter a route uses, so a value that reads but breaks later counts as broken. */
    static EvolinkTask touch(EvolinkTask task) {
        task.getStatus();
        task.isFinished();
        task.getProgress();
        task.getResults().size();
        task.getEstimatedTime();
        task.toString();
        task.hashCode();
        return task;
    }

    private static HttpResult result(int status, byte[] body) {
        BasicHttpResponse head = new BasicHttpResponse(status);
        head.addHeader("x-request-id", "req-1");
        return new HttpResult(status, "application/json", body, head);
    }

    /** The value, or the EvolinkException thrown; any other exception or a hang fails the try. */
    private static Object typedOrValue(AnswerMutations.Body body, Supplier<Object> parse) {
        Object outcome = ClientDeadline.outcome(body, CompletableFuture.supplyAsync(parse));
        if (outcome instanceof Throwable t) {
            assertThat(t).as("%s", body).isInstanceOf(EvolinkException.class);
            if (t instanceof EvolinkApiException api) {
                assertThat(api.getCode()).isNotBlank();
            }
        }
        return outcome;
    }

    /** Waits for a future within a generous deadline; a hang fails the try with the sample. */
    static final class ClientDeadline {
        private static final long SECONDS = ClientTests.WAIT_SECONDS;

        private ClientDeadline() {
        }

        static Object outcome(Object sample, CompletableFuture<?> f) {
            try {
                return f.get(SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new AssertionError("no outcome within " + SECONDS + " s for " + sample);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

    }
}
