package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.TaskStatus;
import org.camelevolink.component.store.InMemoryTaskStore;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.store.TaskStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that is slow, or stuck, never holds up anything but the tasks it is writing: no store call runs on the
 * HTTP client's I/O thread, the tracker's timer or a route thread, and other exchanges keep flowing meanwhile.
 */
class SlowTaskStoreTest extends ProducerTestSupport {

    private final SlowStore store = new SlowStore();

    @Override
    protected TaskStore taskStore() {
        return store;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").to("evolink:mj-v7");
                from("direct:handOver").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").to("mock:finished");
            }
        };
    }

    @Test
    void aStuckSaveHoldsUpOnlyItsOwnTask() throws Exception {
        store.stickNextKey = true;
        CompletableFuture<Exchange> stuck = template.asyncSend("direct:wait", e -> e.getMessage()
                .setBody("stuck in the store"));
        assertThat(store.stuckInSave.await(30, TimeUnit.SECONDS)).as("the stuck save began").isTrue();

        MockEndpoint finished = getMockEndpoint("mock:finished");
        finished.expectedMessageCount(10);
        List<CompletableFuture<Exchange>> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            others.add(template.asyncSend(i % 2 == 0 ? "direct:wait" : "direct:handOver",
                    e -> e.getMessage().setBody("other " + n)));
        }
        for (CompletableFuture<Exchange> other : others) {
            Exchange e = other.get(60, TimeUnit.SECONDS);
            assertThat(e.getException()).isNull();
        }
        finished.assertIsSatisfied(60_000);
        assertThat(stuck).as("still held by its save").isNotDone();

        store.release.countDown();
        Exchange e = stuck.get(60, TimeUnit.SECONDS);
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getBody(EvolinkTask.class).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(store.callers).as("threads that called the store").isNotEmpty()
                .allMatch(name -> name.contains("EvolinkTaskStore"), "are the store's own threads");
    }

    @Test
    void manyTasksOnASlowStoreAddNoThreads() throws Exception {
        store.release.countDown();
        store.delayMillis = 5;
        template.requestBody("direct:wait", "warm up");
        long before = WaitingWithoutThreadsTest.componentThreads();
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = i;
            pending.add(template.asyncSend("direct:wait", e -> e.getMessage().setBody("task " + n)));
        }
        long during = WaitingWithoutThreadsTest.componentThreads();
        for (CompletableFuture<Exchange> f : pending) {
            assertThat(f.get(120, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(during - before).as("threads added while 300 tasks wait on a slow store").isLessThanOrEqualTo(2);
        assertThat(store.callers).allMatch(name -> name.contains("EvolinkTaskStore"));
    }

    /**
     * In memory, each call slowed by {@code delayMillis}. With {@code stickNextKey}, the saves of the next key saved
     * wait for {@code release}.
     */
    static final class SlowStore implements TaskStore {

        private final InMemoryTaskStore records = new InMemoryTaskStore();
        final Set<String> callers = ConcurrentHashMap.newKeySet();
        final CountDownLatch stuckInSave = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile long delayMillis;
        volatile boolean stickNextKey;
        private volatile String stuckKey;

        @Override
        public void save(TaskRecord record) {
            called();
            synchronized (this) {
                if (stickNextKey && stuckKey == null) {
                    stuckKey = record.idempotencyKey();
                }
            }
            if (record.idempotencyKey().equals(stuckKey)) {
                stuckInSave.countDown();
                await(release);
            }
            records.save(record);
        }

        @Override
        public Optional<TaskRecord> find(String idempotencyKey) {
            called();
            return records.find(idempotencyKey);
        }


        @Override
        public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
            called();
            return records.findByCallbackToken(callbackToken);
        }

        @Override
        public int purgeDelivered(long updatedBefore) {
            called();
            return records.purgeDelivered(updatedBefore);
        }

        @Override
        public int size() {
            return records.size();
        }

        @Override
        public List<TaskRecord> undelivered() {
            called();
            return records.undelivered();
        }

        private void called() {
            callers.add(Thread.currentThread().getName());
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
