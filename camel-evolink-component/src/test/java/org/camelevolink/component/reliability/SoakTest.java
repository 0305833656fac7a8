package org.camelevolink.component.reliability;

import org.awaitility.core.ConditionTimeoutException;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.fault.FaultPlan;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.task.SimTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * A seeded randomized run: {@code soak.tasks} logical requests (default 400; {@code -Dsoak.tasks=5000} for the
 * long run) spread over the three modes at once, on one simulator drawing about one fault per ten tasks from its
 * seed ({@code soak.seed}). The same invariants as the fault matrix: every request ends exactly once, no idempotency
 * key is charged twice, every paid task reaches its receiver, nothing is left in the stores, trackers or threads.
 * Its last line: {@code soak: <n> tasks, <n> faults injected, <n> outcomes, <n> duplicates, <n> lost}.
 */
class SoakTest {

    private static final int TASKS = Integer.getInteger("soak.tasks", 400);
    private static final long SEED = Long.getLong("soak.seed", 8L);
    /** Requests a mode has sent and not yet seen end, at most: a steady load rather than one burst. */
    private static final int IN_FLIGHT = 100;

    /** The run's simulator, handed to the test as a parameter. */
    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .allowInsecureCallbacks(true).imageBaseSize(32).seed(SEED).workerThreads(32)
            .defaultCredits(10.0 * TASKS * 10));

    @Test
    void aSeededRandomRunEndsEveryRequestOncePaysOnceAndLeavesNothing(EvolinkSimulator sim) throws Exception {
        long started = System.nanoTime();
        Rig.warmUp(sim);
        sim.reset();
        Set<Thread> threadsBefore = Threads.live();
        Map<Mode, Rig> rigs = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            // long enough that only a task that never finishes reaches it, even through a stall of a loaded
            // machine (a 5,000 run with 8 s saw 7 finished tasks time out in one stalled window)
            rigs.put(mode, new Rig(sim, Rig.Settings.of(mode).maxWaitTime(20_000)));
        }
        randomFaults(sim.faults());
        send(rigs, new Random(SEED));
        List<String> lost = awaitEnds(rigs, Duration.ofSeconds(60 + TASKS / 20));
        Map<FaultKind, Integer> injected = sim.faults().injectedCounts();
        int faults = sim.faults().injectedTotal();
        sim.faults().clear();
        int redelivered = redeliverAmbiguousSubmits(rigs);
        lost = awaitEnds(rigs, Duration.ofSeconds(30));
        Thread.sleep(300); // room for a late callback or a wrong second delivery to show

        List<String> duplicates = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        Map<String, Integer> ends = new TreeMap<>();
        int outcomes = 0;
        for (Rig rig : rigs.values()) {
            duplicates.addAll(Invariants.duplicates(rig));
            untyped.addAll(Invariants.untyped(rig));
            for (Ledger.Entry e : rig.ledger().entries().values()) {
                Outcome last = e.last();
                if (last != null && Invariants.ended(rig.settings().mode(), e)) {
                    outcomes++;
                    ends.merge(rig.settings().mode() + " " + last.kind()
                            + (last.code() == null ? "" : " " + last.code()), 1, Integer::sum);
                }
            }
        }
        List<String> unexpectedTimeouts = unexpectedTimeouts(rigs, sim);
        List<String> errorEnds = errorEnds(rigs);
        Map<String, Long> chargedTwice = Invariants.chargedTwice(sim);
        Set<String> notReceived = new java.util.HashSet<>(Invariants.paidTasks(sim));
        rigs.values().forEach(rig -> notReceived.retainAll(Invariants.paidButNotReceived(sim, rig)));
        long paid = Invariants.paidTasks(sim).size();
        for (Rig rig : rigs.values()) {
            Invariants.assertNothingLeftBehind(rig);
            rig.close();
        }
        List<String> threadsLeft = Threads.leftAfterWaiting(threadsBefore);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        System.out.printf("soak details: seed %d, %d s, %d paid tasks, %d redelivered after an ambiguous submit "
                + "error, faults %s, ends %s%n", SEED, seconds, paid, redelivered, nonZero(injected), ends);
        System.out.printf("soak: %d tasks, %d faults injected, %d outcomes, %d duplicates, %d lost%n", TASKS,
                faults, outcomes, duplicates.size(), lost.size());

        assertThat(lost).as("requests that never ended").isEmpty();
        assertThat(duplicates).as("requests that ended twice").isEmpty();
        assertThat(untyped).as("ends that are not Evolink types").isEmpty();
        assertThat(outcomes).isEqualTo(TASKS);
        assertThat(faults).as("faults injected").isGreaterThan(TASKS / 20);
        assertThat(chargedTwice).as("idempotency keys charged twice").isEmpty();
        assertThat(notReceived).as("paid tasks no receiver got").isEmpty();
        assertThat(unexpectedTimeouts).as("timeouts of tasks that did finish").isEmpty();
        assertThat(errorEnds).as("requests that ended in an error even after a redelivery").isEmpty();
        assertThat(threadsLeft).as("threads left behind").isEmpty();
    }

    /** About one fault per ten tasks: task faults drawn at each submit, transport faults on submits and reads. */
    private static void randomFaults(FaultPlan plan) {
        plan.random(null, Fault.failTask("content_policy_violation"), 0.01)
                .random(null, Fault.failTask("generation_timeout"), 0.01)
                .random(null, Fault.failTask("service_error"), 0.005)
                .random(null, Fault.moderated(2), 0.01)
                .random(null, Fault.of(FaultKind.NEVER_FINISH), 0.003)
                .random(null, Fault.of(FaultKind.CALLBACK_DUPLICATE), 0.01)
                .random(null, Fault.lateCallback(300), 0.01)
                .random(null, Fault.of(FaultKind.CALLBACK_LOST), 0.01);
        for (Endpoint endpoint : List.of(Endpoint.CREATE, Endpoint.TASK_BATCH)) {
            plan.random(endpoint, Fault.of(FaultKind.HTTP_502), 0.005)
                    .random(endpoint, Fault.of(FaultKind.HTTP_503), 0.004)
                    .random(endpoint, Fault.of(FaultKind.RESET_BEFORE), 0.003)
                    .random(endpoint, Fault.of(FaultKind.RESET_AFTER), 0.005)
                    .random(endpoint, Fault.slow(FaultCase.SLOW_MILLIS), 0.002)
                    .random(endpoint, Fault.rateLimit(1), 0.002)
                    .random(endpoint, Fault.of(FaultKind.HTTP_500), 0.002)
                    .random(endpoint, Fault.of(FaultKind.MALFORMED_JSON), 0.002)
                    .random(endpoint, Fault.of(FaultKind.TRUNCATED_JSON), 0.002);
        }
    }

    /** Sends every request to a mode drawn from the seed, keeping at most IN_FLIGHT open per mode. */
    private static void send(Map<Mode, Rig> rigs, Random random) {
        Mode[] modes = Mode.values();
        for (int i = 0; i < TASKS; i++) {
            Rig rig = rigs.get(modes[random.nextInt(modes.length)]);
            waitingFor("room to send").atMost(Duration.ofSeconds(60))
                    .until(() -> Invariants.open(rig).size(), open -> open < IN_FLIGHT);
            String key = String.format("soak-%05d-%s", i, rig.settings().mode());
            rig.send(key, "a lighthouse number " + i);
        }
    }

    /** Waits for every request to end, up to {@code limit}; returns those that did not. */
    private static List<String> awaitEnds(Map<Mode, Rig> rigs, Duration limit) {
        try {
            return waitingFor("every request to end").atMost(limit).pollInterval(Duration.ofMillis(20))
                    .until(() -> open(rigs), List::isEmpty);
        } catch (ConditionTimeoutException e) {
            return open(rigs);
        }
    }

    private static List<String> open(Map<Mode, Rig> rigs) {
        return rigs.values().stream().flatMap(rig -> Invariants.open(rig).stream()).toList();
    }

    /**
     * A submit that failed without a usable answer (a 500 or a garbled one) may have created the task: as a source
     * would, the same message is sent once more, and must find that task rather than pay again.
     */
    private static int redeliverAmbiguousSubmits(Map<Mode, Rig> rigs) {
        int count = 0;
        for (Rig rig : rigs.values()) {
            for (Map.Entry<String, Ledger.Entry> e : rig.ledger().entries().entrySet()) {
                Outcome last = e.getValue().last();
                if (last != null && last.producer() && last.kind() == Outcome.Kind.ERROR) {
                    rig.send(e.getKey(), "a lighthouse number " + Integer.parseInt(e.getKey().substring(5, 10)));
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Requests whose last end is an error rather than a task: none may be, since every fault is either retried,
     * outlived by the wait, or (an ambiguous submit) followed by a redelivery without faults.
     */
    private static List<String> errorEnds(Map<Mode, Rig> rigs) {
        List<String> out = new ArrayList<>();
        rigs.values().forEach(rig -> rig.ledger().entries().forEach((key, e) -> {
            Outcome last = e.last();
            if (last == null || last.kind() == Outcome.Kind.ERROR || last.kind() == Outcome.Kind.UNTYPED) {
                out.add(key + " " + e.all());
            }
        }));
        return out;
    }

    /** Requests that ended in a timeout although their task was not one that never finishes. */
    private static List<String> unexpectedTimeouts(Map<Mode, Rig> rigs, EvolinkSimulator sim) {
        List<String> out = new ArrayList<>();
        rigs.values().forEach(rig -> rig.ledger().entries().forEach((key, e) -> e.all().stream()
                .filter(o -> o.kind() == Outcome.Kind.TIMEOUT).forEach(o -> {
                    SimTask task = o.taskId() == null ? null : sim.task(o.taskId());
                    if (task == null || !task.has(FaultKind.NEVER_FINISH)) {
                        out.add(key + " " + o);
                    }
                })));
        return out;
    }

    private static Map<FaultKind, Integer> nonZero(Map<FaultKind, Integer> counts) {
        Map<FaultKind, Integer> out = new EnumMap<>(FaultKind.class);
        counts.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
