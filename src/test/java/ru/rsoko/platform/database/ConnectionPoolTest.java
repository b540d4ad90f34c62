package ru.rsoko.platform.database;

import org.junit.jupiter.api.Test;
import ru.rsoko.support.TestDatabase;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A busy pool keeps a request waiting up to the busy wait; an unreachable database is given up after one
 * connection-timeout; the health check's view waits one connection-timeout either way. Real Hikari pools of one
 * connection, with timeouts of a quarter of a second.
 */
class ConnectionPoolTest {

    private static final long TIMEOUT_MILLIS = 250;

    @Test
    void aBusyPoolKeepsTheRequestWaitingUpToTheBusyWait() throws Exception {
        try (ConnectionPool pool = pool(TestDatabase.get().url(), Duration.ofMillis(800));
             Connection held = pool.getConnection()) {
            long start = System.nanoTime();
            assertThatThrownBy(pool::getConnection)
                    .isInstanceOfSatisfying(SQLTransientConnectionException.class,
                            e -> assertThat(ConnectionPool.isBusyTimeout(e)).isTrue());
            // three waits of 250 ms: a fourth would end after the 800 ms
            assertThat(millisSince(start)).isBetween(3 * TIMEOUT_MILLIS, 800L + 2_000);

            start = System.nanoTime();
            assertThatThrownBy(() -> pool.withoutBusyWait().getConnection())
                    .satisfies(e -> assertThat(ConnectionPool.isBusyTimeout(e)).isTrue());
            assertThat(millisSince(start)).isBetween(TIMEOUT_MILLIS, 2 * TIMEOUT_MILLIS + 2_000);
        }
    }

    @Test
    void aConnectionFreedWithinTheBusyWaitIsHandedOut() throws Exception {
        try (ConnectionPool pool = pool(TestDatabase.get().url(), Duration.ofSeconds(5))) {
            Connection held = pool.getConnection();
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> close(held),
                    CompletableFuture.delayedExecutor(2 * TIMEOUT_MILLIS + 100, TimeUnit.MILLISECONDS));
            try (Connection next = pool.getConnection()) {
                assertThat(next.isValid(1)).isTrue();
            }
            release.join();
        }
    }

    @Test
    void anUnreachableDatabaseIsNotWaitedFor() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConnectionPool pool = pool("jdbc:postgresql://localhost:" + closedPort + "/postgres", Duration.ofSeconds(30))) {
            long start = System.nanoTime();
            assertThatThrownBy(pool::getConnection)
                    .isInstanceOfSatisfying(SQLTransientConnectionException.class, e -> {
                        assertThat(ConnectionPool.isBusyTimeout(e)).isFalse();
                        assertThat(e.getCause()).isNotNull(); // Hikari's last failure to connect: refused
                        assertThat(e.getSQLState()).startsWith("08");
                    });
            assertThat(millisSince(start)).isLessThan(TIMEOUT_MILLIS + 5_000);
        }
    }

    private static ConnectionPool pool(String url, Duration busyWait) {
        ConnectionPool pool = new ConnectionPool();
        pool.setJdbcUrl(url);
        pool.setUsername(TestDatabase.get().username());
        pool.setPassword(TestDatabase.get().password());
        pool.setMaximumPoolSize(1);
        pool.setConnectionTimeout(TIMEOUT_MILLIS);
        pool.setInitializationFailTimeout(-1); // the unreachable one starts too
        pool.setPoolName("connection-pool-test");
        pool.setBusyWait(busyWait);
        return pool;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
