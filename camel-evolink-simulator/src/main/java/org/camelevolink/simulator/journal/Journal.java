package org.camelevolink.simulator.journal;

import org.camelevolink.simulator.http.Endpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Every request received, in order, bounded so a long load run cannot exhaust memory; and a count per endpoint of
 * every request since the last {@link #clear()}, which the bound does not cut.
 */
public final class Journal {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final int capacity;
    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong size = new AtomicLong();
    private final Map<Endpoint, LongAdder> received = new EnumMap<>(Endpoint.class);

    public Journal(int capacity) {
        this.capacity = capacity;
        for (Endpoint endpoint : Endpoint.values()) {
            received.put(endpoint, new LongAdder());
        }
    }

    public JournalEntry record(long nowMillis, String method, String path, Endpoint endpoint,
            Map<String, List<String>> headers, byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX_BODY_CHARS), StandardCharsets.UTF_8);
        JournalEntry e = new JournalEntry(seq.incrementAndGet(), nowMillis, method, path, endpoint, headers, text);
        entries.addLast(e);
        if (endpoint != null) {
            received.get(endpoint).increment();
        }
        if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
        return e;
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

    /** Requests to {@code endpoint} since the last clear, however many the bounded entries have dropped. */
    public long received(Endpoint endpoint) {
        return received.get(endpoint).sum();
    }

    public void clear() {
        entries.clear();
        received.values().forEach(LongAdder::reset);
        size.set(0);
    }
}
