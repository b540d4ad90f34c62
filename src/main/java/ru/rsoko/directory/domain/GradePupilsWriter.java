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
 * Writes pupils per grade set-based — one statement for the new figures and one for the rest, whatever their number —
 * and their history in the same statements: one Envers revision per write, one audit row per changed figure, as Envers
 * itself would have written them. Only figures that differ are
 * touched. With versions (the school's card, the API) the stored figures are locked and compared first, and a figure
 * someone else entered in the meantime is never overwritten: the whole write is refused with
 * {@link ConcurrentEditException}.
 */
@Component
class GradePupilsWriter {

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
        if (inserts.isEmpty() && upserts.isEmpty()) {
            return new Written(0, 0);
        }
        Timestamp now = Timestamp.from(clock.instant());
        // the write's revision, taken back below when nothing changed
        long rev = jdbc.queryForObject("insert into revinfo (revtstmp, username) values (?, ?) returning rev",
                Long.class, now, username);
        int created = 0, changed = 0;
        if (!inserts.isEmpty()) {
            int[] written = run(year, username, now, rev, inserts, false);
            if (written[0] != inserts.size()) {
                // someone else entered one of these figures after we read: never overwrite theirs
                throw new ConcurrentEditException();
            }
            created += written[0];
        }
        if (!upserts.isEmpty()) {
            int[] written = run(year, username, now, rev, upserts, true);
            created += written[0];
            changed += written[1];
        }
        if (created + changed == 0) {
            jdbc.update("delete from revinfo where rev = ?", rev);
        }
        return new Written(created, changed);
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

    /**
     * One statement for all the figures, writing their audit rows as it goes; returns how many it created and how many
     * it changed.
     */
    private int[] run(SchoolYear year, String username, Timestamp now, long rev, List<Write> rows, boolean update) {
        String conflict = update ? """
                on conflict (school_id, school_year, grade) do update set
                    pupils = excluded.pupils, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = old.version + 1
                where old.pupils is distinct from excluded.pupils
                """ : "on conflict (school_id, school_year, grade) do nothing\n";
        int[] counts = new int[2];
        String schoolYear = year.toString();
        jdbc.query((Connection con) -> {
            PreparedStatement ps = con.prepareStatement("""
                    with written as (
                        insert into directory_grade_pupils as old (school_id, region_id, municipality_id, school_year,
                                                                   grade, pupils, updated_at, updated_by)
                        select t.s, t.r, t.m, ?, t.g, t.p, ?, ?
                        from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::int[]) as t(s, r, m, g, p)
                    """ + conflict + """
                        returning id, (xmax = 0) as created, school_id, school_year, grade, pupils),
                    audit as (
                        insert into directory_grade_pupils_aud (id, rev, revtype, school_id, school_year, grade, pupils)
                        select id, ?, case when created then 0 else 1 end, school_id, school_year, grade, pupils
                        from written)
                    select count(*) filter (where created), count(*) filter (where not created) from written""");
            int n = rows.size();
            Object[][] columns = new Object[5][n];
            for (int i = 0; i < n; i++) {
                Write w = rows.get(i);
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
            ps.setLong(9, rev);
            return ps;
        }, rs -> {
            counts[0] = rs.getInt(1);
            counts[1] = rs.getInt(2);
        });
        return counts;
    }
}
