package org.camelevolink.component.reliability;

import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.simulator.EvolinkSimulator;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/** What must hold after any run, whatever the faults: each request ended once, paid at most once, nothing left. */
final class Invariants {

    /** How long a run's requests may take to end; it only keeps a broken run from hanging the build. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private Invariants() {
    }

    /**
     * Whether every send of {@code e} has ended: a waiting exchange with its own outcome; a fire-and-forget one
     * with an error or by handing over, and then its task with a delivery.
     */
    static boolean ended(Mode mode, Ledger.Entry e) {
        int sends = e.sends.get();
        if (mode == Mode.WAIT) {
            return e.producerOutcomes.size() >= sends;
        }
        boolean handedOver = e.handedOver.get() > 0;
        return e.producerOutcomes.size() + e.handedOver.get() >= sends && (!handedOver || !e.emissions.isEmpty());
    }

    /** The requests that have not ended yet. */
    static List<String> open(Rig rig) {
        return rig.ledger().entries().entrySet().stream().filter(e -> !ended(rig.settings().mode(), e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    static void awaitEnds(Rig rig, Duration limit) {
        waitingFor("every request to end").atMost(limit).until(() -> open(rig), List::isEmpty);
    }

    /**
     * Requests that ended more often than they were sent (WAIT), or whose task was delivered more than once, or
     * with a send that both failed and was handed over.
     */
    static List<String> duplicates(Rig rig) {
        List<String> out = new ArrayList<>();
        rig.ledger().entries().forEach((key, e) -> {
            int sends = e.sends.get();
            boolean twice = rig.settings().mode() == Mode.WAIT ? e.producerOutcomes.size() > sends
                    : e.producerOutcomes.size() + e.handedOver.get() > sends || e.emissions.size() > 1
                    || e.handedOver.get() == 0 && !e.emissions.isEmpty();
            if (twice || !e.emissions.isEmpty() && rig.settings().mode() == Mode.WAIT) {
                out.add(key + " " + e.all());
            }
        });
        return out;
    }

    /** Every end is a completed task or a typed Evolink error; never a foreign exception. */
    static List<String> untyped(Rig rig) {
        List<String> out = new ArrayList<>();
        rig.ledger().entries().forEach((key, e) -> e.all().stream().filter(o -> o.kind() == Outcome.Kind.UNTYPED)
                .forEach(o -> out.add(key + " " + o)));
        return out;
    }

    /** Idempotency keys EvoLink charged more than once. */
    static Map<String, Long> chargedTwice(EvolinkSimulator sim) {
        return sim.journal(Endpoint.CREATE).stream().filter(JournalEntry::isCharged)
                .collect(Collectors.groupingBy(e -> String.valueOf(e.idempotencyKey()), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Tasks EvoLink charged for. */
    static Set<String> paidTasks(EvolinkSimulator sim) {
        return sim.journal(Endpoint.CREATE).stream().filter(JournalEntry::isCharged).map(JournalEntry::taskId)
                .collect(Collectors.toSet());
    }

    /** Paid tasks whose outcome reached no receiver. */
    static Set<String> paidButNotReceived(EvolinkSimulator sim, Rig rig) {
        Set<String> received = rig.ledger().entries().values().stream().flatMap(e -> e.all().stream())
                .map(Outcome::taskId).filter(id -> id != null).collect(Collectors.toSet());
        Set<String> paid = new java.util.HashSet<>(paidTasks(sim));
        paid.removeAll(received);
        return paid;
    }

    static void assertNothingLeftBehind(Rig rig) {
        waitingFor("the store to hold no undelivered record and the tracker no task").atMost(Duration.ofSeconds(10))
                .until(() -> leftBehind(rig), String::isEmpty);
        assertThat(rig.probe().undelivered()).isEmpty();
    }

    /** Empty when nothing is left; else the undelivered records and what the tracker and dispatcher still wait on. */
    private static String leftBehind(Rig rig) {
        List<TaskRecord> undelivered = rig.probe().undelivered();
        int tracker = rig.probe().trackerWaiting();
        int dispatcher = rig.probe().dispatcherWaiting();
        return undelivered.isEmpty() && tracker == 0 && dispatcher == 0 ? ""
                : undelivered.stream().map(TaskRecord::toString).toList() + ", tracker " + tracker + ", dispatcher "
                        + dispatcher;
    }
}
