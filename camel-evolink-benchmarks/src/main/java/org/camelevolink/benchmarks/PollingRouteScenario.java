package org.camelevolink.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;

import java.util.concurrent.ExecutorService;

/**
 * Baselines d1 and d2, and d1's saturation run: what a good Camel user writes by hand today. camel-http POSTs the
 * task from a SEDA consumer, then a {@code loopDoWhile} delays and GETs the task until it is done. Camel's
 * {@code delay} is asynchronous: the GET after it runs, blocking, on the Delay step's scheduled pool, so that pool is
 * what carries the reads and is sized for N (d1, d2); d1's saturation run keeps Camel's default pool of 10 threads,
 * the sizing the first version of this page used. d2 also waits 0.75 x {@code estimated_time} (from the create
 * answer) before its first read, as the component does.
 */
final class PollingRouteScenario extends CamelScenario {

    /** d1, d1 at Camel's default Delay pool, d2. */
    enum Tuning { FIXED_DELAY, FIXED_DELAY_DEFAULT_POOL, FIRST_READ_AT_ESTIMATE }

    /** Threads a blocking read occupies per read, in milliseconds: what the delay pool is sized by. */
    static final double READ_MILLIS = 2.0;
    static final int MIN_POOL = 10;
    static final int MAX_POOL = 500;

    private final Tuning tuning;
    private int poolThreads;

    PollingRouteScenario(Tuning tuning) {
        this.tuning = tuning;
    }

    @Override
    public String id() {
        return switch (tuning) {
            case FIXED_DELAY -> "d1";
            case FIXED_DELAY_DEFAULT_POOL -> "d1-sat";
            case FIRST_READ_AT_ESTIMATE -> "d2";
        };
    }

    @Override
    public String title() {
        return switch (tuning) {
            case FIXED_DELAY -> "baseline: camel-http POST + loopDoWhile(delay 3 s, GET), delay pool sized for N";
            case FIXED_DELAY_DEFAULT_POOL -> "saturation run: d1 with Camel's default Delay pool (10 threads)";
            case FIRST_READ_AT_ESTIMATE -> "baseline: d1 with its first read at 0.75 × estimated_time";
        };
    }

    @Override
    public Role role() {
        return tuning == Tuning.FIXED_DELAY_DEFAULT_POOL ? Role.SATURATION : Role.BASELINE;
    }

    /** The saturation run is made once, at the largest N, where it shows what an undersized pool does. */
    @Override
    public boolean runsAt(int n, int largestN) {
        return tuning != Tuning.FIXED_DELAY_DEFAULT_POOL || n == largestN;
    }

    @Override
    public long readsAsked(LoadShape load) {
        double poll = load.settings().handPollMillis();
        double first = tuning == Tuning.FIRST_READ_AT_ESTIMATE ? 0.75 * load.settings().estimatedMillis() : poll;
        long asked = 0;
        for (int i = 0; i < load.size(); i++) {
            asked += 1 + (long) Math.ceil(Math.max(0, load.durationMillis(i) - first) / poll);
        }
        return asked;
    }

    /** Enough threads for every read the cadence asks at N, if each held its thread {@link #READ_MILLIS}. */
    static int poolFor(int n, long pollMillis) {
        return (int) Math.max(MIN_POOL, Math.min(MAX_POOL, Math.ceil(n * READ_MILLIS / pollMillis)));
    }

    @Override
    protected void configure(CamelContext camel) {
        poolThreads = tuning == Tuning.FIXED_DELAY_DEFAULT_POOL ? MIN_POOL
                : poolFor(env.load().size(), env.settings().handPollMillis());
        httpConnections(camel, poolThreads + env.settings().handThreads());
    }

    @Override
    protected RouteBuilder routes() {
        String base = env.sim().baseUrl();
        BenchSettings s = env.settings();
        TaskLedger ledger = env.ledger();
        return new RouteBuilder() {
            @Override
            public void configure() {
                ExecutorService reads = tuning == Tuning.FIXED_DELAY_DEFAULT_POOL ? null
                        : getContext().getExecutorServiceManager().newScheduledThreadPool(this, "TaskReads",
                                poolThreads);
                from("direct:task").to("seda:images?size=200000");

                ProcessorDefinition<?> route = from("seda:images?concurrentConsumers=" + env.settings().handThreads()
                        + "&size=200000")
                        .setHeader("Authorization", constant("Bearer " + BenchSettings.API_KEY))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setBody(simple("{\"model\":\"" + s.model() + "\",\"prompt\":\"${body}\"}"))
                        .to(base + "/v1/images/generations")
                        .setProperty("taskId", jsonpath("$.id", String.class))
                        .setProperty("status", jsonpath("$.status", String.class));
                if (tuning == Tuning.FIRST_READ_AT_ESTIMATE) {
                    // estimated_time is in seconds: wait three quarters of it, then read as d1 does
                    route = route.setProperty("estimated", jsonpath("$.task_info.estimated_time", Double.class))
                            .process(e -> e.setProperty("firstRead",
                                    Math.round(e.getProperty("estimated", Double.class) * 750)))
                            .delay(exchangeProperty("firstRead")).executorService(reads).end()
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setBody(constant(null))
                            .toD(base + "/v1/tasks/${exchangeProperty.taskId}")
                            .setProperty("status", jsonpath("$.status", String.class));
                }
                var delay = route.loopDoWhile(simple("${exchangeProperty.status} != 'completed'"
                                + " && ${exchangeProperty.status} != 'failed'"))
                        .delay(s.handPollMillis());
                if (reads != null) {
                    delay.executorService(reads);
                }
                delay.end() // delay() takes children too: end it, or the rest nests in it
                        .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                        .setBody(constant(null))
                        .toD(base + "/v1/tasks/${exchangeProperty.taskId}")
                        .setProperty("status", jsonpath("$.status", String.class))
                        .end()
                        .process(e -> ledger.detected(e.getProperty("taskId", String.class)));
            }
        };
    }
}
