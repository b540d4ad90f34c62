package ru.rsoko.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;
import ru.rsoko.platform.database.EmbeddedPostgresFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One PostgreSQL per test JVM: the embedded one by default, a Testcontainers one with {@code -Pdocker}.
 * Spring's context cache then shares one migrated database across all test classes.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = "testcontainers".equals(System.getProperty("rsoko.test.database")) ? container() : embedded();
        }
        return connection;
    }

    private static Connection embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgresFactory.builder(null, true).start();
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Встроенная PostgreSQL для тестов не запустилась", e);
        }
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static Connection container() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17");
        postgres.start();
        return new Connection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }
}
