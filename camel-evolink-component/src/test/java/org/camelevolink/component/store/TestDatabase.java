package org.camelevolink.component.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, started from a jar on a free loopback port (nothing installed, no service), and
 * stopped when the JVM ends. Tests keep apart by table prefix, each with a {@link #freshPrefix() prefix of its own}.
 */
public final class TestDatabase {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM ends: nothing left to do about it
                }
            }));
        }
        return postgres;
    }

    /** A table prefix no other test in this JVM uses. */
    public static String freshPrefix() {
        return "t" + ProcessHandle.current().pid() + "_" + PREFIXES.incrementAndGet() + "_";
    }

    /** A pooled data source on the embedded database, as the docs recommend users to configure one. */
    public static HikariDataSource pooled(int size) {
        return pooled(jdbcUrl(), size);
    }

    public static HikariDataSource pooled(String jdbcUrl, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1); // a database down at start fails the first call, not the pool
        return new HikariDataSource(config);
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    /** A pool on the embedded database shared by the tests of this JVM (a connection per call would be slow). */
    public static synchronized DataSource dataSource() {
        if (pool == null) {
            pool = pooled(8);
        }
        return pool;
    }
}
