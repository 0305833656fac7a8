package org.camelevolink.component.reliability;

import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.callback.CallbackAttempt;
import org.camelevolink.simulator.fault.FaultKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * Every fault the simulator can inject, in each of the three ways of getting an outcome: the logical request ends
 * exactly once (a completed exchange or delivery, or a typed Evolink error), EvoLink charges at most once per
 * idempotency key, the paid task reaches its receiver, and the application leaves no record, waiting task or thread
 * behind once it stops. Rows whose fault the client does not retry (a 500 or a garbled answer to a submit, a
 * resend's read or an upload) may end the first send in a typed error; the same message is then redelivered, as a
 * source would, and must end as the row says without paying again.
 * <p>
 * Each row has its own simulator and application, so the rows run 4 at a time (they mostly wait on backoffs), all
 * started before the first row's result is reported; each row's test reports that row's result.
 */
class FaultMatrixTest {

    private static final int ROWS_AT_ONCE = 4;

    private static Set<Thread> threadsBefore;
    private static ExecutorService rows;
    private static final Map<String, Future<?>> RUNS = new ConcurrentHashMap<>();

    /** Tasks of ~90 ms: short, but long enough for a resend to find one running. */
    private static EvolinkSimulator newSimulator() {
        return EvolinkSimulator.start(SimulatorConfig.builder().timeScale(0.002).allowInsecureCallbacks(true)
                .imageBaseSize(64).build());
    }

    static Stream<Arguments> matrix() {
        return FaultCase.all().stream().flatMap(row -> Stream.of(Mode.values()).map(mode -> Arguments.of(row, mode)));
    }

    @BeforeAll
    static void runEveryRow() throws Exception {
        try (EvolinkSimulator sim = newSimulator()) {
            // one run of each mode first, so that threads the JVM keeps once started are not counted as left behind
            Rig.warmUp(sim);
        }
        threadsBefore = Threads.live();
        AtomicInteger n = new AtomicInteger();
        rows = Executors.newFixedThreadPool(ROWS_AT_ONCE, r -> new Thread(r, "matrix-row-" + n.incrementAndGet()));
        matrix().forEach(args -> {
            FaultCase row = (FaultCase) args.get()[0];
            Mode mode = (Mode) args.get()[1];
            RUNS.put(row.name() + "/" + mode, rows.submit(() -> {
                check(row, mode);
                return null;
            }));
        });
    }

    /** The rows ran 4 at a time, so threads are counted once all have run and stopped. */
    @AfterAll
    static void noThreadIsLeftBehind() throws InterruptedException {
        rows.shutdownNow();
        assertThat(rows.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Threads.awaitNoneLeftSince(threadsBefore);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("matrix")
    void everyRequestEndsOncePaidOnceAndLeavesNothingBehind(FaultCase row, Mode mode) throws Throwable {
        try {
            RUNS.get(row.name() + "/" + mode).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void check(FaultCase row, Mode mode) throws Exception {
        String key = "matrix-" + row.name().replace(' ', '-') + "-" + mode;
        try (EvolinkSimulator sim = newSimulator();
                Rig rig = new Rig(sim, row.tune().apply(Rig.Settings.of(mode)))) {
            row.inject(sim, mode);
            Drives.drive(row.drive(), key, rig, sim);
            Invariants.awaitEnds(rig, Invariants.LIMIT);
            int injected = row.kind() == null ? 1 : sim.faults().injectedCounts().get(row.kind());
            sim.faults().clear();

            Outcome first = rig.ledger().entry(key).last();
            if (first.producer() && first.kind() == Outcome.Kind.ERROR && row.mayNeedRedelivery()) {
                rig.send(key, row.drive() == FaultCase.Drive.IMAGE_BODY ? Drives.png() : "a lighthouse for " + key);
                Invariants.awaitEnds(rig, Invariants.LIMIT);
            }
            awaitCallbacksOf(sim, row, mode);
            Thread.sleep(50); // room for a wrong second delivery to show

            Ledger.Entry entry = rig.ledger().entry(key);
            assertThat(injected).as("the fault was injected").isPositive();
            assertThat(Invariants.duplicates(rig)).as("requests that ended twice").isEmpty();
            assertThat(Invariants.untyped(rig)).as("ends that are not Evolink types").isEmpty();
            if (!row.mayNeedRedelivery()) {
                assertThat(entry.all()).as("a retried fault ends no send in an error")
                        .allMatch(o -> o.kind() == row.expected().kind());
            }
            Outcome last = entry.last();
            assertThat(last.kind()).as("how it ended: " + entry.all()).isEqualTo(row.expected().kind());
            if (row.expected().code() != null) {
                assertThat(last.code()).isEqualTo(row.expected().code());
            }
            if (row.expected().images() != null) {
                assertThat(last.images()).isEqualTo(row.expected().images());
            }
            assertThat(Invariants.chargedTwice(sim)).as("keys charged twice").isEmpty();
            assertThat(Invariants.paidTasks(sim)).as("paid tasks").hasSize(1);
            assertThat(Invariants.paidButNotReceived(sim, rig)).as("paid tasks no receiver got").isEmpty();
            Invariants.assertNothingLeftBehind(rig);
        }
    }

    /** With callbacks, waits for the duplicate or late callback itself, so that its arrival is part of the check. */
    private static void awaitCallbacksOf(EvolinkSimulator sim, FaultCase row, Mode mode) {
        if (mode != Mode.CALLBACK) {
            return;
        }
        long wanted = row.kind() == FaultKind.CALLBACK_DUPLICATE ? 2 : row.kind() == FaultKind.CALLBACK_LATE ? 1 : 0;
        waitingFor(wanted + " callback deliveries").atMost(Duration.ofSeconds(10)).until(() -> sim.callbackAttempts()
                .stream().filter(CallbackAttempt::succeeded).count() >= wanted);
    }
}
