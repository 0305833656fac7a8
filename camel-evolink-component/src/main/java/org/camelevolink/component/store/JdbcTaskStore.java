package org.camelevolink.component.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.camelevolink.component.exceptions.TaskStoreException;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A {@link TaskStore} in PostgreSQL, shared by every node that uses the same tables: the store for several nodes
 * behind a load balancer. Plain JDBC on a {@link DataSource} the application provides (pooling, e.g. HikariCP, is
 * its choice); each call takes a connection, runs one statement in auto-commit and gives the connection back, so a
 * save is durable when it returns.
 * <p>
 * The idempotency key is the primary key: of two nodes creating the same key, one wins ({@link #create}) and the
 * other resumes on its record. Each row carries a lease (owner, expiry); nodes claim unheld rows with
 * {@code UPDATE … WHERE key IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING …}, so two nodes never claim the same
 * row and neither waits for the other. Lease times are the nodes' clocks in epoch millis: keep them synchronised
 * (NTP) to well within the lease time.
 * <p>
 * A record's state only moves forward here (a node that lost its lease cannot put back an older state), and a row
 * written by a newer version's record format is refused, never overwritten.
 */
public final class JdbcTaskStore implements TaskStore {

    /** The record format this version writes; rows of a higher one are refused. */
    static final int FORMAT = 1;
    /** Keys per statement for renewals and releases. */
    private static final int KEYS_PER_STATEMENT = 1_000;

    private final DataSource dataSource;
    private final LongSupplier clock;
    private String tablePrefix = "evolink_";
    private volatile Sql sql;

    public JdbcTaskStore(DataSource dataSource) {
        this(dataSource, System::currentTimeMillis);
    }

    JdbcTaskStore(DataSource dataSource, LongSupplier clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = clock;
    }

    /** The prefix of the store's two tables ({@code <prefix>tasks}, {@code <prefix>schema}); default {@code evolink_}. */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    /** Creates the tables when absent and checks them when present; fails naming the data source or the table. */
    @Override
    public void start() {
        JdbcSchema schema = new JdbcSchema(tablePrefix);
        try (Connection c = dataSource.getConnection()) {
            schema.ensure(c);
        } catch (SQLException e) {
            throw new TaskStoreException("Cannot open the EvoLink task store in " + schema.tasks() + " through the "
                    + "data source " + dataSource + ": " + e.getMessage(), e);
        }
        sql = new Sql(schema.tasks());
    }

    @Override
    public void stop() {
        sql = null;
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public void save(TaskRecord record) {
        run("save task record " + record.idempotencyKey(), c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement(sql().save)) {
                bindRecord(s, record);
                s.setInt(11, FORMAT);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                refuseIfNewer(c, record.idempotencyKey()); // else a later state is saved already: it stays
            }
            return null;
        });
    }

    @Override
    public Optional<TaskRecord> create(TaskRecord record, String owner, long leaseUntil) {
        return run("create task record " + record.idempotencyKey(), c -> {
            try (PreparedStatement s = c.prepareStatement(sql().create)) {
                bindRecord(s, record);
                s.setString(11, owner);
                s.setLong(12, leaseUntil);
                if (s.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            return one(c, sql().findByKey, record.idempotencyKey());
        });
    }

    /** Parameters 1 to 10: the record's columns. */
    private static void bindRecord(PreparedStatement s, TaskRecord r) throws SQLException {
        s.setString(1, r.idempotencyKey());
        s.setString(2, r.taskId());
        s.setString(3, r.callbackToken());
        s.setString(4, r.model());
        s.setString(5, r.delivery().name());
        s.setString(6, r.state().name());
        s.setInt(7, r.state().ordinal());
        s.setLong(8, r.updatedAt());
        s.setInt(9, FORMAT);
        try {
            s.setString(10, RecordJson.write(r));
        } catch (JsonProcessingException e) {
            throw new TaskStoreException("Cannot write task record " + r.idempotencyKey(), e);
        }
    }

    private void refuseIfNewer(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql().formatOf)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getInt(1) > FORMAT) {
                    throw newer(key, rs.getInt(1));
                }
            }
        }
    }

    @Override
    public Optional<TaskRecord> find(String idempotencyKey) {
        return run("find task record " + idempotencyKey, c -> one(c, sql().findByKey, idempotencyKey));
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        // the token is a bearer secret: the failure names no token
        return run("find a task record by its callback token", c -> one(c, sql().findByToken, callbackToken));
    }

    @Override
    public List<TaskRecord> undelivered() {
        return run("read the undelivered task records", c -> {
            try (PreparedStatement s = c.prepareStatement(sql().undelivered)) {
                return records(s);
            }
        });
    }

    @Override
    public int purgeDelivered(long updatedBefore) {
        return run("purge delivered task records", c -> {
            try (PreparedStatement s = c.prepareStatement(sql().purge)) {
                s.setLong(1, updatedBefore);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Read from the record column's JSON, so that a version 1 table needs no new column (older versions ignore the
     * field): a scan of the table, made only when a credit budget is set, at most once per
     * {@code CreditBudget.STORE_READ_INTERVAL_MILLIS} by each node (and by the figures operators see).
     */
    @Override
    public double creditsReservedSince(long submittedSince) {
        return run("sum the credits reserved", c -> {
            try (PreparedStatement s = c.prepareStatement(sql().creditsReserved)) {
                s.setLong(1, submittedSince);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : 0.0;
                }
            }
        });
    }

    /** One {@code GROUP BY} on the state column. */
    @Override
    public Map<TaskState, Integer> countsByState() {
        return run("count task records by state", c -> {
            try (PreparedStatement s = c.prepareStatement(sql().countByState); ResultSet rs = s.executeQuery()) {
                Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
                while (rs.next()) {
                    counts.put(TaskState.valueOf(rs.getString(1)), rs.getInt(2));
                }
                return counts;
            }
        });
    }

    @Override
    public int size() {
        return run("count task records", c -> {
            try (PreparedStatement s = c.prepareStatement(sql().count); ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public boolean claim(String idempotencyKey, String owner, long leaseUntil) {
        return run("claim task record " + idempotencyKey, c -> {
            try (PreparedStatement s = c.prepareStatement(sql().claim)) {
                s.setString(1, owner);
                s.setLong(2, leaseUntil);
                s.setString(3, idempotencyKey);
                s.setString(4, owner);
                s.setLong(5, clock.getAsLong());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<TaskRecord> claimUnheld(String owner, Set<String> models, long now, long leaseUntil, int limit) {
        return run("claim unheld task records", c -> {
            try (PreparedStatement s = c.prepareStatement(sql().claimUnheld)) {
                s.setString(1, owner);
                s.setLong(2, leaseUntil);
                s.setLong(3, now);
                s.setBoolean(4, models.isEmpty());
                s.setArray(5, c.createArrayOf("text", models.toArray()));
                s.setInt(6, limit);
                return records(s);
            }
        });
    }

    @Override
    public LeaseRenewal renew(String owner, Collection<String> idempotencyKeys, long leaseUntil) {
        Set<String> lost = new HashSet<>(idempotencyKeys);
        Set<String> readRequested = new HashSet<>();
        for (List<String> keys : chunks(idempotencyKeys)) {
            run("renew leases", c -> {
                try (PreparedStatement s = c.prepareStatement(sql().renew)) {
                    s.setString(1, owner);
                    s.setArray(2, keyArray(c, keys));
                    s.setLong(3, leaseUntil);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            lost.remove(rs.getString(1));
                            if (rs.getBoolean(2)) {
                                readRequested.add(rs.getString(1));
                            }
                        }
                    }
                }
                return null;
            });
        }
        return new LeaseRenewal(lost, readRequested);
    }

    @Override
    public void release(String owner, Collection<String> idempotencyKeys) {
        for (List<String> keys : chunks(idempotencyKeys)) {
            run("release leases", c -> {
                try (PreparedStatement s = c.prepareStatement(sql().release)) {
                    s.setString(1, owner);
                    s.setArray(2, keyArray(c, keys));
                    return s.executeUpdate();
                }
            });
        }
    }

    @Override
    public void requestRead(String idempotencyKey) {
        run("ask for a read of task record " + idempotencyKey, c -> {
            try (PreparedStatement s = c.prepareStatement(sql().requestRead)) {
                s.setString(1, idempotencyKey);
                return s.executeUpdate();
            }
        });
    }

    private static Array keyArray(Connection c, List<String> keys) throws SQLException {
        return c.createArrayOf("text", keys.toArray());
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT)));
        }
        return chunks;
    }

    private Optional<TaskRecord> one(Connection c, String query, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, value);
            List<TaskRecord> found = records(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Runs a query whose columns are {@code format, record}. */
    private List<TaskRecord> records(PreparedStatement s) throws SQLException {
        List<TaskRecord> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(parse(rs.getInt(1), rs.getString(2)));
            }
        }
        return out;
    }

    private TaskRecord parse(int format, String json) {
        try {
            TaskRecord r = RecordJson.read(json);
            if (format > FORMAT) {
                throw newer(r.idempotencyKey(), format);
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new TaskStoreException("Unreadable task record in " + table() + ": " + e.getOriginalMessage(), e);
        }
    }

    private TaskStoreException newer(String key, int format) {
        return new TaskStoreException("Task record " + key + " in " + table() + " was written by a newer "
                + "camel-evolink (record format " + format + ", this one writes " + FORMAT + "); it is left as it is",
                null);
    }

    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new TaskStoreException("Cannot " + what + " in " + table() + " (data source " + dataSource + "): "
                    + e.getMessage(), e);
        }
    }

    private Sql sql() {
        Sql open = sql;
        if (open == null) {
            throw new IllegalStateException("The EvoLink task store " + this + " is not open");
        }
        return open;
    }

    private String table() {
        return tablePrefix + "tasks";
    }

    @Override
    public String toString() {
        return "JdbcTaskStore[" + table() + ", " + dataSource + "]";
    }

    /** The statements, with the table name in them (a checked identifier, never user data). */
    private static final class Sql {
        private final String save;
        private final String create;
        private final String formatOf;
        private final String findByKey;
        private final String findByToken;
        private final String undelivered;
        private final String purge;
        private final String count;
        private final String countByState;
        private final String creditsReserved;
        private final String claim;
        private final String claimUnheld;
        private final String renew;
        private final String release;
        private final String requestRead;

        private Sql(String t) {
            String columns = "idempotency_key, task_id, callback_token, model, delivery, state, state_rank, "
                    + "updated_at, format, record";
            save = "INSERT INTO " + t + " (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (idempotency_key) DO UPDATE SET task_id = EXCLUDED.task_id, "
                    + "callback_token = EXCLUDED.callback_token, model = EXCLUDED.model, delivery = EXCLUDED.delivery, "
                    + "state = EXCLUDED.state, state_rank = EXCLUDED.state_rank, updated_at = EXCLUDED.updated_at, "
                    + "format = EXCLUDED.format, record = EXCLUDED.record "
                    // a state never moves back, except a refused submit (no task id) sent again once fixed
                    + "WHERE " + t + ".format <= ? AND (" + t + ".state_rank <= EXCLUDED.state_rank OR "
                    + t + ".task_id IS NULL)";
            create = "INSERT INTO " + t + " (" + columns + ", lease_owner, lease_until) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";
            formatOf = "SELECT format FROM " + t + " WHERE idempotency_key = ?";
            findByKey = "SELECT format, record FROM " + t + " WHERE idempotency_key = ?";
            findByToken = "SELECT format, record FROM " + t + " WHERE callback_token = ?";
            undelivered = "SELECT format, record FROM " + t + " WHERE state <> 'DELIVERED'";
            purge = "DELETE FROM " + t + " WHERE state = 'DELIVERED' AND updated_at < ?";
            count = "SELECT count(*) FROM " + t;
            countByState = "SELECT state, count(*) FROM " + t + " GROUP BY state";
            creditsReserved = "SELECT COALESCE(SUM((record::jsonb ->> 'creditsReserved')::float8), 0) FROM " + t
                    + " WHERE (record::jsonb ->> 'submittedAt')::bigint >= ?";
            claim = "UPDATE " + t + " SET lease_owner = ?, lease_until = ? WHERE idempotency_key = ? "
                    + "AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)";
            claimUnheld = "UPDATE " + t + " SET lease_owner = ?, lease_until = ? WHERE idempotency_key IN ("
                    + "SELECT idempotency_key FROM " + t + " WHERE delivery = 'CONSUMER' "
                    + "AND state IN ('WAITING', 'FINISHED') AND lease_until < ? AND (? OR model = ANY (?)) "
                    + "ORDER BY lease_until LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING format, record";
            // the CTE reads read_requested before the update clears it
            renew = "WITH held AS (SELECT idempotency_key, read_requested FROM " + t + " WHERE lease_owner = ? "
                    + "AND idempotency_key = ANY (?) FOR UPDATE) UPDATE " + t + " SET lease_until = ?, "
                    + "read_requested = FALSE FROM held WHERE " + t + ".idempotency_key = held.idempotency_key "
                    + "RETURNING held.idempotency_key, held.read_requested";
            release = "UPDATE " + t + " SET lease_owner = NULL, lease_until = 0 WHERE lease_owner = ? "
                    + "AND idempotency_key = ANY (?)";
            requestRead = "UPDATE " + t + " SET read_requested = TRUE WHERE idempotency_key = ?";
        }
    }
}
