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
        return ofSchools(List.of(schoolId), procedureType, fromYear, toYear).getOrDefault(schoolId, List.of());
    }

    @Override
    public java.util.Map<Long, List<SubjectYear>> ofSchools(java.util.Collection<Long> schoolIds, String procedureType,
                                                            int fromYear, int toYear) {
        java.util.Map<Long, List<SubjectYear>> bySchool = new java.util.HashMap<>();
        if (schoolIds.isEmpty()) {
            return bySchool;
        }
        // the schools' sums and, for each region, year and subject they have, the region's; one statement
        String sql = """
                with mine as (
                    select school_id, region_id, year, subject, sum(participants) p, sum(mark2) m2, sum(mark3) m3,
                           sum(mark4) m4, sum(mark5) m5, sum(lowered) lo, sum(confirmed) co, sum(raised) ra
                      from procedure_result
                     where school_id = any (?) and procedure_type = ? and year between ? and ?
                     group by school_id, region_id, year, subject),
                region as (
                    select x.region_id, x.year, x.subject, sum(participants) p, sum(mark2) m2, sum(mark3) m3,
                           sum(mark4) m4, sum(mark5) m5, sum(lowered) lo, sum(confirmed) co, sum(raised) ra
                      from procedure_result x
                     where x.procedure_type = ?
                       and (x.region_id, x.year, x.subject) in (select distinct region_id, year, subject from mine)
                     group by x.region_id, x.year, x.subject)
                select mine.*, r.p rp, r.m2 rm2, r.m3 rm3, r.m4 rm4, r.m5 rm5, r.lo rlo, r.co rco, r.ra rra
                  from mine
                  join region r on r.region_id = mine.region_id and r.year = mine.year and r.subject = mine.subject
                """;
        jdbc.query(sql, rs -> {
            Subject subject = subject(rs.getString("subject"));
            if (subject != null) {
                bySchool.computeIfAbsent(rs.getLong("school_id"), k -> new ArrayList<>())
                        .add(new SubjectYear(rs.getInt("year"), subject, marks(rs, ""), marks(rs, "r")));
            }
        }, schoolIds.toArray(Long[]::new), procedureType, fromYear, toYear, procedureType);
        bySchool.values().forEach(rows -> rows.sort(
                Comparator.comparingInt(SubjectYear::year).thenComparing(SubjectYear::subject)));
        return bySchool;
    }

    @Override
    public List<Integer> years(long regionId, String procedureType) {
        return jdbc.queryForList("select distinct year from procedure_result where region_id = ? and procedure_type = ?"
                + " order by year desc", Integer.class, regionId, procedureType);
    }

    @Override
    public java.util.Optional<Distribution> latest(long regionId, @Nullable Long municipalityId, String procedureType) {
        // one statement: the latest year, the region's sums per subject and the municipality's beside
        List<SubjectMarks> rows = new ArrayList<>();
        int[] year = {0};
        jdbc.query("""
                with y as (select max(year) y from procedure_result where region_id = ? and procedure_type = ?)
                select r.year, r.subject,
                       sum(r.participants) filter (where ?::bigint is null or r.municipality_id = ?::bigint) p,
                       sum(r.mark2) filter (where ?::bigint is null or r.municipality_id = ?::bigint) m2,
                       sum(r.mark3) filter (where ?::bigint is null or r.municipality_id = ?::bigint) m3,
                       sum(r.mark4) filter (where ?::bigint is null or r.municipality_id = ?::bigint) m4,
                       sum(r.mark5) filter (where ?::bigint is null or r.municipality_id = ?::bigint) m5,
                       sum(r.lowered) filter (where ?::bigint is null or r.municipality_id = ?::bigint) lo,
                       sum(r.confirmed) filter (where ?::bigint is null or r.municipality_id = ?::bigint) co,
                       sum(r.raised) filter (where ?::bigint is null or r.municipality_id = ?::bigint) ra,
                       sum(r.participants) rp, sum(r.mark2) rm2, sum(r.mark3) rm3, sum(r.mark4) rm4, sum(r.mark5) rm5,
                       sum(r.lowered) rlo, sum(r.confirmed) rco, sum(r.raised) rra
                  from procedure_result r join y on r.year = y.y
                 where r.region_id = ? and r.procedure_type = ?
                 group by r.year, r.subject
                """, rs -> {
            Subject subject = subject(rs.getString("subject"));
            if (subject != null) {
                year[0] = rs.getInt("year");
                rows.add(new SubjectMarks(subject, marks(rs, ""), marks(rs, "r")));
            }
        }, regionId, procedureType, municipalityId, municipalityId, municipalityId, municipalityId, municipalityId,
                municipalityId, municipalityId, municipalityId, municipalityId, municipalityId, municipalityId,
                municipalityId, municipalityId, municipalityId, municipalityId, municipalityId, regionId, procedureType);
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        rows.sort(Comparator.comparing(SubjectMarks::subject));
        return java.util.Optional.of(new Distribution(year[0], rows));
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
