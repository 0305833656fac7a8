package org.camelevolink.component.cluster;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.component.SimulatorExtension;
import org.camelevolink.component.TestComponents;
import org.camelevolink.component.store.TestDatabase;
import org.camelevolink.simulator.SimulatorConfig;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelevolink.component.Waiting.waitingFor;

/**
 * Several nodes (Camel contexts) on one real PostgreSQL and one simulator: one paid submit per key whichever nodes
 * receive it, and the tasks of a node that stops, or loses the database, delivered once by another.
 */
class SharedTaskStoreTest {

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.withConfig(SimulatorConfig.builder().timeScale(0.04)
            .allowInsecureCallbacks(true).imageBaseSize(64));

    private final String prefix = TestDatabase.freshPrefix();
    private final List<Node> nodes = new ArrayList<>();
    /** "node taskId" per delivery to a consumer route, across nodes. */
    private final List<String> deliveries = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::close);
    }

    private Node node(String name, DataSource dataSource, long leaseTime) throws Exception {
        Node node = new Node(SIM.simulator(), dataSource, prefix, leaseTime).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").to("evolink:mj-v7");
                from("direct:submit").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").routeId("deliver")
                        .process(e -> deliveries.add(name + " " + e.getMessage().getHeader(EvolinkConstants.TASK_ID)));
            }
        });
        nodes.add(node);
        return node.start();
    }

    private static CompletableFuture<Exchange> send(Node node, String uri, String key) {
        return node.template().asyncSend(uri, e -> {
            e.getMessage().setBody("a lighthouse at dawn, order " + key);
            e.getMessage().setHeader(EvolinkConstants.IDEMPOTENCY_KEY, key);
        });
    }

    private static String taskId(CompletableFuture<Exchange> sent) throws Exception {
        Exchange done = sent.get(30, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        return done.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
    }

    private Map<String, Long> deliveriesPerTask() {
        return deliveries.stream().collect(Collectors.groupingBy(d -> d.split(" ")[1], Collectors.counting()));
    }

    private List<String> submitted(Node node, int count) throws Exception {
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taskIds.add(taskId(send(node, "direct:submit", "order-" + i)));
        }
        return taskIds;
    }

    @Test
    void twoNodesSubmittingOneKeyAtOncePayOnceAndAnswerWithTheSameTask() throws Exception {
        Node a = node("A", TestDatabase.dataSource(), 30_000);
        Node b = node("B", TestDatabase.dataSource(), 30_000);
        List<CompletableFuture<Exchange>> onA = new ArrayList<>();
        List<CompletableFuture<Exchange>> onB = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            onA.add(send(a, "direct:wait", "order-" + i));
            onB.add(send(b, "direct:wait", "order-" + i));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(taskId(onB.get(i))).as("order-" + i).isEqualTo(taskId(onA.get(i)));
        }
        assertThat(SIM.simulator().journal(Endpoint.CREATE)).as("submits sent").hasSize(20);
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(20);
    }

    @Test
    void theTasksOfANodeThatStopsAreDeliveredOnceByAnother() throws Exception {
        Node a = node("A", TestDatabase.dataSource(), 30_000);
        List<String> taskIds = submitted(a, 30);
        a.close(); // releases its leases: no waiting for them to expire

        node("B", TestDatabase.dataSource(), 30_000);
        waitingFor("every task delivered").atMost(Duration.ofSeconds(60))
                .until(() -> deliveriesPerTask().keySet().containsAll(taskIds));
        Thread.sleep(500); // room for a wrong second delivery to show
        assertThat(deliveriesPerTask()).as("deliveries per task").hasSize(30).allSatisfy((t, n) -> assertThat(n)
                .isEqualTo(1));
        assertThat(deliveries).as("taken over by B").anyMatch(d -> d.startsWith("B "));
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(30);
    }

    @Test
    void aNodeCutOffTheDatabaseLosesItsTasksToAnotherOnceItsLeasesExpire() throws Exception {
        CuttableDataSource cable = new CuttableDataSource(TestDatabase.dataSource());
        Node a = node("A", cable, 1_500);
        List<String> taskIds = submitted(a, 20);
        cable.cut();
        HealthCheck aHealth = ((HealthCheckAware) a.context.getRoute("deliver").getConsumer()).getHealthCheck();

        node("B", TestDatabase.dataSource(), 1_500);
        waitingFor("B delivers every task").atMost(Duration.ofSeconds(60))
                .until(() -> deliveriesPerTask().keySet().containsAll(taskIds));
        assertThat(aHealth.call().getState()).as("A's health while cut off").isEqualTo(HealthCheck.State.DOWN);
        assertThat(aHealth.call().getMessage()).get().asString().contains("task store");

        cable.mend();
        waitingFor("A's health once mended").atMost(Duration.ofSeconds(30))
                .until(() -> aHealth.call().getState() == HealthCheck.State.UP);
        Thread.sleep(2_000); // A saves what it kept in memory and renews: nothing may be delivered again
        assertThat(deliveriesPerTask()).hasSize(20).allSatisfy((t, n) -> assertThat(n).isEqualTo(1));
        assertThat(deliveries).allMatch(d -> d.startsWith("B "));
        assertThat(SIM.simulator().journal().chargedSubmits()).isEqualTo(20);
    }

    @Test
    void aTaskWhoseDeliveryHangsOnANodeCutOffIsDeliveredByAnotherAfterTheLeaseTime() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        List<String> started = new CopyOnWriteArrayList<>();
        CuttableDataSource cable = new CuttableDataSource(TestDatabase.dataSource());
        Node a = new Node(SIM.simulator(), cable, prefix, 1_500).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("evolink:mj-v7?waitForCompletion=false");
                from("evolink:mj-v7").process(e -> {
                    started.add(e.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class));
                    hang.await(); // the node's route is stuck mid-delivery
                });
            }
        });
        nodes.add(a.start());
        String taskId = taskId(send(a, "direct:submit", "order-hang"));
        waitingFor("A's route to take the task").until(() -> started.contains(taskId));
        cable.cut();

        node("B", TestDatabase.dataSource(), 1_500);
        try {
            waitingFor("B to deliver the task A's route hangs on").atMost(Duration.ofSeconds(60))
                    .until(() -> deliveries.contains("B " + taskId));
        } finally {
            hang.countDown();
            cable.mend();
        }
    }

    @Test
    void aBacklogOfSlowSavesDoesNotDelayTheRenewalOfANodesLeases() throws Exception {
        SIM.simulator().faults().random(null, Fault.of(FaultKind.NEVER_FINISH), 1.0); // the tasks wait throughout
        CuttableDataSource slowDatabase = new CuttableDataSource(TestDatabase.dataSource());
        long leaseTime = 4_000; // renewed every 1.3 s: a loaded machine's pauses do not make a renewal late
        Node a = node("A", slowDatabase, leaseTime);
        List<String> taskIds = submitted(a, 10);
        node("B", TestDatabase.dataSource(), leaseTime); // takes over any record whose lease expires

        // 12 more orders make 24 saves of 1 s on A's 2 store threads: a backlog of 12 s, three lease times
        slowDatabase.slowSaves(Duration.ofSeconds(1));
        List<CompletableFuture<Exchange>> more = new ArrayList<>();
        for (int i = 10; i < 22; i++) {
            more.add(send(a, "direct:submit", "order-" + i));
        }
        for (CompletableFuture<Exchange> sent : more) {
            taskIds.add(taskId(sent));
        }
        slowDatabase.slowSaves(Duration.ZERO);

        taskIds.forEach(SIM.simulator()::completeTask);
        waitingFor("every task delivered").atMost(Duration.ofSeconds(60))
                .until(() -> deliveriesPerTask().keySet().containsAll(taskIds));
        assertThat(deliveries).as("A kept its leases: B took none of its tasks over").allMatch(d -> d.startsWith("A "))
                .hasSize(22);
    }

    @Test
    void aCallbackThatReachesAnotherNodeBringsTheHoldersReadForward() throws Exception {
        // the load balancer in front of the nodes sends every callback to B; A waits for its task, polling every ten
        // minutes: only the read B asks A for through the store (seen at A's next renewal) can end the wait in time
        int portA = TestComponents.freePort();
        int portB = TestComponents.freePort();
        String balancer = "http://127.0.0.1:" + portB + "/evolink/callbacks";
        Node a = callbackNode("A", portA, balancer);
        callbackNode("B", portB, balancer);

        Exchange done = a.template().asyncSend("direct:wait", e -> e.getMessage().setBody("a quick fox"))
                .get(60, TimeUnit.SECONDS); // its first scheduled read is ten minutes away
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(EvolinkConstants.TASK_STATUS)).isEqualTo("completed");
        String taskId = done.getMessage().getHeader(EvolinkConstants.TASK_ID, String.class);
        assertThat(SIM.simulator().callbackAttempts()).anyMatch(c -> c.taskId().equals(taskId)
                && c.url().startsWith(balancer));
        long reads = SIM.simulator().journal().entries().stream().filter(e -> (e.endpoint() == Endpoint.TASK_GET
                || e.endpoint() == Endpoint.TASK_BATCH) && (e.path().contains(taskId)
                || e.body() != null && e.body().contains(taskId))).count();
        assertThat(reads).as("one read, the one the callback asked for").isEqualTo(1);
    }

    private Node callbackNode(String name, int port, String callbackBaseUrl) throws Exception {
        Node node = new Node(SIM.simulator(), TestDatabase.dataSource(), prefix, 900);
        TestComponents.addCallbackServer(node.context, port);
        node.evolink.getConfiguration().setCallbackBaseUrl(callbackBaseUrl);
        node.evolink.getConfiguration().setMinPollInterval(600_000);
        node.evolink.getConfiguration().setMaxPollInterval(600_000);
        node.routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").to("evolink:mj-v7");
            }
        });
        nodes.add(node);
        return node.start();
    }
}
