package org.camelevolink.component.store;

import org.camelevolink.component.exceptions.TaskStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the shared store adds to the contract, against a real PostgreSQL: two stores on the same tables are two
 * nodes. Lease times come from a clock the test moves.
 */
class JdbcTaskStoreTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private String prefix;
    private JdbcTaskStore nodeA;
    private JdbcTaskStore nodeB;

    @BeforeEach
    void twoNodes() {
        prefix = TestDatabase.freshPrefix();
        nodeA = node();
        nodeB = node();
    }

    private JdbcTaskStore node() {
        JdbcTaskStore store = new JdbcTaskStore(TestDatabase.dataSource(), now::get);
        store.setTablePrefix(prefix);
        store.start();
        return store;
    }

    @AfterEach
    void stop() {
        nodeA.stop();
        nodeB.stop();
    }

    private static TaskRecord consumerTask(String key, String model) {
        return TaskRecord.submitting(key, model, TaskRecord.Delivery.CONSUMER, null, Map.of(), null, 1_000)
                .accepted("task-" + key, 2_000, 1_500);
    }

    @Test
    void aRecordCreatedByANodeIsItsUntilTheLeaseExpires() {
        nodeA.create(consumerTask("k", "mj-v7"), "A", now.get() + 30_000);
        assertThat(nodeB.claim("k", "B", now.get() + 30_000)).isFalse();
        assertThat(nodeA.claim("k", "A", now.get() + 60_000)).as("the holder's claim extends its lease").isTrue();
        assertThat(nodeB.claimUnheld("B", Set.of(), now.get(), now.get() + 30_000, 10)).isEmpty();

        now.addAndGet(60_001);
        List<TaskRecord> taken = nodeB.claimUnheld("B", Set.of(), now.get(), now.get() + 30_000, 10);
        assertThat(taken).extracting(TaskRecord::idempotencyKey).containsExactly("k");
        assertThat(nodeA.renew("A", List.of("k"), now.get() + 30_000).lost()).containsExactly("k");
        assertThat(nodeB.renew("B", List.of("k"), now.get() + 30_000).lost()).isEmpty();
    }

    @Test
    void unheldRecordsAreClaimedOnceAcrossNodesRacing() throws Exception {
        for (int i = 0; i < 300; i++) {
            nodeA.save(consumerTask("k" + i, "mj-v7")); // saved, never leased: unheld
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> claims = new ArrayList<>();
        for (JdbcTaskStore node : List.of(nodeA, nodeB, nodeA, nodeB)) {
            String owner = node == nodeA ? "A" : "B";
            claims.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                List<TaskRecord> batch;
                do {
                    batch = node.claimUnheld(owner, Set.of(), now.get(), now.get() + 30_000, 25);
                    batch.forEach(r -> mine.add(r.idempotencyKey()));
                } while (!batch.isEmpty());
                return mine;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : claims) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void onlyConsumerTasksOfTheAskedModelsStillToDeliverAreClaimed() {
        nodeA.save(consumerTask("waiting", "mj-v7"));
        nodeA.save(consumerTask("other-model", "mj-v8"));
        nodeA.save(TaskRecord.submitting("producer", "mj-v7", TaskRecord.Delivery.PRODUCER, null, Map.of(), null, 1)
                .accepted("t", 2, 2));
        nodeA.save(consumerTask("delivered", "mj-v7").gaveUp("timeout", "late", 3).delivered(4));
        nodeA.save(TaskRecord.submitting("submitting", "mj-v7", TaskRecord.Delivery.CONSUMER, null, Map.of(), null, 1));

        assertThat(nodeB.claimUnheld("B", Set.of("mj-v7"), now.get(), now.get() + 30_000, 10))
                .extracting(TaskRecord::idempotencyKey).containsExactly("waiting");
        assertThat(nodeB.claimUnheld("B", Set.of(), now.get(), now.get() + 30_000, 10))
                .extracting(TaskRecord::idempotencyKey).containsExactly("other-model");
    }

    @Test
    void aReleasedLeaseIsClaimableAtOnce() {
        nodeA.create(consumerTask("k", "mj-v7"), "A", now.get() + 30_000);
        nodeA.release("A", List.of("k"));
        assertThat(nodeB.claim("k", "B", now.get() + 30_000)).isTrue();
        nodeA.release("A", List.of("k"));
        assertThat(nodeA.claim("k", "A", now.get() + 30_000)).as("A's release does not end B's lease").isFalse();
    }

    @Test
    void aReadAskedForByAnotherNodeReachesTheHolderAtItsNextRenewalOnce() {
        nodeA.create(consumerTask("k", "mj-v7"), "A", now.get() + 30_000);
        nodeB.requestRead("k");
        assertThat(nodeA.renew("A", List.of("k"), now.get() + 30_000).readRequested()).containsExactly("k");
        assertThat(nodeA.renew("A", List.of("k"), now.get() + 30_000).readRequested()).isEmpty();
    }

    @Test
    void aStateNeverMovesBackButARefusedSubmitMayBeSentAgain() {
        TaskRecord waiting = consumerTask("k", "mj-v7");
        nodeA.save(waiting.gaveUp("timeout", "late", 5).delivered(6));
        nodeB.save(waiting); // a node that lost its lease and woke up late
        assertThat(nodeA.find("k").orElseThrow().state()).isEqualTo(TaskState.DELIVERED);

        TaskRecord refused = TaskRecord.submitting("r", "mj-v7", TaskRecord.Delivery.PRODUCER, null, Map.of(), null, 1)
                .gaveUp("invalid_request", "bad", 2).delivered(2);
        nodeA.save(refused);
        nodeA.save(TaskRecord.submitting("r", "mj-v7", TaskRecord.Delivery.PRODUCER, null, Map.of(), null, 3));
        assertThat(nodeA.find("r").orElseThrow().state()).isEqualTo(TaskState.SUBMITTING);
    }

    @Test
    void aRowOfANewerRecordFormatIsRefusedAndLeftAsItIs() throws SQLException {
        nodeA.save(consumerTask("k", "mj-v7"));
        execute("UPDATE " + prefix + "tasks SET format = 2 WHERE idempotency_key = 'k'");
        assertThatThrownBy(() -> nodeA.find("k")).isInstanceOf(TaskStoreException.class)
                .hasMessageContaining("written by a newer camel-evolink (record format 2");
        assertThatThrownBy(() -> nodeA.save(consumerTask("k", "mj-v7").finished(null, 9)))
                .isInstanceOf(TaskStoreException.class).hasMessageContaining(prefix + "tasks");
        assertThat(scalar("SELECT state FROM " + prefix + "tasks WHERE idempotency_key = 'k'")).isEqualTo("WAITING");
    }

    @Test
    void aNewerSchemaFailsTheStartNamingItsTable() throws SQLException {
        execute("INSERT INTO " + prefix + "schema (version, created_at) VALUES (2, 0)");
        assertThatThrownBy(this::node).isInstanceOf(TaskStoreException.class)
                .hasMessageContaining("Table " + prefix + "schema says schema version 2, newer than this component's 1");
    }

    @Test
    void aTaskTableWithoutTheComponentsColumnsFailsTheStart() throws SQLException {
        String other = TestDatabase.freshPrefix();
        execute("CREATE TABLE " + other + "tasks (id INT)");
        JdbcTaskStore store = new JdbcTaskStore(TestDatabase.dataSource());
        store.setTablePrefix(other);
        assertThatThrownBy(store::start).isInstanceOf(TaskStoreException.class)
                .hasMessageContaining(other + "tasks exists, but " + other + "schema does not");

        execute("DROP TABLE " + other + "tasks");
        store.start(); // now absent: created
        execute("ALTER TABLE " + other + "tasks DROP COLUMN lease_until");
        assertThatThrownBy(store::start).isInstanceOf(TaskStoreException.class)
                .hasMessageContaining("Table " + other + "tasks lacks the columns [lease_until]");
    }

    @Test
    void nodesStartingTogetherCreateTheTablesOnce() throws Exception {
        String fresh = TestDatabase.freshPrefix();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(pool.submit(() -> {
                JdbcTaskStore store = new JdbcTaskStore(TestDatabase.dataSource());
                store.setTablePrefix(fresh);
                store.start();
            }));
        }
        for (Future<?> f : starts) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(scalar("SELECT count(*) FROM " + fresh + "schema")).isEqualTo("1");
    }

    @Test
    void anUnreachableDatabaseFailsTheStartNamingTheDataSource() {
        try (var unreachable = TestDatabase.pooled("jdbc:postgresql://127.0.0.1:1/postgres", 1)) {
            JdbcTaskStore store = new JdbcTaskStore(unreachable);
            assertThatThrownBy(store::start).isInstanceOf(TaskStoreException.class)
                    .hasMessageContaining("Cannot open the EvoLink task store in evolink_tasks through the data source "
                            + unreachable);
        }
    }

    @Test
    void aTablePrefixThatIsNoPlainIdentifierIsRefused() {
        JdbcTaskStore store = new JdbcTaskStore(TestDatabase.dataSource());
        store.setTablePrefix("x; DROP TABLE y; --");
        assertThatThrownBy(store::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table prefix");
        assertThat(Collections.singleton(store.toString())).allMatch(s -> s.startsWith("JdbcTaskStore["));
    }

    private static void execute(String statement) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String scalar(String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
