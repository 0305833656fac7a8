package org.camelevolink.component.store;

import org.camelevolink.component.exceptions.TaskStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tables of a {@link JdbcTaskStore}: created from the DDL shipped in the jar when absent, checked when present.
 * A schema this version did not write (a newer version, or tables of something else under the same names) fails the
 * start with a message naming the table, and nothing in it is changed.
 */
final class JdbcSchema {

    /** The schema version this component writes and reads. */
    static final int VERSION = 1;

    static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

    static final List<String> TASK_COLUMNS = List.of("idempotency_key", "task_id", "callback_token", "model",
            "delivery", "state", "state_rank", "updated_at", "lease_owner", "lease_until", "read_requested", "format",
            "record");

    private final String prefix;

    JdbcSchema(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("The EvoLink task store's table prefix '" + prefix + "' must be "
                    + "lower-case letters, digits and underscores, starting with a letter or underscore, at most 41");
        }
        this.prefix = prefix;
    }

    String tasks() {
        return prefix + "tasks";
    }

    String versions() {
        return prefix + "schema";
    }

    /**
     * Creates the tables if absent, else checks them. Nodes starting together take turns (an advisory lock held for
     * the transaction), so that exactly one creates them.
     */
    void ensure(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, versions());
                lock.execute();
            }
            boolean hasVersions = exists(c, versions());
            boolean hasTasks = exists(c, tasks());
            if (!hasVersions && !hasTasks) {
                create(c);
            } else if (!hasVersions) {
                throw wrong(tasks() + " exists, but " + versions() + " does not: it was not created by the EvoLink "
                        + "component. Give the store another table prefix, or drop the table");
            } else {
                check(c);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : ddl()) {
                s.execute(statement);
            }
        }
    }

    private void check(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(version) FROM " + versions())) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > VERSION) {
            throw wrong("Table " + versions() + " says schema version " + version + ", newer than this component's "
                    + VERSION + ": a newer camel-evolink uses this database. Upgrade this application; nothing was "
                    + "changed");
        }
        if (version < VERSION) {
            throw wrong("Table " + versions() + " names no schema version this component knows (found " + version
                    + ")");
        }
        Set<String> missing = new LinkedHashSet<>(TASK_COLUMNS);
        try (PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ?")) {
            s.setString(1, tasks());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    missing.remove(rs.getString(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw wrong("Table " + tasks() + " lacks the columns " + missing + " of schema version " + VERSION
                    + ": it is not an EvoLink task table this version can use");
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The shipped DDL with the prefix filled in, one statement per entry. */
    List<String> ddl() {
        String text;
        try (InputStream in = JdbcSchema.class.getResourceAsStream("jdbc-postgresql-v" + VERSION + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("jdbc-postgresql-v" + VERSION + ".sql is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the task store's DDL", e);
        }
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.stripLeading().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : kept.toString().replace("${prefix}", prefix)
                .replace("${now}", Long.toString(System.currentTimeMillis())).split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static TaskStoreException wrong(String message) {
        return new TaskStoreException("The EvoLink task store's schema does not fit: " + message, null);
    }
}
