package org.camelevolink.simulator.journal;

import org.camelevolink.simulator.http.Endpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every request received, in order, bounded so a long load run cannot exhaust memory; and how many each endpoint
 * received (and how many matched no route), counted whatever the bound, so a load run can count past it.
 */
public final class Journal {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final int capacity;
    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong size = new AtomicLong();
    private final Map<Endpoint, AtomicLong> counts = new EnumMap<>(Endpoint.class);
    private final AtomicLong unrouted = new AtomicLong();

    public Journal(int capacity) {
        this.capacity = capacity;
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new AtomicLong());
        }
    }

    public JournalEntry record(long nowMillis, String method, String path, Endpoint endpoint,
            Map<String, List<String>> headers, byte[] body) {
        counts.get(endpoint).incrementAndGet();
        if (capacity == 0) {
            return new JournalEntry(seq.incrementAndGet(), nowMillis, method, path, endpoint, headers, "");
        }
        String text = new String(body, 0, Math.min(body.length, MAX_BODY_CHARS), StandardCharsets.UTF_8);
        JournalEntry e = new JournalEntry(seq.incrementAndGet(), nowMillis, method, path, endpoint, headers, text);
        entries.addLast(e);
        if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
        return e;
    }

    /** A request that matched no route (answered 404 or 405): counted, not kept. */
    public void recordUnrouted() {
        unrouted.incrementAndGet();
    }

    /** Requests {@code endpoint} received since the last {@link #clear()}, however many the journal keeps. */
    public long count(Endpoint endpoint) {
        return counts.get(endpoint).get();
    }

    /** Requests that matched no route since the last {@link #clear()}. */
    public long unroutedCount() {
        return unrouted.get();
    }

    public List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** Submits that reserved credits: what a test asserts "paid exactly once" on. */
    public long chargedSubmits() {
        return entries.stream().filter(JournalEntry::isCharged).count();
    }

    public void clear() {
        entries.clear();
        size.set(0);
        counts.values().forEach(c -> c.set(0));
        unrouted.set(0);
    }
}
