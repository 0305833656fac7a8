package org.camelevolink.component.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every logical request (one idempotency key) and everything that happened to it: how often it was sent, how often
 * the submitting exchange went on with a pending task (fire and forget), and every outcome, so that "exactly one"
 * can be checked rather than assumed.
 */
final class Ledger {

    static final class Entry {
        final AtomicInteger sends = new AtomicInteger();
        final AtomicInteger handedOver = new AtomicInteger();
        final List<Outcome> producerOutcomes = new CopyOnWriteArrayList<>();
        final List<Outcome> emissions = new CopyOnWriteArrayList<>();

        /** Everything that ended this request, producer ends first, in arrival order within each. */
        List<Outcome> all() {
            List<Outcome> out = new ArrayList<>(producerOutcomes);
            out.addAll(emissions);
            return out;
        }

        /** The last end: a delivery to the consumer if there is one, else the last send's own end. */
        Outcome last() {
            if (!emissions.isEmpty()) {
                return emissions.get(emissions.size() - 1);
            }
            return producerOutcomes.isEmpty() ? null : producerOutcomes.get(producerOutcomes.size() - 1);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Entry entry(String key) {
        return entries.computeIfAbsent(key, k -> new Entry());
    }

    Map<String, Entry> entries() {
        return entries;
    }
}
