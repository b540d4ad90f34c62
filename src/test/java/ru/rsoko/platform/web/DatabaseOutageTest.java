package ru.rsoko.platform.web;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a database outage (503), what as an overload (503 of its own), and what stays the error it is. */
class DatabaseOutageTest {

    @Test
    void anOutageIsRecognisedHoweverDeepItIsWrapped() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms", "08001");
        // the session filter's lookup
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no connection", poolTimeout))).isTrue();
        // the login's account lookup, through Hibernate and Spring Security
        assertThat(DatabaseOutage.isCause(new InternalAuthenticationServiceException("lookup failed",
                new JDBCConnectionException("unable to obtain connection", new SQLException("refused", "08001"))))).isTrue();
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        // a connection the server closed while shutting down, mid-statement
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException(
                "terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // the rollback after a statement on a connection that broke: Hikari has closed it already
        assertThat(DatabaseOutage.isCause(new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void aBusyPoolIsAnOverloadNotAnOutage() {
        // as Hikari builds it when every connection is busy and the last attempt to open one succeeded
        SQLTransientConnectionException busy = new SQLTransientConnectionException(
                "rsoko - Connection is not available, request timed out after 3001ms "
                        + "(total=10, active=10, idle=0, waiting=57)", null, 0, null);
        // the session filter's lookup; a controller's transaction through Hibernate
        for (Throwable failure : new Throwable[]{busy, new CannotCreateTransactionException("no connection", busy),
                new InternalAuthenticationServiceException("lookup failed", new JDBCConnectionException(
                        "unable to obtain connection", busy))}) {
            assertThat(ServerOverload.isCause(failure)).as("%s", failure).isTrue();
            assertThat(DatabaseOutage.isCause(failure)).as("%s", failure).isFalse();
        }
        // the same timeout while the pool cannot reach the database carries the failure to connect: an outage
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        SQLTransientConnectionException unreachable = new SQLTransientConnectionException(
                "rsoko - Connection is not available, request timed out after 3001ms "
                        + "(total=0, active=0, idle=0, waiting=3)", "08001", 0, refused);
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no connection", unreachable))).isTrue();
        assertThat(ServerOverload.isCause(new CannotCreateTransactionException("no connection", unreachable))).isFalse();
        // a connection lost mid-request outweighs a busy pool met afterwards
        RuntimeException both = new RuntimeException(new SQLException("terminating connection", "57P01"));
        both.addSuppressed(busy);
        assertThat(DatabaseOutage.isCause(both)).isTrue();
        assertThat(ServerOverload.isCause(both)).isFalse();
        assertThat(ServerOverload.isCause(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void otherFailuresAreNotAnOutage() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("canceling statement", "57014")))).isFalse();
        assertThat(DatabaseOutage.isCause(new ObjectOptimisticLockingFailureException(Object.class, 1L))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    }
}
