package ru.rsoko.participation.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.platform.web.ConcurrentEditException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes participation rows set-based — one statement for the new rows and one for the rest, whatever their number —
 * and their history in the same statements: one Envers revision per write, one audit row per changed row, as Envers
 * itself would have written them. Only rows whose figures differ are touched. With versions (the form, the API) the
 * stored rows are locked and compared first, and a row someone else created in the meantime is never overwritten:
 * either way the whole write is refused with {@link ConcurrentEditException}.
 */
@Component
class ParticipationWriter {

    /** A row to write; {@code version} is what the writer read (null: a new row), checked only when asked. */
    record Write(long schoolId, long regionId, Long municipalityId, int grade, int pupils, int participants,
                 boolean observers, Long version) {

        long key() {
            return key(schoolId, grade);
        }

        static long key(long schoolId, int grade) {
            return schoolId * 16 + grade;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ParticipationWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Saved write(String username, long procedureId, List<Write> rows, boolean checkVersions) {
        return write(username, procedureId, rows, checkVersions, new HashMap<>());
    }

    /**
     * As {@link #write(String, long, List, boolean)}; with versions, also puts the pupils stored before the write into
     * {@code pupilsBefore} (by {@link Write#key}), read with the versions instead of once more.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Saved write(String username, long procedureId, List<Write> rows, boolean checkVersions, Map<Long, Integer> pupilsBefore) {
        List<Write> upserts = new ArrayList<>();
        List<Write> inserts = new ArrayList<>();
        if (checkVersions) {
            Map<Long, Long> stored = lockStored(procedureId, rows, pupilsBefore);
            for (Write row : rows) {
                Long version = stored.get(row.key());
                if (version == null && row.version() != null || version != null && !version.equals(row.version())) {
                    throw new ConcurrentEditException();
                }
                (version == null ? inserts : upserts).add(row);
            }
        } else {
            upserts.addAll(rows);
        }
        if (inserts.isEmpty() && upserts.isEmpty()) {
            return new Saved(0, 0);
        }
        Timestamp now = Timestamp.from(clock.instant());
        // the write's revision, taken back below when nothing changed
        long rev = jdbc.queryForObject("insert into revinfo (revtstmp, username) values (?, ?) returning rev",
                Long.class, now, username);
        int[] counts = new int[2];
        if (!inserts.isEmpty()) {
            int[] written = run(procedureId, username, now, rev, inserts, false);
            if (written[0] != inserts.size()) {
                // someone else created one of these rows after we read: never overwrite theirs
                throw new ConcurrentEditException();
            }
            counts[0] += written[0];
        }
        if (!upserts.isEmpty()) {
            int[] written = run(procedureId, username, now, rev, upserts, true);
            counts[0] += written[0];
            counts[1] += written[1];
        }
        if (counts[0] + counts[1] == 0) {
            jdbc.update("delete from revinfo where rev = ?", rev);
        }
        return new Saved(counts[0], counts[1]);
    }

    /** The stored versions of the rows being written, locked until the end of the transaction, and their pupils. */
    private Map<Long, Long> lockStored(long procedureId, List<Write> rows, Map<Long, Integer> pupils) {
        Map<Long, Long> stored = new HashMap<>();
        Long[] schools = rows.stream().map(Write::schoolId).distinct().toArray(Long[]::new);
        jdbc.query("select school_id, grade, version, pupils from participation where procedure_id = ? and school_id = any(?) "
                        + "order by id for update",
                rs -> {
                    long key = Write.key(rs.getLong(1), rs.getInt(2));
                    stored.put(key, rs.getLong(3));
                    pupils.put(key, rs.getInt(4));
                }, procedureId, schools);
        return stored;
    }

    /**
     * One statement for all the rows, writing their audit rows as it goes; returns how many rows it created and how
     * many it changed.
     */
    private int[] run(long procedureId, String username, Timestamp now, long rev, List<Write> rows, boolean update) {
        String conflict = update ? """
                on conflict (procedure_id, school_id, grade) do update set
                    pupils = excluded.pupils, participants = excluded.participants, observers = excluded.observers,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = old.version + 1
                where (old.pupils, old.participants, old.observers)
                      is distinct from (excluded.pupils, excluded.participants, excluded.observers)
                """ : "on conflict (procedure_id, school_id, grade) do nothing\n";
        int[] counts = new int[2];
        jdbc.query((Connection con) -> {
            PreparedStatement ps = con.prepareStatement("""
                    with written as (
                        insert into participation as old (procedure_id, school_id, region_id, municipality_id, grade,
                                                          pupils, participants, observers, updated_at, updated_by)
                        select ?, t.s, t.r, t.m, t.g, t.p, t.n, t.o, ?, ?
                        from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::boolean[])
                             as t(s, r, m, g, p, n, o)
                    """ + conflict + """
                        returning id, (xmax = 0) as created, grade, pupils, participants, observers),
                    audit as (
                        insert into participation_aud (id, rev, revtype, grade, pupils, participants, observers)
                        select id, ?, case when created then 0 else 1 end, grade, pupils, participants, observers
                        from written)
                    select count(*) filter (where created), count(*) filter (where not created) from written""");
            int n = rows.size();
            Object[][] columns = new Object[7][n];
            for (int i = 0; i < n; i++) {
                Write w = rows.get(i);
                columns[0][i] = w.schoolId();
                columns[1][i] = w.regionId();
                columns[2][i] = w.municipalityId();
                columns[3][i] = w.grade();
                columns[4][i] = w.pupils();
                columns[5][i] = w.participants();
                columns[6][i] = w.observers();
            }
            ps.setLong(1, procedureId);
            ps.setTimestamp(2, now);
            ps.setString(3, username);
            String[] types = {"bigint", "bigint", "bigint", "int4", "int4", "int4", "bool"};
            for (int c = 0; c < 7; c++) {
                ps.setArray(4 + c, con.createArrayOf(types[c], columns[c]));
            }
            ps.setLong(11, rev);
            return ps;
        }, rs -> {
            counts[0] = rs.getInt(1);
            counts[1] = rs.getInt(2);
        });
        return counts;
    }
}
