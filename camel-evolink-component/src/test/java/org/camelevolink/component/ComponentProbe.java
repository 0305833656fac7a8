package org.camelevolink.component;

import org.camelevolink.component.store.TaskRecord;

import java.util.List;

/**
 * What the reliability tests (another package) may see of a component's insides: the records not yet delivered
 * and the tasks still being waited for, to prove that a run leaves nothing behind.
 */
public final class ComponentProbe {

    private final EvolinkComponent component;

    public ComponentProbe(EvolinkComponent component) {
        this.component = component;
    }

    public List<TaskRecord> undelivered() {
        return component.store().undelivered();
    }

    public int storeSize() {
        return component.store().size();
    }

    /** Tasks the shared tracker reads (waiting producers and consumers alike). */
    public int trackerWaiting() {
        return component.tracker().waiting();
    }

    /** Tasks waited for on behalf of consumers. */
    public int dispatcherWaiting() {
        return component.dispatcher().waitingCount();
    }
}
