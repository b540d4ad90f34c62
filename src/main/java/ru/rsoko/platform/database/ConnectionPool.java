package ru.rsoko.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Hikari's pool, with one difference: a request that finds every connection busy while the database answers waits
 * up to {@link #setBusyWait busy-wait} (10 s) in all, not just Hikari's {@code connection-timeout} (3 s). At a peak
 * the pool is the queue, and a page that takes a few seconds serves people better than a refusal. A wait that fails
 * because the pool cannot reach the database (an outage) gives up after the 3 s as before, so an outage is still
 * answered at once. The health check waits only the 3 s too ({@link #withoutBusyWait()}).
 */
public class ConnectionPool extends HikariDataSource {

    private static final String TIMED_OUT = "Connection is not available, request timed out";

    private volatile Duration busyWait = Duration.ofSeconds(10);

    /**
     * Whether this is Hikari's timeout of a pool that was only busy: every connection in use and the last attempt to
     * open one succeeded. Hikari attaches its last failure to connect (cause and SQLSTATE) to a timeout while the
     * database cannot be reached, and clears it once a connection opens again.
     */
    public static boolean isBusyTimeout(Throwable e) {
        return e instanceof SQLTransientConnectionException timeout && timeout.getCause() == null
                && timeout.getSQLState() == null && timeout.getMessage() != null
                && timeout.getMessage().contains(TIMED_OUT);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        while (true) {
            try {
                return super.getConnection();
            } catch (SQLTransientConnectionException e) {
                long waited = System.nanoTime() - start;
                if (!isBusyTimeout(e) || waited + Duration.ofMillis(getConnectionTimeout()).toNanos() > busyWait.toNanos()) {
                    throw e;
                }
            }
        }
    }

    /** The pool as Hikari alone would hand out its connections: one {@code connection-timeout}, for the health check. */
    public DataSource withoutBusyWait() {
        return new DelegatingDataSource(this) {
            @Override
            public Connection getConnection() throws SQLException {
                return connectionWithinTimeout();
            }
        };
    }

    private Connection connectionWithinTimeout() throws SQLException {
        return super.getConnection();
    }

    public Duration getBusyWait() {
        return busyWait;
    }

    public void setBusyWait(Duration busyWait) {
        this.busyWait = busyWait;
    }
}
