package ru.rsoko.directory.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.directory.SchoolYear;
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
 * Writes pupils per grade by batches — one upsert per {@value #BATCH} figures — and their history: one Envers revision
 * per write, one audit row per changed figure, as Envers itself would have written them. Only figures that differ are
 * touched. With versions (the school's card, the API) the stored figures are locked and compared first, and a figure
 * someone else entered in the meantime is never overwritten: the whole write is refused with
 * {@link ConcurrentEditException}.
 */
@Component
class GradePupilsWriter {

    static final int BATCH = 2_000;

    /** A figure to write; {@code version} is what the writer read (null: none yet), checked only when asked. */
    record Write(long schoolId, long regionId, Long municipalityId, int grade, int pupils, Long version) {

        long key() {
            return key(schoolId, grade);
        }

        static long key(long schoolId, int grade) {
            return schoolId * 16 + grade;
        }
    }

    /** What a write did: figures created and figures changed. */
    record Written(int created, int changed) {
        int total() {
            return created + changed;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    GradePupilsWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Written write(String username, SchoolYear year, List<Write> rows, boolean checkVersions) {
        if (rows.isEmpty()) {
            return new Written(0, 0);
        }
        List<Write> upserts = new ArrayList<>();
        List<Write> inserts = new ArrayList<>();
        if (checkVersions) {
            Map<Long, Long> stored = lockStored(year, rows);
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
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> audit = new ArrayList<>();
        int[] counts = new int[2];
        for (List<Write> batch : batches(inserts)) {
            if (run(year, username, now, batch, false, audit, counts) != batch.size()) {
                // someone else entered one of these figures after we read: never overwrite theirs
                throw new ConcurrentEditException();
            }
        }
        for (List<Write> batch : batches(upserts)) {
            run(year, username, now, batch, true, audit, counts);
        }
        if (!audit.isEmpty()) {
            Long rev = jdbc.queryForObject("insert into revinfo (revtstmp, username) values (?, ?) returning rev",
                    Long.class, now, username);
            jdbc.batchUpdate("insert into directory_grade_pupils_aud (id, rev, revtype, school_id, school_year, grade, pupils) "
                    + "values (?, " + rev + ", ?, ?, ?, ?, ?)", audit);
        }
        return new Written(counts[0], counts[1]);
    }

    /** The stored versions of the figures being written, locked until the end of the transaction. */
    private Map<Long, Long> lockStored(SchoolYear year, List<Write> rows) {
        Map<Long, Long> stored = new HashMap<>();
        Long[] schools = rows.stream().map(Write::schoolId).distinct().toArray(Long[]::new);
        jdbc.query("select school_id, grade, version from directory_grade_pupils where school_year = ? and school_id = any(?) "
                        + "order by id for update",
                rs -> {
                    stored.put(Write.key(rs.getLong(1), rs.getInt(2)), rs.getLong(3));
                }, year.toString(), schools);
        return stored;
    }

    private int run(SchoolYear year, String username, Timestamp now, List<Write> batch, boolean update,
                    List<Object[]> audit, int[] counts) {
        String conflict = update ? """
                on conflict (school_id, school_year, grade) do update set
                    pupils = excluded.pupils, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = old.version + 1
                where old.pupils is distinct from excluded.pupils
                """ : "on conflict (school_id, school_year, grade) do nothing\n";
        int[] written = {0};
        String schoolYear = year.toString();
        jdbc.query((Connection con) -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into directory_grade_pupils as old (school_id, region_id, municipality_id, school_year, grade,
                                                               pupils, updated_at, updated_by)
                    select t.s, t.r, t.m, ?, t.g, t.p, ?, ?
                    from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::int[]) as t(s, r, m, g, p)
                    """ + conflict + "returning id, (xmax = 0), school_id, grade, pupils");
            int n = batch.size();
            Object[][] columns = new Object[5][n];
            for (int i = 0; i < n; i++) {
                Write w = batch.get(i);
                columns[0][i] = w.schoolId();
                columns[1][i] = w.regionId();
                columns[2][i] = w.municipalityId();
                columns[3][i] = w.grade();
                columns[4][i] = w.pupils();
            }
            ps.setString(1, schoolYear);
            ps.setTimestamp(2, now);
            ps.setString(3, username);
            String[] types = {"bigint", "bigint", "bigint", "int4", "int4"};
            for (int c = 0; c < 5; c++) {
                ps.setArray(4 + c, con.createArrayOf(types[c], columns[c]));
            }
            return ps;
        }, rs -> {
            boolean inserted = rs.getBoolean(2);
            counts[inserted ? 0 : 1]++;
            written[0]++;
            audit.add(new Object[]{rs.getLong(1), inserted ? 0 : 1, rs.getLong(3), schoolYear, rs.getInt(4), rs.getInt(5)});
        });
        return written[0];
    }

    private static List<List<Write>> batches(List<Write> rows) {
        List<List<Write>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            batches.add(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return batches;
    }
}
