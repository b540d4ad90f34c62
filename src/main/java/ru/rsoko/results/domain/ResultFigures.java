package ru.rsoko.results.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.results.ProcedureResults;
import ru.rsoko.results.Subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The face's reads: one statement for a school with its region beside. */
@Service
@Transactional(readOnly = true)
class ResultFigures implements ProcedureResults {

    private final JdbcTemplate jdbc;

    ResultFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SubjectYear> ofSchool(long schoolId, String procedureType, int fromYear, int toYear) {
        // the school's sums and, for the same region, year and subject, the region's; one statement
        String sql = """
                with mine as (
                    select region_id, year, subject, sum(participants) p, sum(mark2) m2, sum(mark3) m3, sum(mark4) m4,
                           sum(mark5) m5, sum(lowered) lo, sum(confirmed) co, sum(raised) ra
                      from procedure_result
                     where school_id = ? and procedure_type = ? and year between ? and ?
                     group by region_id, year, subject)
                select mine.*, r.p rp, r.m2 rm2, r.m3 rm3, r.m4 rm4, r.m5 rm5, r.lo rlo, r.co rco, r.ra rra
                  from mine
                  join lateral (
                    select sum(participants) p, sum(mark2) m2, sum(mark3) m3, sum(mark4) m4, sum(mark5) m5,
                           sum(lowered) lo, sum(confirmed) co, sum(raised) ra
                      from procedure_result x
                     where x.region_id = mine.region_id and x.procedure_type = ? and x.year = mine.year
                       and x.subject = mine.subject) r on true
                """;
        List<SubjectYear> rows = new ArrayList<>();
        jdbc.query(sql, rs -> {
            Subject subject = subject(rs.getString("subject"));
            if (subject != null) {
                rows.add(new SubjectYear(rs.getInt("year"), subject, marks(rs, ""), marks(rs, "r")));
            }
        }, schoolId, procedureType, fromYear, toYear, procedureType);
        rows.sort(Comparator.comparingInt(SubjectYear::year).thenComparing(SubjectYear::subject));
        return rows;
    }

    @Override
    public List<Integer> years(long regionId, String procedureType) {
        return jdbc.queryForList("select distinct year from procedure_result where region_id = ? and procedure_type = ?"
                + " order by year desc", Integer.class, regionId, procedureType);
    }

    static @Nullable Subject subject(String code) {
        try {
            return Subject.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Marks marks(ResultSet rs, String prefix) throws SQLException {
        return new Marks(rs.getLong(prefix + "p"), rs.getLong(prefix + "m2"), rs.getLong(prefix + "m3"),
                rs.getLong(prefix + "m4"), rs.getLong(prefix + "m5"), nullable(rs, prefix + "lo"),
                nullable(rs, prefix + "co"), nullable(rs, prefix + "ra"));
    }

    private static @Nullable Long nullable(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
