package org.camelevolink.simulator.behaviour;

import org.camelevolink.simulator.SimHttp;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.camelevolink.simulator.junit.EvolinkSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camelevolink.simulator.behaviour.Support.KEY;
import static org.camelevolink.simulator.behaviour.Support.SECOND_KEY;
import static org.camelevolink.simulator.behaviour.Support.body;
import static org.camelevolink.simulator.behaviour.Support.credits;

/**
 * {@code Idempotency-Key} on submits (evolink-api.md §1, §10): a repeated key with the same body replays the first
 * answer with {@code idempotency-replayed: true} and charges nothing; another body is {@code idempotency_conflict}.
 */
class IdempotencyTest {

    @RegisterExtension
    static final EvolinkSimulatorExtension SIM = EvolinkSimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).imageBaseSize(32).apiKey(KEY).apiKey(SECOND_KEY));

    private static final Map<String, Object> BODY = body("model", "mj-v7", "prompt", "a paper crane");

    private SimHttp http;

    @BeforeEach
    void client() {
        http = new SimHttp(SIM.simulator());
    }

    private SimHttp.Answer submit(SimHttp client, Object body, String key) {
        return client.post("/v1/images/generations", body, Map.of("Idempotency-Key", key));
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstAnswerAndChargesOnce() {
        String key = "run_0123456789abcdef";
        SimHttp.Answer first = submit(http, BODY, key);
        SimHttp.Answer again = submit(http, BODY, key);
        SimHttp.Answer third = submit(http, BODY, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("idempotency-replayed")).isNull();
        for (SimHttp.Answer replay : List.of(again, third)) {
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.header("idempotency-replayed")).isEqualTo("true");
            assertThat(replay.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
            assertThat(replay.json()).isEqualTo(first.json());
        }
        double price = first.json().at("/usage/credits_reserved").asDouble();
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        assertThat(SIM.simulator().tasks().size()).isEqualTo(1);
        assertThat(credits(http).get("used_credits").asDouble()).isCloseTo(price, within(1e-9));
        List<JournalEntry> submits = SIM.simulator().journal(Endpoint.CREATE);
        assertThat(submits).extracting(JournalEntry::replayed).containsExactly(false, true, true);
        assertThat(submits).extracting(JournalEntry::idempotencyKey).containsOnly(key);
    }

    @Test
    void theSameJsonInAnotherLayoutIsTheSameBody() {
        String key = "layout-key-000000001";
        SimHttp.Answer first = submit(http, "{\"model\":\"mj-v7\",\"prompt\":\"a paper crane\"}", key);
        SimHttp.Answer again = submit(http, "{ \"prompt\" : \"a paper crane\",\n \"model\" : \"mj-v7\" }", key);
        assertThat(again.header("idempotency-replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    }

    @Test
    void sameKeyWithAnotherBodyIsAConflictAndTheOriginalStillReplays() {
        String key = "conflict-key-0000001";
        String id = submit(http, BODY, key).json().get("id").asText();
        SimHttp.Answer conflict = submit(http, body("model", "mj-v7", "prompt", "a different crane"), key);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("idempotency_conflict");
        assertThat(conflict.param()).isEqualTo("Idempotency-Key");
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        SimHttp.Answer replay = submit(http, BODY, key);
        assertThat(replay.header("idempotency-replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asText()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "fifteen-chars15", "has spaces in the key!", "key/with/slashes-0000",
        "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"})
    void malformedKeyIs400AndChargesNothing(String key) {
        SimHttp.Answer a = submit(http, BODY, key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.param()).isEqualTo("Idempotency-Key");
        assertThat(SIM.simulator().tasks().size()).isZero();
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
    }

    @Test
    void keysOfSixteenAndNinetySixCharactersAreAccepted() {
        assertThat(submit(http, BODY, "a".repeat(16)).status()).isEqualTo(200);
        assertThat(submit(http, BODY, "A0._-".repeat(19) + "z").status()).isEqualTo(200);
    }

    @Test
    void aRejectedSubmitDoesNotBurnItsKey() {
        String key = "rejected-then-fixed-01";
        SimHttp.Answer bad = submit(http, body("model", "mj-v7"), key); // no prompt
        assertThat(bad.status()).isEqualTo(400);
        SimHttp.Answer good = submit(http, BODY, key);
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.header("idempotency-replayed")).isNull();
        assertThat(submit(http, BODY, key).header("idempotency-replayed")).isEqualTo("true");
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void aSubmitRefusedFor402CanBeRetriedWithItsKeyAfterATopUp() {
        String key = "top-up-and-retry-0001";
        SIM.simulator().setCredits(KEY, 0);
        assertThat(submit(http, BODY, key).status()).isEqualTo(402);
        SIM.simulator().setCredits(KEY, 100);
        SimHttp.Answer paid = submit(http, BODY, key);
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.header("idempotency-replayed")).isNull();
    }

    @Test
    void resetAfterTheSubmitThenResendReplaysTheOriginalTaskWithOneCharge() {
        String key = "lost-answer-key-00001";
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_AFTER), 1);
        assertThatThrownBy(() -> submit(http, BODY, key)).isInstanceOf(UncheckedIOException.class);
        JournalEntry lost = SIM.simulator().journal(Endpoint.CREATE).get(0);
        assertThat(lost.isCharged()).isTrue();
        assertThat(lost.taskId()).startsWith("task-unified-");

        SimHttp.Answer resent = submit(http, BODY, key);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.header("idempotency-replayed")).isEqualTo("true");
        assertThat(resent.json().get("id").asText()).isEqualTo(lost.taskId());
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        assertThat(SIM.simulator().tasks().size()).isEqualTo(1);
        assertThat(credits(http).get("used_credits").asDouble())
                .isCloseTo(resent.json().at("/usage/credits_reserved").asDouble(), within(1e-9));
    }

    @Test
    void aSubmitThatNeverTookEffectLeavesTheKeyFree() {
        String key = "never-took-effect-001";
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_BEFORE), 1);
        assertThatThrownBy(() -> submit(http, BODY, key)).isInstanceOf(UncheckedIOException.class);
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_503), 1);
        assertThat(submit(http, BODY, key).status()).isEqualTo(503);
        SimHttp.Answer created = submit(http, BODY, key);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("idempotency-replayed")).as("nothing existed to replay").isNull();
        assertThat(submit(http, BODY, key).header("idempotency-replayed")).isEqualTo("true");
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        assertThat(SIM.simulator().tasks().size()).isEqualTo(1);
    }

    @Test
    void aReplayAnswersTheOriginalAnswerEvenAfterTheTaskEnded() {
        String key = "replay-after-the-end-1";
        SimHttp.Answer first = submit(http, BODY, key);
        SIM.simulator().completeTask(first.json().get("id").asText());
        SimHttp.Answer replay = submit(http, BODY, key);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(replay.json().get("status").asText()).isEqualTo("pending");
    }

    @Test
    void keysBelongToOneApiKey() {
        String key = "shared-idempotency-01";
        String mine = submit(http, BODY, key).json().get("id").asText();
        SimHttp.Answer theirs = submit(http.withKey(SECOND_KEY), BODY, key);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.header("idempotency-replayed")).isNull();
        assertThat(theirs.json().get("id").asText()).isNotEqualTo(mine);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesCreateOneTask() throws Exception {
        String key = "concurrent-key-000001";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SimHttp.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> submit(new SimHttp(SIM.simulator()), BODY, key));
            }
            List<String> ids = new ArrayList<>();
            for (Future<SimHttp.Answer> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).isEqualTo(200);
                ids.add(f.get().json().get("id").asText());
            }
            assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(SIM.simulator().tasks().size()).isEqualTo(1);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void withoutAKeyEverySubmitIsANewTask() {
        http.create(BODY);
        http.create(BODY);
        assertThat(SIM.simulator().tasks().size()).isEqualTo(2);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(2);
    }
}
