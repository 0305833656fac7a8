package org.camelevolink.simulator.journal;

import org.camelevolink.simulator.http.Endpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Every request received, in order, bounded so a long load run cannot exhaust memory. */
public final class Journal {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final int capacity;
    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong size = new AtomicLong();

    public Journal(int capacity) {
        this.capacity = capacity;
    }

    public JournalEntry record(long nowMillis, String method, String path, Endpoint endpoint,
            Map<String, List<String>> headers, byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX_BODY_CHARS), StandardCharsets.UTF_8);
        JournalEntry e = new JournalEntry(seq.incrementAndGet(), nowMillis, method, path, endpoint, headers, text);
        entries.addLast(e);
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

    public void clear() {
        entries.clear();
        size.set(0);
    }
}
