package org.camelevolink.component;

import org.camelevolink.component.catalog.ModelCatalog;
import org.camelevolink.component.tracking.AsyncTaskStore;
import org.camelevolink.component.tracking.OutageWatch;
import org.camelevolink.component.tracking.TaskDispatcher;
import org.camelevolink.component.tracking.TaskSubmitter;
import org.camelevolink.component.tracking.TaskWaiter;

import java.util.concurrent.Executor;

/**
 * What a started component gives its producers and consumers: the task layer's services and the glue they share.
 * Handed over once when a producer or consumer starts, so that neither reaches into the component afterwards.
 *
 * @param catalog          the model catalog
 * @param clients          the EvoLink clients, one per distinct connection setting
 * @param submitter        submits a task at most once per idempotency key
 * @param waiter           waits for a task whose exchange waits
 * @param dispatcher       waits for handed-over tasks and delivers them to consumers
 * @param callbackReceiver receives EvoLink's callbacks
 * @param outages          whether EvoLink answers the reads of waiting tasks
 * @param store            the task store, for health checks (whether it fails)
 * @param workers          where exchanges continue once their task has ended (never an I/O thread)
 */
record EvolinkServices(ModelCatalog catalog, EvolinkClients clients, TaskSubmitter submitter, TaskWaiter waiter,
        TaskDispatcher dispatcher, CallbackReceiver callbackReceiver, OutageWatch outages, AsyncTaskStore store, Executor workers) {
}
