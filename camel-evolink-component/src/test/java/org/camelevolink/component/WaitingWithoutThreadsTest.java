package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many exchanges wait at once: no thread per task, status read in batches, every exchange ends once. */
class WaitingWithoutThreadsTest extends ProducerTestSupport {

    private static final int TASKS = 500;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:many").to("evolink:mj-v7");
                from("direct:bounded").to("evolink:mj-v7?maxWaitTime=300");
            }
        };
    }

    @Test
    void manyTasksWaitOnFewThreadsWithBatchReads() throws Exception {
        SIM.simulator().faults().clear();
        template.requestBody("direct:many", "warm up");
        long threadsBefore = componentThreads();
        long batchBefore = SIM.simulator().journal(Endpoint.TASK_BATCH).size();
        long singleBefore = SIM.simulator().journal(Endpoint.TASK_GET).size();
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            int n = i;
            pending.add(template.asyncSend("direct:many", e -> e.getMessage().setBody("task " + n)));
        }
        long threadsWhileWaiting = componentThreads();
        for (CompletableFuture<Exchange> f : pending) {
            Exchange e = f.get(60, TimeUnit.SECONDS);
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getBody(EvolinkTask.class).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        }
        assertThat(threadsWhileWaiting - threadsBefore).as("threads added while %d tasks wait", TASKS)
                .isLessThanOrEqualTo(2);
        long batches = SIM.simulator().journal(Endpoint.TASK_BATCH).size() - batchBefore;
        assertThat(SIM.simulator().journal(Endpoint.TASK_GET).size() - singleBefore).isZero();
        // the first read is timed by estimated_time: most tasks need one; reads due together share a batch
        assertThat(batches).as("status reads for %d tasks", TASKS).isLessThanOrEqualTo(3L * TASKS);
        assertThat(SIM.simulator().journal().chargedSubmits()).isGreaterThanOrEqualTo(TASKS + 1);
    }

    /** Live threads that are not the simulator's (same JVM) nor the test's async template pool. */
    static long componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> !n.startsWith("evolink-sim-") && !n.contains("ProducerTemplate"))
                .count();
    }

    @Test
    void aTaskThatNeverEndsGivesATimeoutNamingIt() {
        SIM.simulator().faults().script(null, Fault.of(FaultKind.NEVER_FINISH), 1);
        Exchange out = template.request("direct:bounded", e -> e.getMessage().setBody("stuck"));
        assertThat(out.getException()).isInstanceOf(EvolinkTimeoutException.class);
        EvolinkTimeoutException e = (EvolinkTimeoutException) out.getException();
        assertThat(e.getTaskId()).startsWith("task-unified-");
        assertThat(e.getLastStatus()).isEqualTo("processing");
        assertThat(SIM.simulator().task(e.getTaskId())).isNotNull();
    }

    @Test
    void transientReadErrorsDoNotEndTheWait() {
        SIM.simulator().faults().script(Endpoint.TASK_BATCH, Fault.of(FaultKind.HTTP_503), 6);
        Exchange out = template.request("direct:many", e -> e.getMessage().setBody("flaky reads"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(EvolinkTask.class).getStatus()).isEqualTo(TaskStatus.COMPLETED);
    }
}
