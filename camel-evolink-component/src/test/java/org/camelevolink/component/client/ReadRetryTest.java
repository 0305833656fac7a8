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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.SimulatorExtension.clientOn;
import static org.camelevolink.component.client.ClientTests.apiFailure;
import static org.camelevolink.component.client.ClientTests.await;
import static org.camelevolink.component.client.ClientTests.generation;
import static org.camelevolink.component.client.ClientTests.png;

/**
 * Reads (and uploads, and downloads) are retried on 429, 502, 503 and lost connections, after a growing backoff or
 * the server's Retry-After; nothing else is retried. Times are read from the server's side (journal, fake server).
 */
class ReadRetryTest {

    private static final String KEY = "sk-retry-test-key-5c2e";

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(
            SimulatorConfig.builder().timeScale(0.0005).apiKey(KEY, 1_000));

    private EvolinkClient client;

    @BeforeEach
    void setUp() {
        client = SIM.client(KEY, b -> b);
    }

    @Test
    void a503A502AndA429AreRetriedThenTheReadSucceeds() throws Exception {
        String id = await(client.createTask(generation(), null)).task().getId();
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.HTTP_503), 1)
                .script(Endpoint.TASK_GET, Fault.of(FaultKind.HTTP_502), 1)
                .script(Endpoint.TASK_GET, Fault.rateLimit(1), 1);
        assertThat(await(client.getTask(id)).getId()).isEqualTo(id);
        List<JournalEntry> reads = SIM.simulator().journal(Endpoint.TASK_GET);
        assertThat(reads).extracting(JournalEntry::status).containsExactly(503, 502, 429, 200);
    }

    @Test
    void theRetryAfterA429WaitsForRetryAfter() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.rateLimit(1), 1);
        await(client.credits());
        List<JournalEntry> reads = SIM.simulator().journal(Endpoint.CREDITS);
        assertThat(reads).hasSize(2);
        long gap = reads.get(1).receivedAtMillis() - reads.get(0).receivedAtMillis();
        assertThat(gap).as("Retry-After: 1 honoured, not the 20 ms backoff").isGreaterThanOrEqualTo(950);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        long[] retryAt = new long[1];
        try (FakeServer server = FakeServer.start().on("GET", "/v1/credits", (x, r) -> {
            if (calls.getAndIncrement() == 0) {
                // whole seconds: the date lies 1 to 2 s ahead
                Instant at = Instant.ofEpochMilli(r.atMillis() + 2000).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                retryAt[0] = at.toEpochMilli();
                FakeServer.json(x, 429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}",
                        "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC)));
            } else {
                FakeServer.json(x, 200, "{\"data\":{\"token\":{\"remaining_credits\":1},\"user\":{}}}");
            }
        }); EvolinkClient fake = clientOn(server.baseUrl(), KEY, b -> b)) {
            assertThat(await(fake.credits()).keyRemaining()).isEqualTo(1.0);
            List<FakeServer.Request> reads = server.requests();
            assertThat(reads).hasSize(2);
            // the client reads the date against its own clock, the same machine's as the server's
            assertThat(reads.get(1).atMillis()).isGreaterThanOrEqualTo(retryAt[0] - 20);
        }
    }

    @Test
    void retryAfterIsCappedAtTheMaximumBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeServer server = FakeServer.start().on("GET", "/v1/credits", (x, r) -> {
            if (calls.getAndIncrement() == 0) {
                FakeServer.json(x, 503, "{\"error\":{\"code\":\"service_unavailable\",\"message\":\"later\"}}",
                        "Retry-After", "3600");
            } else {
                FakeServer.json(x, 200, "{\"data\":{\"token\":{},\"user\":{}}}");
            }
        }); EvolinkClient fake = clientOn(server.baseUrl(), KEY,
                b -> b.backoff(Duration.ofMillis(50), Duration.ofMillis(300)))) {
            await(fake.credits());
            List<FakeServer.Request> reads = server.requests();
            long gap = reads.get(1).atMillis() - reads.get(0).atMillis();
            assertThat(gap).isBetween(290L, 5_000L);
        }
    }

    @Test
    void theBackoffGrowsByTheMultiplier() throws Exception {
        try (EvolinkClient slowBackoff = SIM.client(KEY,
                b -> b.backoff(Duration.ofMillis(100), Duration.ofSeconds(5)).backoffMultiplier(3))) {
            SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_503), 3);
            await(slowBackoff.credits());
            List<JournalEntry> reads = SIM.simulator().journal(Endpoint.CREDITS);
            assertThat(reads).hasSize(4);
            assertThat(reads.get(1).receivedAtMillis() - reads.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(100);
            assertThat(reads.get(2).receivedAtMillis() - reads.get(1).receivedAtMillis()).isGreaterThanOrEqualTo(300);
            assertThat(reads.get(3).receivedAtMillis() - reads.get(2).receivedAtMillis()).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void exhaustedRetriesEndInTheLastTypedError() {
        SIM.simulator().faults().script(Endpoint.TASK_GET, Fault.of(FaultKind.HTTP_503), 10);
        EvolinkApiException e = apiFailure(client.getTask("task-unified-1-abcdefgh"));
        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(e.getCode()).isEqualTo("service_unavailable");
        assertThat(e.isRetryable()).isTrue();
        assertThat(SIM.simulator().journal(Endpoint.TASK_GET)).as("1 + 3 retries (the default)").hasSize(4);
    }

    @Test
    void exhaustedRateLimitEndsIn429() {
        try (EvolinkClient few = SIM.client(KEY,
                b -> b.maxReadRetries(1).backoff(Duration.ofMillis(20), Duration.ofMillis(50)))) {
            SIM.simulator().faults().script(Endpoint.CREDITS, Fault.rateLimit(1), 5);
            EvolinkApiException e = apiFailure(few.credits());
            assertThat(e.getStatusCode()).isEqualTo(429);
            assertThat(e.getCode()).isEqualTo("rate_limit_exceeded");
            assertThat(SIM.simulator().journal(Endpoint.CREDITS)).hasSize(2);
        }
    }

    @Test
    void aLostConnectionIsRetried() throws Exception {
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.RESET_BEFORE), 1)
                .script(Endpoint.CREDITS, Fault.of(FaultKind.RESET_AFTER), 1);
        assertThat(await(client.credits()).keyRemaining()).isEqualTo(1_000);
        assertThat(SIM.simulator().journal(Endpoint.CREDITS)).hasSize(3);
    }

    @Test
    void a500IsNotRetried() {
        SIM.simulator().faults().script(Endpoint.CREDITS, Fault.of(FaultKind.HTTP_500), 1);
        EvolinkApiException e = apiFailure(client.credits());
        assertThat(e.getStatusCode()).isEqualTo(500);
        assertThat(SIM.simulator().journal(Endpoint.CREDITS)).hasSize(1);
    }

    @Test
    void uploadsAndBatchReadsAreRetriedToo() throws Exception {
        SIM.simulator().faults().script(Endpoint.FILES, Fault.of(FaultKind.HTTP_502), 1);
        assertThat(await(client.uploadBase64(png(), "image/png", "r.png", null)).fileUrl()).endsWith("r.png");
        assertThat(SIM.simulator().journal(Endpoint.FILES)).hasSize(2);
        SIM.simulator().faults().script(Endpoint.TASK_BATCH, Fault.of(FaultKind.HTTP_503), 1);
        assertThat(await(client.getTasks(List.of("task-unified-1-abcdefgh")))).isEmpty();
        assertThat(SIM.simulator().journal(Endpoint.TASK_BATCH)).hasSize(2);
        assertThat(client.isBatchReadUnsupported()).isFalse();
    }
}
