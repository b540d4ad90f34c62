package ru.rsoko.results.signs;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.results.ProcedureResults;
import ru.rsoko.results.ProcedureResults.Marks;
import ru.rsoko.results.Subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reads of the rules: a region's ВПР results summed per school, one bounded statement each. */
@Component
class VprRows {

    /** A school's marks of a year in one subject and grade (grade 0: all grades of the subject summed). */
    record SchoolMarks(long schoolId, @Nullable Long municipalityId, int year, Subject subject, int grade, Marks marks) {
    }

    /** A school with its name and municipality as the pages show them. */
    record School(long id, String name, @Nullable Long municipalityId, @Nullable String municipalityName) {
    }

    /** Re-checked works of a school in a subject and grade that have both marks, and how many of them differ. */
    record Rechecked(long schoolId, Subject subject, int grade, long works, long differing) {
    }

    private final JdbcTemplate jdbc;

    VprRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every school's ВПР marks of the years per subject and grade ({@code byGrade}) or per subject over all grades. */
    List<SchoolMarks> marks(long regionId, int fromYear, int toYear, boolean byGrade) {
        String grade = byGrade ? "r.grade" : "0";
        return jdbc.query("select r.school_id, min(r.municipality_id), r.year, r.subject, " + grade + ","
                        + " sum(r.participants), sum(r.mark2), sum(r.mark3), sum(r.mark4), sum(r.mark5),"
                        + " sum(r.lowered), sum(r.confirmed), sum(r.raised)"
                        + " from procedure_result r where r.region_id = ? and r.procedure_type = ? and r.year between ? and ?"
                        + " group by r.school_id, r.year, r.subject" + (byGrade ? ", r.grade" : "")
                        + " order by r.school_id, r.year, r.subject" + (byGrade ? ", r.grade" : ""),
                VprRows::schoolMarks, regionId, ProcedureResults.VPR, fromYear, toYear)
                .stream().filter(m -> m.subject() != null).toList();
    }

    List<Rechecked> rechecked(long regionId, int year) {
        return jdbc.query("""
                        select w.school_id, c.subject, c.grade, count(*),
                               count(*) filter (where w.school_mark <> w.expert_mark)
                        from recheck c join recheck_work w on w.recheck_id = c.id
                        where c.region_id = ? and c.year = ? and w.school_mark is not null and w.expert_mark is not null
                        group by w.school_id, c.subject, c.grade""",
                (rs, i) -> {
                    Subject s = subject(rs.getString(2));
                    return s == null ? null : new Rechecked(rs.getLong(1), s, rs.getInt(3), rs.getLong(4), rs.getLong(5));
                }, regionId, year).stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The years with ВПР results in the region, newest first. */
    List<Integer> years(long regionId) {
        return jdbc.queryForList("select distinct year from procedure_result where region_id = ? and procedure_type = ?"
                + " order by 1 desc", Integer.class, regionId, ProcedureResults.VPR);
    }

    Map<Long, School> schools(Collection<Long> ids) {
        Map<Long, School> schools = new HashMap<>();
        if (ids.isEmpty()) {
            return schools;
        }
        jdbc.query("""
                select s.id, s.name, s.municipality_id, m.display_name
                from directory_org_unit s left join directory_org_unit m on m.id = s.municipality_id
                where s.id = any(?)""", rs -> {
            schools.put(rs.getLong(1), new School(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                    rs.getString(4)));
        }, (Object) ids.toArray(Long[]::new));
        return schools;
    }

    private static @Nullable SchoolMarks schoolMarks(ResultSet rs, int i) throws SQLException {
        Marks marks = new Marks(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getObject(11, Long.class), rs.getObject(12, Long.class), rs.getObject(13, Long.class));
        return new SchoolMarks(rs.getLong(1), rs.getObject(2, Long.class), rs.getInt(3), subject(rs.getString(4)),
                rs.getInt(5), marks);
    }

    private static @Nullable Subject subject(String code) {
        try {
            return Subject.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
