package org.camelevolink.simulator.fault;

import org.camelevolink.simulator.http.Endpoint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults to inject: scripted ("the next 2 reads answer 503") or by probability from the simulator's seed.
 * Task faults apply to submits ({@link Endpoint#CREATE}) whatever endpoint the rule names.
 */
public final class FaultPlan {

    /** A rule: which endpoint (null = any), which fault, how many times (-1 = unlimited), with what probability. */
    private static final class Rule {
        private final Endpoint endpoint;
        private final Fault fault;
        private final AtomicInteger remaining;
        private final double probability;

        private Rule(Endpoint endpoint, Fault fault, int times, double probability) {
            this.endpoint = endpoint;
            this.fault = fault;
            this.remaining = new AtomicInteger(times);
            this.probability = probability;
        }

        private boolean applies(Endpoint e, Random random) {
            Endpoint target = fault.kind().isTaskLevel() ? Endpoint.CREATE : endpoint;
            if (target != null && target != e) {
                return false;
            }
            if (probability < 1.0) {
                synchronized (random) {
                    if (random.nextDouble() >= probability) {
                        return false;
                    }
                }
            }
            return remaining.get() < 0 || remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<FaultKind, AtomicInteger> injected = new EnumMap<>(FaultKind.class);
    private final Random random;

    public FaultPlan(long seed) {
        this.random = new Random(seed);
        for (FaultKind k : FaultKind.values()) {
            injected.put(k, new AtomicInteger());
        }
    }

    /** The next {@code times} requests to {@code endpoint} (null = any) get {@code fault}. */
    public FaultPlan script(Endpoint endpoint, Fault fault, int times) {
        rules.add(new Rule(endpoint, fault, times, 1.0));
        return this;
    }

    /** Every request to {@code endpoint} (null = any) gets {@code fault} with {@code probability}, from the seed. */
    public FaultPlan random(Endpoint endpoint, Fault fault, double probability) {
        rules.add(new Rule(endpoint, fault, -1, probability));
        return this;
    }

    /** The transport fault for this request, if any. */
    public Fault nextTransportFault(Endpoint endpoint) {
        for (Rule r : rules) {
            if (!r.fault.kind().isTaskLevel() && r.applies(endpoint, random)) {
                injected.get(r.fault.kind()).incrementAndGet();
                return r.fault;
            }
        }
        return null;
    }

    /** The task faults for a task being created. */
    public List<Fault> nextTaskFaults() {
        List<Fault> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.fault.kind().isTaskLevel() && r.applies(Endpoint.CREATE, random)) {
                injected.get(r.fault.kind()).incrementAndGet();
                out.add(r.fault);
            }
        }
        return out;
    }

    /** How many faults of each kind were injected since the last reset. */
    public Map<FaultKind, Integer> injectedCounts() {
        Map<FaultKind, Integer> out = new EnumMap<>(FaultKind.class);
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int injectedTotal() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void clear() {
        rules.clear();
        injected.values().forEach(v -> v.set(0));
    }
}
