package org.camelevolink.benchmarks;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.Journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Scenario s: how fast one route submits. (1) Throughput: {@code submits} paid submits through
 * {@code direct:submit → evolink:<model>?waitForCompletion=false} from 1, 8 and 32 callers, with the file store and
 * the in-memory store, against the JDK HttpClient POSTing the same bodies, every cell repeated in shuffled order
 * after a warm-up. (2) Rate limit: {@code rateLimitedTasks} submits from {@link #RATE_LIMIT_CALLERS} callers against
 * a simulator that answers 429 with {@code Retry-After} past {@link #LIMIT_PER_SECOND}, with the component's default
 * {@code maxSubmitRetries} and with {@link #RAISED_RETRIES}.
 */
final class SubmitThroughput {

    static final int[] CALLERS = {1, 8, 32};
    static final double LIMIT_PER_SECOND = 50;
    static final int BURST = 20;
    static final int RATE_LIMIT_CALLERS = 32;
    /** What a user raising the retries for a bulk load might pick. */
    static final int RAISED_RETRIES = 10;
    /** The component's default, as its option table gives it. */
    static final int DEFAULT_RETRIES = 2;
    /**
     * The submit simulators' time scale: a 45 s task runs 15 minutes, so the component's first read (at three
     * quarters of {@code estimated_time}) falls after every run and no read shares the rate limit with the submits.
     * The rate limiter counts real seconds whatever the scale.
     */
    static final double TIME_SCALE = 20;
    static final int MAX_SUBMITS = 10_000;
    static final int WARM_UP_SUBMITS = 500;

    private enum Kind { FILE_STORE, IN_MEMORY, BARE_HTTP }

    private final BenchSettings settings;

    SubmitThroughput(BenchSettings settings) {
        this.settings = settings;
    }

    /** The submits of a throughput run for a run whose largest task count is {@code largestN}. */
    static int submitsFor(int largestN) {
        return Math.max(100, Math.min(MAX_SUBMITS, largestN));
    }

    SubmitResults run(int submits, int rateLimitedTasks) throws Exception {
        List<SubmitResults.Throughput> throughput = throughput(submits);
        List<SubmitResults.RateLimited> limited = new ArrayList<>();
        for (int retries : new int[] {-1, RAISED_RETRIES}) {
            SubmitResults.RateLimited r = rateLimited(rateLimitedTasks, retries);
            System.out.println(r);
            limited.add(r);
        }
        return new SubmitResults(submits, TIME_SCALE, throughput, limited);
    }

    private List<SubmitResults.Throughput> throughput(int submits) throws Exception {
        List<SubmitResults.Throughput> runs = new ArrayList<>();
        try (EvolinkSimulator sim = EvolinkSimulator.start(simulator(0).build())) {
            for (Kind kind : Kind.values()) {
                sim.reset();
                try (Submitter s = submitter(kind, sim, -1)) {
                    SubmitLoad.run(s, Math.min(WARM_UP_SUBMITS, submits), 8, 0);
                }
            }
            List<int[]> cells = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                for (int callers : CALLERS) {
                    cells.add(new int[] {kind.ordinal(), callers});
                }
            }
            Random order = new Random(settings.seed());
            for (int rep = 1; rep <= settings.repetitions(); rep++) {
                Collections.shuffle(cells, order);
                for (int[] cell : cells) {
                    SubmitResults.Throughput r = throughput(sim, Kind.values()[cell[0]], cell[1], submits, rep);
                    System.out.println(r);
                    runs.add(r);
                }
            }
        }
        return runs;
    }

    private SubmitResults.Throughput throughput(EvolinkSimulator sim, Kind kind, int callers, int submits, int rep)
            throws Exception {
        sim.reset();
        try (Submitter s = submitter(kind, sim, -1)) {
            SubmitLoad load = SubmitLoad.run(s, submits, callers, 0);
            return new SubmitResults.Throughput(s.id(), callers, rep, submits, load.perSecond(), load.latencyMillis(0.5),
                    load.latencyMillis(0.95), load.latencyMillis(0.99), sim.journal().count(Endpoint.CREATE),
                    sim.tasks().size(), load.errorCount());
        }
    }

    /** {@code maxSubmitRetries} < 0: the component's default. */
    private SubmitResults.RateLimited rateLimited(int tasks, int maxSubmitRetries) throws Exception {
        int retries = maxSubmitRetries < 0 ? DEFAULT_RETRIES : maxSubmitRetries;
        // the journal keeps every submit of the run (at most 1 + retries per task): 429s and charges are counted there
        int capacity = tasks * (retries + 1) + 1_000;
        try (EvolinkSimulator sim = EvolinkSimulator.start(simulator(capacity)
                .rateLimit(LIMIT_PER_SECOND, BURST).build());
                Submitter route = new EvolinkSubmitRoute(sim, settings.model(), true, maxSubmitRetries)) {
            SubmitLoad load = SubmitLoad.run(route, tasks, RATE_LIMIT_CALLERS, 0);
            Journal journal = sim.journal();
            long posts = journal.count(Endpoint.CREATE);
            if (posts > capacity) {
                throw new IllegalStateException("the journal dropped submits: " + posts + " > " + capacity);
            }
            long limited = journal.entries(e -> e.endpoint() == Endpoint.CREATE && e.status() == 429).size();
            return new SubmitResults.RateLimited(retries, maxSubmitRetries < 0, tasks, RATE_LIMIT_CALLERS,
                    LIMIT_PER_SECOND, BURST, posts, limited, journal.chargedSubmits(), load.ids(), load.errors(),
                    journal.count(Endpoint.TASK_GET) + journal.count(Endpoint.TASK_BATCH), load.wallNanos() / 1e9,
                    load.latencyMillis(0.5), load.latencyMillis(0.99));
        }
    }

    private Submitter submitter(Kind kind, EvolinkSimulator sim, int maxSubmitRetries) throws Exception {
        return switch (kind) {
            case FILE_STORE -> new EvolinkSubmitRoute(sim, settings.model(), true, maxSubmitRetries);
            case IN_MEMORY -> new EvolinkSubmitRoute(sim, settings.model(), false, maxSubmitRetries);
            case BARE_HTTP -> new BareHttpSubmitter(sim, settings.model());
        };
    }

    private static SimulatorConfig.Builder simulator(int journalCapacity) {
        return SimulatorConfig.builder().timeScale(TIME_SCALE).apiKey(BenchSettings.API_KEY, 1e12)
                .imageBaseSize(64).journalCapacity(journalCapacity);
    }
}
