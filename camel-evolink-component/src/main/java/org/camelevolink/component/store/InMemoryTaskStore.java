package org.camelevolink.component.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TaskStore} in the heap: fast, and forgotten when the JVM ends. For tests, and for routes that wait for
 * their tasks and accept that a crash leaves submitted tasks to be found again by their idempotency key at EvoLink.
 */
public final class InMemoryTaskStore implements TaskStore {

    private final Map<String, TaskRecord> records = new ConcurrentHashMap<>();
    private final Map<String, String> keyByToken = new ConcurrentHashMap<>();

    @Override
    public void save(TaskRecord record) {
        records.put(record.idempotencyKey(), record);
        if (record.callbackToken() != null) {
            keyByToken.put(record.callbackToken(), record.idempotencyKey());
        }
    }

    @Override
    public Optional<TaskRecord> create(TaskRecord record, String owner, long leaseUntil) {
        TaskRecord known = records.putIfAbsent(record.idempotencyKey(), record);
        if (known == null && record.callbackToken() != null) {
            keyByToken.put(record.callbackToken(), record.idempotencyKey());
        }
        return Optional.ofNullable(known);
    }

    @Override
    public Optional<TaskRecord> find(String idempotencyKey) {
        return Optional.ofNullable(records.get(idempotencyKey));
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        return Optional.ofNullable(keyByToken.get(callbackToken)).map(records::get);
    }

    @Override
    public List<TaskRecord> undelivered() {
        return records.values().stream().filter(r -> r.state() != TaskState.DELIVERED).toList();
    }

    @Override
    public int purgeDelivered(long updatedBefore) {
        int removed = 0;
        for (TaskRecord r : List.copyOf(records.values())) {
            if (r.state() == TaskState.DELIVERED && r.updatedAt() < updatedBefore
                    && records.remove(r.idempotencyKey(), r)) {
                if (r.callbackToken() != null) {
                    keyByToken.remove(r.callbackToken(), r.idempotencyKey());
                }
                removed++;
            }
        }
        return removed;
    }

    @Override
    public double creditsReservedSince(long submittedSince) {
        return CreditSum.of(records.values(), submittedSince);
    }

    @Override
    public Map<TaskState, Integer> countsByState() {
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        for (TaskRecord r : records.values()) {
            counts.merge(r.state(), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public String toString() {
        return "InMemoryTaskStore[" + records.size() + " records]";
    }
}
