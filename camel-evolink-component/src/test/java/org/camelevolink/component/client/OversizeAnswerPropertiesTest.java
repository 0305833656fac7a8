package org.camelevolink.component.client;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.camelevolink.component.exceptions.EvolinkApiException;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.SimulatorExtension.clientOn;

/**
 * An answer far above the client's bound (200 MB, streamed or announced) is refused with response_too_large while
 * the client reads and allocates about the bound, not the body: the server sees the connection closed long
 * before it has written it all, and the bytes allocated by every thread of the JVM meanwhile stay far below it.
 */
class OversizeAnswerPropertiesTest {

    private static final String KEY = "sk-oversize-props-key-77c1";
    private static final long BODY = 200L * 1024 * 1024;
    /** Socket buffers on both sides, the HTTP layer's own buffers, and what the test itself allocates. */
    private static final long SLACK = 24L * 1024 * 1024;

    @Provide
    Arbitrary<Long> limits() {
        return Arbitraries.of(1_024L, 64 * 1_024L, 1_024 * 1_024L, 4 * 1_024 * 1_024L);
    }

    @Provide
    Arbitrary<String> calls() {
        return Arbitraries.of("credits", "getTask", "getTasks", "createTask", "download");
    }

    private static final String WIRE_LOGGER = "org.apache.hc.client5.http.wire";
    private Level wireLevel;

    /**
     * HttpClient's wire logger, on at DEBUG for the whole run's key scan, allocates a log line per chunk read: that
     * is the logging's memory, not the client's buffering, which is what the allocation bound is about.
     */
    @BeforeProperty
    void quietWireLogger() {
        wireLevel = LogManager.getLogger(WIRE_LOGGER).getLevel();
        Configurator.setLevel(WIRE_LOGGER, Level.INFO);
    }

    @AfterProperty
    void restoreWireLogger() {
        Configurator.setLevel(WIRE_LOGGER, wireLevel);
    }

    @Property(tries = 8)
    void aHugeAnswerIsRefusedAfterAboutTheBound(@ForAll("limits") long limit, @ForAll("calls") String call,
            @ForAll boolean announced) throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        FakeServer.Handler endless = (x, r) -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, announced ? BODY : 0); // 0: chunked, the client finds out by reading
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            byte[] start = "{\"data\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(start, 0, chunk, 0, start.length);
            try (OutputStream out = x.getResponseBody()) {
                while (written.get() < BODY) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                    Arrays.fill(chunk, 0, start.length, (byte) 'x');
                }
            } catch (IOException expected) {
                // the client hung up
            } finally {
                serverDone.countDown();
            }
        };
        try (FakeServer server = FakeServer.start().on("GET", "/", endless).on("POST", "/", endless);
                EvolinkClient client = clientOn(server.baseUrl(), KEY,
                        b -> b.maxResponseBytes(limit).maxReadRetries(0).maxSubmitRetries(0))) {
            Map<Long, Long> before = allocatedByThread();
            CompletableFuture<?> f = switch (call) {
                case "credits" -> client.credits();
                case "getTask" -> client.getTask("task-unified-1757165031-abcd1234");
                case "getTasks" -> client.getTasks(List.of("task-unified-1757165031-abcd1234"));
                case "createTask" -> client.createTask(ClientTests.generation(), null);
                default -> client.download(server.baseUrl() + "/result.png", limit);
            };
            EvolinkApiException e = ClientTests.apiFailure(f);
            long allocated = allocatedSince(before);
            assertThat(e.getCode()).isEqualTo(EvolinkApiException.RESPONSE_TOO_LARGE);
            // the figures of the run, for docs/reliability.md (in target/surefire-reports/*-output.txt)
            System.out.printf("oversize %s bound=%d announced=%b written=%d allocated=%d%n", call, limit, announced,
                    written.get(), allocated);
            assertThat(serverDone.await(ClientTests.WAIT_SECONDS, TimeUnit.SECONDS)).as("the server stopped").isTrue();
            assertThat(written.get()).as("bytes written before the client hung up, bound %d", limit)
                    .isLessThan(limit + SLACK);
            assertThat(allocated).as("bytes allocated by all threads while refusing, bound %d", limit)
                    .isLessThan(2 * limit + 2 * SLACK);
        }
    }

    /** Bytes each live thread has allocated so far (HotSpot's per-thread counters). */
    private static Map<Long, Long> allocatedByThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], bytes[i]);
        }
        return out;
    }

    /** Allocated by every thread alive now since {@code before}: a thread started since counts from zero. */
    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedByThread().entrySet()) {
            if (now.getValue() > 0) {
                total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
            }
        }
        return total;
    }
}
