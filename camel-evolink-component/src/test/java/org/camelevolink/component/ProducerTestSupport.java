package org.camelevolink.component;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.component.store.TaskIdIndex;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskState;
import org.camelevolink.component.store.TaskStore;
import org.camelevolink.simulator.SimulatorConfig;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.camelevolink.component.Waiting.waitingFor;

/** Routes under test talk to a real simulator over loopback; its time scale makes a 45 s task take ~20 ms. */
abstract class ProducerTestSupport extends CamelTestSupport {

    /** One simulator per test class, reset before each test. */
    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.0005)
            .allowInsecureCallbacks(true).imageBaseSize(128));

    /** The component's task store: in memory unless a test is about the persistent one. */
    private TaskIdIndex records;

    protected TaskStore taskStore() {
        return new InMemoryTaskStore();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        records = new TaskIdIndex(taskStore());
        context.addComponent("evolink", SIM.component(SimulatorConfig.DEFAULT_API_KEY, records));
        return context;
    }

    /** The component's task store, which also finds a record by its task id. */
    protected TaskIdIndex records() {
        return records;
    }

    /** Waits until the component's store says the task's outcome reached its receiver, and returns the record. */
    protected TaskRecord awaitDelivered(String taskId) {
        waitingFor("task " + taskId + " delivered").until(() -> records.findByTaskId(taskId)
                .map(r -> r.state() == TaskState.DELIVERED).orElse(false));
        return records.findByTaskId(taskId).orElseThrow();
    }
}
