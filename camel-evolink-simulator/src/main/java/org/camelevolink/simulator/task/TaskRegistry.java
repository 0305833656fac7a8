package org.camelevolink.simulator.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** All tasks by id, and each API key's tasks newest first. */
public final class TaskRegistry {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    private final Random random;
    private final AtomicLong sequence = new AtomicLong();

    public TaskRegistry(long seed) {
        this.random = new Random(seed);
    }

    /** A fresh id of the documented form {@code task-unified-<unix seconds>-<8 chars>}. */
    String newId(long nowMillis) {
        while (true) {
            StringBuilder id = new StringBuilder("task-unified-").append(nowMillis / 1000).append('-');
            synchronized (random) {
                for (int i = 0; i < 8; i++) {
                    id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            if (!tasks.containsKey(id.toString())) {
                return id.toString();
            }
        }
    }

    void add(SimTask task) {
        task.sequence(sequence.incrementAndGet());
        tasks.put(task.id(), task);
    }

    public SimTask find(String id) {
        return tasks.get(id);
    }

    public Collection<SimTask> all() {
        return tasks.values();
    }

    public int size() {
        return tasks.size();
    }

    /** The key's tasks, newest first. */
    public List<SimTask> ofKey(String apiKey) {
        List<SimTask> out = new ArrayList<>();
        for (SimTask t : tasks.values()) {
            if (t.apiKey().equals(apiKey)) {
                out.add(t);
            }
        }
        // submits within one millisecond are still ordered as they arrived
        out.sort(Comparator.comparingLong(SimTask::createdMillis).thenComparingLong(SimTask::sequence).reversed());
        return out;
    }

    public void clear() {
        tasks.clear();
    }
}
