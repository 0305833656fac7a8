package org.camelevolink.component.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test's task store that hands every call of the SPI to {@code store}: the base of the test stores that watch,
 * slow down or index some calls, so that each of them says only what it changes.
 */
public abstract class ForwardingTaskStore implements TaskStore {

    protected final TaskStore store;

    protected ForwardingTaskStore(TaskStore store) {
        this.store = store;
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
    public Map<TaskState, Integer> countsByState() {
        return store.countsByState();
    }

    @Override
    public double creditsReservedSince(long submittedSince) {
        return store.creditsReservedSince(submittedSince);
    }

    @Override
    public Optional<TaskRecord> create(TaskRecord record, String owner, long leaseUntil) {
        return store.create(record, owner, leaseUntil);
    }

    @Override
    public boolean isShared() {
        return store.isShared();
    }

    @Override
    public boolean claim(String idempotencyKey, String owner, long leaseUntil) {
        return store.claim(idempotencyKey, owner, leaseUntil);
    }

    @Override
    public List<TaskRecord> claimUnheld(String owner, Set<String> models, long now, long leaseUntil, int limit) {
        return store.claimUnheld(owner, models, now, leaseUntil, limit);
    }

    @Override
    public LeaseRenewal renew(String owner, Collection<String> idempotencyKeys, long leaseUntil) {
        return store.renew(owner, idempotencyKeys, leaseUntil);
    }

    @Override
    public void release(String owner, Collection<String> idempotencyKeys) {
        store.release(owner, idempotencyKeys);
    }

    @Override
    public void requestRead(String idempotencyKey) {
        store.requestRead(idempotencyKey);
    }
}
