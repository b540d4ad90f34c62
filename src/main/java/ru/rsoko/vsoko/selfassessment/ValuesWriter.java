package ru.rsoko.vsoko.selfassessment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import ru.rsoko.platform.database.CopyRows;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an upload's values chunk by chunk while the rest of the workbook is still being read: reading and checking
 * a region's file is the application's CPU, the upsert is the database's, and on two cores they overlap (189,000
 * values: about 4 s of reading beside 5–7 s of writing, one after the other before).
 * <p>
 * The chunks go, one after another, through the connection of the caller's transaction (held by the caller's thread,
 * used by one writing thread in turn), so they commit or roll back together: an error found later in the file still
 * writes nothing. While a chunk is written the caller must not use the database; {@link #idle()} waits for it. Each
 * chunk is copied into a temporary table and upserted with one statement, which changes only what differs, so the
 * direction scores' statement triggers run once a chunk. An expert's correction keeps its points; an empty value
 * keeps the stored one and its points.
 */
final class ValuesWriter implements AutoCloseable {

    static final String UPSERT = """
            with written as (
                insert into vsoko_value as old (submission_id, indicator_id, value, evidence_url, points, updated_at, updated_by)
                select t.submission_id, t.indicator_id, t.value, t.evidence_url, t.points, ?, ?
                from vsoko_value_upload t
                on conflict (submission_id, indicator_id) do update set
                    value = coalesce(excluded.value, old.value),
                    evidence_url = coalesce(excluded.evidence_url, old.evidence_url),
                    points = case when old.expert_value is not null or excluded.value is null then old.points
                                  else excluded.points end,
                    updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by,
                    prefilled_from = case when excluded.value is not null then null else old.prefilled_from end,
                    version = old.version + 1
                where (excluded.value is not null and old.value is distinct from excluded.value)
                   or (excluded.evidence_url is not null and old.evidence_url is distinct from excluded.evidence_url)
                   or (excluded.value is not null and old.prefilled_from is not null)
                returning submission_id)
            select submission_id, count(*) from written group by submission_id""";

    /** Rows of a chunk: enough that the statement triggers run a few times, few enough that the last one is short. */
    static final int CHUNK = 25_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Connection connection;
    private final Timestamp at;
    private final String username;
    private final ExecutorService thread;
    private final Map<Long, Integer> changed = new HashMap<>();
    private Future<?> last;
    private boolean prepared;

    /** On the connection of the current transaction (the caller's thread must be in one). */
    ValuesWriter(JdbcTemplate jdbc, Timestamp at, String username) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.connection = DataSourceUtils.getConnection(dataSource);
        this.at = at;
        this.username = username;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "values-upload");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes the rows after those handed over before; returns at once. A failure is thrown by the next call. */
    void write(CopyRows rows) {
        if (rows.rows() == 0) {
            return;
        }
        idle();
        last = thread.submit(() -> {
            upsert(rows);
            return null;
        });
    }

    /** Waits until the chunk being written is written; throws its failure. */
    void idle() {
        if (last == null) {
            return;
        }
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Запись значений прервана", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw jdbc.getExceptionTranslator().translate("запись значений ВСОКО", UPSERT, sql);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } finally {
            last = null;
        }
    }

    /** Waits for the last chunk; how many values of each submission changed. */
    Map<Long, Integer> finish() {
        idle();
        return changed;
    }

    private void upsert(CopyRows rows) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (!prepared) {
                st.execute("""
                        create temporary table if not exists vsoko_value_upload (submission_id bigint, indicator_id bigint,
                            value numeric, evidence_url varchar, points numeric) on commit drop""");
                prepared = true;
            }
            st.execute("truncate vsoko_value_upload");
        }
        rows.into(connection, "vsoko_value_upload", "submission_id, indicator_id, value, evidence_url, points");
        try (PreparedStatement st = connection.prepareStatement(UPSERT)) {
            st.setTimestamp(1, at);
            st.setString(2, username);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    changed.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
                }
            }
        }
    }

    /** Waits for a chunk still being written (its failure no longer matters: the caller is failing) and lets go. */
    @Override
    public void close() {
        try {
            if (last != null) {
                try {
                    last.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // the caller reports its own failure; the transaction rolls back either way
                }
            }
        } finally {
            thread.shutdownNow();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
