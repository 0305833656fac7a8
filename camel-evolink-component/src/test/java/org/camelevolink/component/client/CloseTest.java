package org.camelevolink.component.client;

import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.exceptions.EvolinkApiException;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;

/** Closing a client ends every call still under way, and leaves a scheduler it was given alone. */
class CloseTest {

    private static final String KEY = "sk-close-test-key-a90f";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    @Test
    void aCallWaitingForItsRetryEndsWhenTheClientCloses() throws Exception {
        EvolinkClient client = SIM.client(KEY, b -> b.backoff(Duration.ofSeconds(20), Duration.ofSeconds(20)));
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 1);
        CompletableFuture<EvolinkCredits> waiting = client.credits();
        waitingFor("the first credits read").pollInterval(Duration.ofMillis(10))
                .until(() -> !SIM.simulator().journal(Endpoint.CREDITS).isEmpty());
        Thread.sleep(100); // the 503 has been read and the 20 s backoff scheduled
        client.close();
        assertThat(apiFailure(waiting).getCode()).isEqualTo(EvolinkApiException.CLIENT_CLOSED);
        assertThat(SIM.simulator().journal(Endpoint.CREDITS)).hasSize(1);
    }

    @Test
    void callsAfterCloseFailAtOnce() {
        EvolinkClient client = SIM.client(KEY, b -> b);
        client.close();
        client.close(); // twice is harmless
        EvolinkApiException e = apiFailure(client.credits());
        assertThat(e.getCode()).isEqualTo(EvolinkApiException.CLIENT_CLOSED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(SIM.simulator().journal().entries()).isEmpty();
    }

    @Test
    void aSchedulerGivenToTheClientIsUsedAndNotShutDown() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            try (EvolinkClient client = SIM.client(KEY, b -> b.scheduler(scheduler))) {
                SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 1);
                assertThat(await(client.credits()).keyRemaining()).isEqualTo(1_000);
            }
            assertThat(scheduler.isShutdown()).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theClientsOwnRetryThreadIsADaemonAndStopsOnClose() throws Exception {
        java.util.Set<Thread> before = retryThreads();
        java.util.Set<Thread> ours;
        try (EvolinkClient client = SIM.client(KEY, b -> b)) {
            SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 1);
            await(client.credits());
            ours = retryThreads();
            ours.removeAll(before);
            assertThat(ours).hasSize(1).allMatch(Thread::isDaemon);
        }
        for (Thread t : ours) {
            t.join(5_000);
            assertThat(t.isAlive()).isFalse();
        }
    }

    private static java.util.Set<Thread> retryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("evolink-client-retry"))
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
}
