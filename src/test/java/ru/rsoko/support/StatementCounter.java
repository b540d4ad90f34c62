package ru.rsoko.support;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every SQL statement the application sends, Hibernate's and JdbcTemplate's alike, seen through a datasource-proxy
 * around the one DataSource. {@link #during} records what one thread sends while it runs something (a MockMvc
 * request runs on the test's thread), so background jobs of the same application are not counted.
 */
public class StatementCounter implements BeanPostProcessor {

    /** Statements of Spring Session's own tables: a signed-in person's session is read and touched on every request. */
    private static final String SESSION_TABLES = "spring_session";

    private static volatile Recording current;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create("counted", dataSource)
                    .afterQuery((execution, queries) -> {
                        Recording r = current;
                        if (r != null && r.thread == Thread.currentThread()) {
                            r.statement(queries.getFirst().getQuery());
                        }
                    })
                    .afterMethod(context -> {
                        Recording r = current;
                        String method = context.getMethod().getName();
                        if (r != null && r.thread == Thread.currentThread() && context.getTarget() instanceof Connection) {
                            if (method.equals("setAutoCommit") && Boolean.FALSE.equals(context.getMethodArgs()[0])) {
                                r.beginTransaction();
                            } else if (method.equals("commit") || method.equals("rollback")) {
                                r.endTransaction();
                            }
                        }
                    })
                    .build();
        }
        return bean;
    }

    /** What ran: the statements of the application (session store apart) and the transactions that sent them. */
    public record Count(List<String> statements, List<String> sessionStatements, int transactions) {

        public int size() {
            return statements.size();
        }

        @Override
        public String toString() {
            return size() + " statements in " + transactions + " transactions (+" + sessionStatements.size()
                    + " of the session store):\n  " + String.join("\n  ", statements);
        }
    }

    public static Count during(Runnable action) {
        return during(() -> {
            action.run();
            return null;
        }).count();
    }

    public record Counted<T>(T result, Count count) {
    }

    public static synchronized <T> Counted<T> during(Supplier<T> action) {
        Recording recording = new Recording(Thread.currentThread());
        current = recording;
        try {
            T result = action.get();
            return new Counted<>(result, recording.count());
        } finally {
            current = null;
        }
    }

    private static final class Recording {
        final Thread thread;
        final List<String> statements = new ArrayList<>();
        final List<String> session = new ArrayList<>();
        int transactions;
        boolean inTransaction;
        boolean sentInTransaction;

        Recording(Thread thread) {
            this.thread = thread;
        }

        void statement(String sql) {
            if (sql.toLowerCase(Locale.ROOT).contains(SESSION_TABLES)) {
                session.add(sql);
            } else {
                statements.add(sql.replaceAll("\\s+", " "));
                if (inTransaction) {
                    sentInTransaction = true;
                } else {
                    transactions++; // a statement in auto-commit is a transaction of its own
                }
            }
        }

        void beginTransaction() {
            inTransaction = true;
            sentInTransaction = false;
        }

        /** A commit or rollback ends a transaction of the application when it sent anything (the session store's are not counted). */
        void endTransaction() {
            if (sentInTransaction) {
                transactions++;
            }
            inTransaction = false;
            sentInTransaction = false;
        }

        Count count() {
            return new Count(List.copyOf(statements), List.copyOf(session), transactions);
        }
    }
}
