package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks of one endpoint, and of the producers and consumers sharing a client, are read in shared batches: what
 * keeps the requests per task near one when many run (docs/benchmarks.md). Tasks here last ~0.9 s, so they overlap.
 */
class BatchedReadsTest {

    private static final int TASKS = 60;

    /** A simulator of each test's own. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.02));
    private final CamelContext camel = new DefaultCamelContext();
    private final CountDownLatch consumed = new CountDownLatch(TASKS);

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    private void start() throws Exception {
        EvolinkComponent evolink = sim.component(SimulatorConfig.DEFAULT_API_KEY, new InMemoryTaskStore());
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setMinPollInterval(20);
        cfg.setMaxPollInterval(600);
        camel.addComponent("evolink", evolink);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("evolink:mj-v7").process(e -> consumed.countDown());
            }
        });
        camel.start();
    }

    @Test
    void waitingProducersShareBatches() throws Exception {
        start();
        List<CompletableFuture<Object>> ends = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            ends.add(camel.createProducerTemplate().asyncRequestBody("evolink:mj-v8.1", "a kite " + i));
        }
        CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertFewBatches();
    }

    @Test
    void consumedTasksShareBatches() throws Exception {
        start();
        for (int i = 0; i < TASKS; i++) {
            camel.createProducerTemplate().sendBody("evolink:mj-v7?waitForCompletion=false", "a kite " + i);
        }
        assertThat(consumed.await(60, TimeUnit.SECONDS)).isTrue();
        assertFewBatches();
    }

    private void assertFewBatches() {
        assertThat(sim.simulator().journal(Endpoint.TASK_GET)).isEmpty();
        // a batch per task and read is several per task (~300 here); shared batches make it fewer than the tasks
        assertThat(sim.simulator().journal(Endpoint.TASK_BATCH).size()).as("batch reads for " + TASKS
                + " tasks")
                .isLessThan(TASKS);
    }
}
