package org.camelevolink.component.client;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.generation;

/** A paid submit is re-sent only after a lost answer, 429, 502 or 503, and only with its Idempotency-Key. */
class SubmitRetryTest {

    private static final String KEY = "sk-submit-test-key-0b9d";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    private EvolinkClient client;

    @BeforeEach
    void setUp() {
        client = SIM.client(KEY, b -> b);
    }

    @Test
    void answerLostAfterTheSubmitTookEffectIsResentWithTheSameKeyAndChargedOnce() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_AFTER), 1);
        SubmittedTask submitted = await(client.createTask(generation(), null));
        assertThat(submitted.replayed()).isTrue();
        List<JournalEntry> creates = SIM.simulator().journal(Endpoint.CREATE);
        assertThat(creates).hasSize(2);
        assertThat(creates).extracting(JournalEntry::idempotencyKey).containsOnly(submitted.idempotencyKey());
        assertThat(creates.get(0).taskId()).isEqualTo(submitted.task().getId());
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void connectionDroppedBeforeTheSubmitTookEffectIsResentAndChargedOnce() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_BEFORE), 1);
        SubmittedTask submitted = await(client.createTask(generation(), null));
        assertThat(submitted.replayed()).isFalse();
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(2)
                .extracting(JournalEntry::idempotencyKey).containsOnly(submitted.idempotencyKey());
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void a503And429AreResentWithTheCallersKey() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_503), 1)
                .script(Endpoint.CREATE, Fault.rateLimit(1), 1);
        SubmittedTask submitted = await(client.createTask(generation(), "callers-key-0000000001"));
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).extracting(JournalEntry::idempotencyKey)
                .containsExactly("callers-key-0000000001", "callers-key-0000000001", "callers-key-0000000001");
        assertThat(submitted.task().getId()).isNotNull();
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }

    @Test
    void aSubmitAnsweredTooLateIsResentWithTheSameKeyAndChargedOnce() throws Exception {
        try (EvolinkClient impatient = SIM.client(KEY, b -> b.responseTimeout(Duration.ofMillis(300)))) {
            SIM.simulator().faults().script(Endpoint.CREATE, Fault.slow(1500), 1);
            SubmittedTask submitted = await(impatient.createTask(generation(), null));
            Thread.sleep(1500); // the slow first attempt is handled too, as a replay
            List<JournalEntry> creates = SIM.simulator().journal(Endpoint.CREATE);
            assertThat(creates).hasSize(2).extracting(JournalEntry::idempotencyKey)
                    .containsOnly(submitted.idempotencyKey());
            assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
        }
    }

    @Test
    void resendsAreBoundedByMaxSubmitRetries() {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.RESET_BEFORE), 10);
        EvolinkApiException e = apiFailure(client.createTask(generation(), null));
        assertThat(e.getCode()).isEqualTo(EvolinkApiException.NETWORK_ERROR);
        List<JournalEntry> creates = SIM.simulator().journal(Endpoint.CREATE);
        assertThat(creates).as("1 + 2 re-sends (the default)").hasSize(3);
        assertThat(creates.stream().map(JournalEntry::idempotencyKey).distinct()).hasSize(1);
        assertThat(SIM.simulator().journal().chargedSubmits()).isZero();
    }

    @Test
    void noResendsWhenSubmitRetriesAreOff() {
        try (EvolinkClient once = SIM.client(KEY, b -> b.maxSubmitRetries(0))) {
            SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_503), 1);
            assertThat(apiFailure(once.createTask(generation(), null)).getStatusCode()).isEqualTo(503);
            assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
        }
    }

    @Test
    void aBadRequestIsNeverResent() {
        assertThat(apiFailure(client.createTask(CreateTaskRequest.builder("mj-v7").build(), null)).getStatusCode())
                .isEqualTo(400);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
    }

    @Test
    void a500IsNeverResent() {
        // a 500 may have done work: re-sending is the caller's decision (with the same key)
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.HTTP_500), 1);
        assertThat(apiFailure(client.createTask(generation(), null)).getStatusCode()).isEqualTo(500);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
    }

    @Test
    void aMalformedAnswerToASubmitIsNotResentButTheKeyFindsTheTaskAgain() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.MALFORMED_JSON), 1);
        EvolinkApiException e = apiFailure(client.createTask(generation(), "caller-key-malformed-01"));
        assertThat(e.getCode()).isEqualTo(EvolinkApiException.MALFORMED_RESPONSE);
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).hasSize(1);
        SubmittedTask again = await(client.createTask(generation(), "caller-key-malformed-01"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.task().getId()).isEqualTo(SIM.simulator().journal(Endpoint.CREATE).get(0).taskId());
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(1);
    }
}
