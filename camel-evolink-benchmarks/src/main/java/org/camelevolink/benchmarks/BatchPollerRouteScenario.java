package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Baseline d3, a hand-written batch poller: SEDA consumers POST each task and note when it is first due (0.75 x
 * {@code estimated_time} after its answer); a timer every second (scaled) takes the due ids in lists of 50, POSTs each list to {@code /v1/tasks/batch} (in parallel) and splits out the finished tasks; a task still
 * running is due again 3 s (scaled) later. What an expert who knows the batch endpoint writes without the component.
 */
final class BatchPollerRouteScenario extends CamelScenario {

    private static final int SPLIT_THREADS = 10;
    private static final int BATCH = 50;

    /** Task id to when it is next due, epoch milliseconds. */
    private final Map<String, Long> due = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "d3";
    }

    @Override
    public String title() {
        return "baseline: hand-written batch poller (timer, split due ids by 50, POST /v1/tasks/batch)";
    }

    @Override
    public Role role() {
        return Role.BASELINE;
    }

    @Override
    protected void configure(CamelContext camel) {
        httpConnections(camel, env.settings().handThreads() + SPLIT_THREADS);
    }

    /**
     * The due ids in lists of at most 50, each due again one poll later (a finished one is removed when its answer
     * is read).
     */
    public List<List<String>> takeDue() {
        long now = System.currentTimeMillis();
        long again = now + env.settings().handPollMillis();
        List<String> ids = due.entrySet().stream().filter(e -> e.getValue() <= now)
                .peek(e -> e.setValue(again)).map(Map.Entry::getKey).collect(Collectors.toList());
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return batches;
    }

    @Override
    protected RouteBuilder routes() {
        String base = env.sim().baseUrl();
        BenchSettings s = env.settings();
        TaskLedger ledger = env.ledger();
        long tick = s.minPollMillis();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:task").to("seda:images?size=200000");

                from("seda:images?concurrentConsumers=" + env.settings().handThreads() + "&size=200000")
                        .setHeader("Authorization", constant("Bearer " + BenchSettings.API_KEY))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setBody(simple("{\"model\":\"" + s.model() + "\",\"prompt\":\"${body}\"}"))
                        .to(base + "/v1/images/generations")
                        .setProperty("taskId", jsonpath("$.id", String.class))
                        .setProperty("estimated", jsonpath("$.task_info.estimated_time", Double.class))
                        .process(e -> due.put(e.getProperty("taskId", String.class), System.currentTimeMillis()
                                + Math.round(e.getProperty("estimated", Double.class) * 750)));

                from("timer:batch-poll?period=" + tick)
                        .setBody(method(BatchPollerRouteScenario.this, "takeDue"))
                        .split(body()).parallelProcessing()
                            .executorService(getContext().getExecutorServiceManager()
                                    .newFixedThreadPool(this, "BatchReads", SPLIT_THREADS))
                            .setHeader("Authorization", constant("Bearer " + BenchSettings.API_KEY))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .transform().body(List.class, ids -> "{\"task_ids\":[\""
                                    + String.join("\",\"", (List<String>) ids) + "\"]}")
                            .to(base + "/v1/tasks/batch")
                            .split(jsonpath("$.data[?(@.status == 'completed' || @.status == 'failed')].id"))
                                .process(e -> {
                                    String id = e.getMessage().getBody(String.class);
                                    if (due.remove(id) != null) {
                                        ledger.detected(id);
                                    }
                                })
                            .end()
                        .end();
            }
        };
    }
}
