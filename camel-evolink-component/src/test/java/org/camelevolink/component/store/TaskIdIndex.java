package org.camelevolink.component.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test's task store: {@code store}, which it delegates every call to, plus a lookup by task id, which tests need
 * (they know a task by the id a route returned) and the component never does, so the SPI has none.
 */
public final class TaskIdIndex extends ForwardingTaskStore {

    private final Map<String, String> keyByTaskId = new ConcurrentHashMap<>();

    public TaskIdIndex(TaskStore store) {
        super(store);
    }

    /** The record of task {@code taskId}, as the store holds it now. */
    public Optional<TaskRecord> findByTaskId(String taskId) {
        String key = keyByTaskId.get(taskId);
        return key == null ? Optional.empty() : store.find(key);
    }

    @Override
    public void save(TaskRecord record) {
        store.save(record);
        if (record.taskId() != null) {
            keyByTaskId.put(record.taskId(), record.idempotencyKey());
        }
    }
}
