package ru.rsoko.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import ru.rsoko.platform.database.ConnectionPool;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells a database outage from every other failure, wherever it surfaces: in a controller, in Spring Session's
 * session lookup, in the login's account lookup. An outage is answered with 503 and a Russian message
 * ({@link #TITLE}, {@link #DETAIL}), never with 500 (it is not our bug), 401 or «неверный пароль» (the password was
 * never checked).
 */
public final class DatabaseOutage {

    public static final String TITLE = "База данных недоступна";
    public static final String DETAIL = "База данных временно недоступна, запрос не выполнен. Повторите его через минуту.";
    /** Seconds a client should wait before trying again (the Retry-After header of a 503). */
    public static final String RETRY_AFTER = "30";

    private DatabaseOutage() {
    }

    /**
     * Whether this exception, or one of its causes, says the database could not be reached or went away. Not a pool
     * that was only busy: that is {@link ServerOverload}.
     */
    public static boolean isCause(Throwable failure) {
        if (anyInChain(failure, ConnectionPool::isBusyTimeout) && !anyInChain(failure, DatabaseOutage::connectionFailed)) {
            return false;
        }
        return anyInChain(failure, e -> connectionFailed(e)
                || e instanceof DataAccessResourceFailureException // Spring's translation of class 08 and 57
                || e instanceof CannotCreateTransactionException); // no connection to begin a transaction on
    }

    /** What the driver or the pool says when the database could not be reached or went away. */
    private static boolean connectionFailed(Throwable e) {
        if (ConnectionPool.isBusyTimeout(e)) {
            return false;
        }
        return e instanceof SQLTransientConnectionException // Hikari: no connection within connection-timeout
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLException sql && (connectionLost(sql.getSQLState()) || closedByPool(sql));
    }

    /** Whether this exception or any in its chain of causes (suppressed ones and rollbacks' causes too) is one. */
    static boolean anyInChain(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toSee = new ArrayDeque<>(List.of(failure));
        while (!toSee.isEmpty()) {
            Throwable e = toSee.pop();
            if (!seen.add(e)) {
                continue;
            }
            if (test.test(e)) {
                return true;
            }
            if (e.getCause() != null) {
                toSee.push(e.getCause());
            }
            // a failed rollback replaces the failure that caused it; Spring keeps that one here
            if (e instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
                toSee.push(tx.getApplicationException());
            }
            toSee.addAll(List.of(e.getSuppressed()));
        }
        return false;
    }

    /**
     * Hikari closes a connection whose statement failed with a connection error (SQLSTATE 08…, 57P01) at once; the
     * rollback that follows then fails with its plain «Connection is closed» (no SQLSTATE), and that rollback failure
     * is what reaches us: the statement's own error is lost on the way.
     */
    private static boolean closedByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, I/O error) and the server going down or not up yet:
     * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now. Not 57014 (a cancelled statement).
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
