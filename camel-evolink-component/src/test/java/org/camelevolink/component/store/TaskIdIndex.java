package org.camelevolink.component.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test's task store: {@code store}, which it delegates every call to, plus a lookup by task id, which tests need
 * (they know a task by the id a route returned) and the component never does, so the SPI has none.
 */
public final class TaskIdIndex implements TaskStore {

    private final TaskStore store;
    private final Map<String, String> keyByTaskId = new ConcurrentHashMap<>();

    public TaskIdIndex(TaskStore store) {
        this.store = store;
    }

    /** The record of task {@code taskId}, as the store holds it now. */
    public Optional<TaskRecord> findByTaskId(String taskId) {
        String key = keyByTaskId.get(taskId);
        return key == null ? Optional.empty() : store.find(key);
    }

    @Override
    public void start() {
        store.start();
    }

    @Override
    public void stop() {
        store.stop();
    }

    @Override
    public void save(TaskRecord record) {
        store.save(record);
        if (record.taskId() != null) {
            keyByTaskId.put(record.taskId(), record.idempotencyKey());
        }
    }

    @Override
    public Optional<TaskRecord> find(String idempotencyKey) {
        return store.find(idempotencyKey);
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        return store.findByCallbackToken(callbackToken);
    }

    @Override
    public List<TaskRecord> undelivered() {
        return store.undelivered();
    }

    @Override
    public int purgeDelivered(long updatedBefore) {
        return store.purgeDelivered(updatedBefore);
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public double creditsReservedSince(long submittedSince) {
        return store.creditsReservedSince(submittedSince);
    }

    @Override
    public boolean claim(String idempotencyKey, String owner, long leaseUntil) {
        return store.claim(idempotencyKey, owner, leaseUntil);
    }

    @Override
    public Map<TaskState, Integer> countsByState() {
        return store.countsByState();
    }
}
