package ru.rsoko.results.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Procedure;
import ru.rsoko.results.ProcedureResults.Marks;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads results by SQL. A procedure's schools are those its participants name (every active school of the region, the
 * active schools of chosen municipalities, or chosen schools) and any school that already has a result; organisations
 * come from the directory's view {@code directory_org_unit}. Every read is one statement whatever the number of rows.
 */
@Component
class ResultQueries {

    private static final String PARTICIPATING = """
            chosen(org_unit_id) as (select * from unnest(?::bigint[])),
            sch as (
                select s.id as school_id
                from directory_org_unit s
                where s.type = 'SCHOOL' and s.region_id = ?
                  and ((? = 'ALL_SCHOOLS' and s.active)
                   or (? = 'MUNICIPALITIES' and s.active and s.municipality_id in (select org_unit_id from chosen))
                   or (? = 'SCHOOLS' and s.id in (select org_unit_id from chosen)))
                union
                select school_id from procedure_result where procedure_id = ?)
            """;

    private static List<Object> participating(Procedure p) {
        Long[] chosen = p.participants() == Participants.ALL_SCHOOLS ? new Long[0] : p.participantIds().toArray(Long[]::new);
        String kind = p.participants().name();
        return new ArrayList<>(List.of(chosen, p.regionId(), kind, kind, kind, p.id()));
    }

    /** A school results may be entered for. */
    record SchoolRef(long id, String name, long regionId, @Nullable Long municipalityId, @Nullable String municipalityName) {
    }

    /** A line of the template: a school's grade and subject with what is stored, if anything. */
    record Line(long schoolId, @Nullable String municipalityName, String schoolName, int grade, String subject,
                @Nullable Integer participants, @Nullable Integer mark2, @Nullable Integer mark3, @Nullable Integer mark4,
                @Nullable Integer mark5, @Nullable BigDecimal meanScore, @Nullable Integer lowered,
                @Nullable Integer confirmed, @Nullable Integer raised) {
    }

    /** Marks of an organisation (school, municipality or the region) in a subject and grade. */
    record Figures(long orgId, String orgName, @Nullable Long municipalityId, @Nullable String municipalityName,
                   String subject, int grade, Marks marks, @Nullable Marks region) {
    }

    /** A school's marks of a year's procedure in a subject and grade, with the region's beside. */
    record SchoolYearFigures(int year, long procedureId, String subject, int grade, Marks marks, Marks region) {
    }

    private final JdbcTemplate jdbc;

    ResultQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, SchoolRef> participating(Scope scope, Procedure procedure) {
        List<Object> args = participating(procedure);
        String where = scope.toSql("s.region_id", "s.municipality_id", "s.id", args);
        Map<Long, SchoolRef> schools = new HashMap<>();
        jdbc.query("with " + PARTICIPATING + """
                        select s.id, s.name, s.region_id, s.municipality_id, m.name
                        from sch join directory_org_unit s on s.id = sch.school_id
                        left join directory_org_unit m on m.id = s.municipality_id
                        where""" + " " + where,
                (ResultSet rs) -> {
                    schools.put(rs.getLong(1), new SchoolRef(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            nullableLong(rs, 4), rs.getString(5)));
                }, args.toArray());
        return schools;
    }

    /** The template's lines: each school in the scope × each grade × each subject, with what is stored. */
    void lines(Scope scope, Procedure procedure, List<String> subjects, Consumer<Line> sink) {
        List<Object> args = participating(procedure);
        String[] subjectCodes = subjects.toArray(String[]::new);
        args.add(procedure.gradeList().toArray(Integer[]::new));
        args.add(subjectCodes);
        args.add(procedure.id());
        args.add(subjectCodes);
        args.add(procedure.id());
        String where = scope.toSql("s.region_id", "s.municipality_id", "s.id", args);
        jdbc.query("with " + PARTICIPATING + """
                        , lines as (
                            select sch.school_id, g.grade, j.subject
                            from sch cross join unnest(?::int[]) g(grade) cross join unnest(?::text[]) j(subject)
                            union
                            select school_id, grade, subject from procedure_result where procedure_id = ?)
                        select s.id, m.name, s.name, l.grade, l.subject, r.participants, r.mark2, r.mark3, r.mark4, r.mark5,
                               r.mean_score, r.lowered, r.confirmed, r.raised, array_position(?::text[], l.subject) as pos
                        from lines l
                        join directory_org_unit s on s.id = l.school_id
                        left join directory_org_unit m on m.id = s.municipality_id
                        left join procedure_result r on r.procedure_id = ? and r.school_id = l.school_id
                             and r.grade = l.grade and r.subject = l.subject
                        where""" + " " + where + " order by m.name nulls first, s.name, s.id, l.grade, pos nulls last, l.subject",
                (ResultSet rs) -> {
                    sink.accept(new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            (Integer) rs.getObject(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8),
                            (Integer) rs.getObject(9), (Integer) rs.getObject(10), rs.getBigDecimal(11),
                            (Integer) rs.getObject(12), (Integer) rs.getObject(13), (Integer) rs.getObject(14)));
                }, args.toArray());
    }

    /**
     * The procedure's results summed per organisation, subject and grade: {@code by} is school, municipality or region;
     * school and municipality rows are limited to the scope, the region's are the region's. Region's figures beside
     * each row. Optional filters: subject, grade, municipality; {@code limit}/{@code offset} page school rows.
     */
    List<Figures> figures(Scope scope, long procedureId, String by, @Nullable String subject, @Nullable Integer grade,
                          @Nullable Long municipalityId, @Nullable Long schoolId, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        StringBuilder filter = new StringBuilder(" r.procedure_id = ?");
        args.add(procedureId);
        subjectAndGrade(filter, args, subject, grade);
        List<Object> regionArgs = new ArrayList<>(args);
        if (!by.equals("region")) {
            filter.append(" and ").append(scope.toSql("r.region_id", "r.municipality_id", "r.school_id", args));
        }
        if (municipalityId != null) {
            filter.append(" and r.municipality_id = ?");
            args.add(municipalityId);
        }
        if (schoolId != null) {
            filter.append(" and r.school_id = ?");
            args.add(schoolId);
        }
        String group = switch (by) {
            case "school" -> "r.school_id";
            case "municipality" -> "r.municipality_id";
            default -> "r.region_id";
        };
        String sums = """
                sum(r.participants) p, sum(r.mark2) m2, sum(r.mark3) m3, sum(r.mark4) m4, sum(r.mark5) m5,
                sum(r.lowered) lo, sum(r.confirmed) co, sum(r.raised) ra""";
        String sql = "with mine as (select " + group + " as org_id, r.subject, r.grade, " + sums
                + " from procedure_result r where" + filter + " group by " + group + ", r.subject, r.grade),"
                + " reg as (select r.subject, r.grade, sum(r.participants) rp, sum(r.mark2) rm2, sum(r.mark3) rm3,"
                + " sum(r.mark4) rm4, sum(r.mark5) rm5, sum(r.lowered) rlo, sum(r.confirmed) rco, sum(r.raised) rra"
                + " from procedure_result r where r.procedure_id = ?" + (subject != null ? " and r.subject = ?" : "")
                + (grade != null ? " and r.grade = ?" : "") + " group by r.subject, r.grade)"
                + " select mine.*, reg.*, o.name org_name, o.municipality_id mun_id, m.name mun_name,"
                + " array_position(?::text[], mine.subject) pos"
                + " from mine join reg on reg.subject = mine.subject and reg.grade = mine.grade"
                + " left join directory_org_unit o on o.id = mine.org_id"
                + " left join directory_org_unit m on m.id = o.municipality_id"
                + " order by m.name nulls first, o.name, mine.org_id, pos nulls last, mine.subject, mine.grade"
                + " limit ? offset ?";
        args.addAll(regionArgs);
        args.add(SUBJECT_ORDER);
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql, (rs, i) -> new Figures(rs.getLong("org_id"), rs.getString("org_name"),
                by.equals("school") ? nullableLong(rs, "mun_id") : null, by.equals("school") ? rs.getString("mun_name") : null,
                rs.getString("subject"), rs.getInt("grade"), marks(rs, ""), marks(rs, "r")), args.toArray());
    }

    /**
     * Year over year: the scope's sums (the user's scope, narrowed to a municipality when asked) per year, subject and
     * grade of a procedure type in the region, with the region's beside; one statement, newest year first.
     */
    List<YearFigures> yearly(Scope scope, long regionId, String procedureType, @Nullable String subject,
                             @Nullable Integer grade, @Nullable Long municipalityId) {
        List<Object> args = new ArrayList<>();
        String mine = scope.toSql("r.region_id", "r.municipality_id", "r.school_id", args);
        if (municipalityId != null) {
            mine = "(" + mine + ") and r.municipality_id = ?";
            args.add(municipalityId);
        }
        StringBuilder filter = new StringBuilder(" r.region_id = ? and r.procedure_type = ?");
        args.add(regionId);
        args.add(procedureType);
        subjectAndGrade(filter, args, subject, grade);
        args.add(SUBJECT_ORDER);
        String sql = "with x as (select r.*, coalesce(" + mine + ", false) as mine from procedure_result r where" + filter + ")"
                + " select year, subject, grade,"
                + " sum(participants) filter (where mine) p, sum(mark2) filter (where mine) m2,"
                + " sum(mark3) filter (where mine) m3, sum(mark4) filter (where mine) m4, sum(mark5) filter (where mine) m5,"
                + " sum(lowered) filter (where mine) lo, sum(confirmed) filter (where mine) co,"
                + " sum(raised) filter (where mine) ra,"
                + " sum(participants) rp, sum(mark2) rm2, sum(mark3) rm3, sum(mark4) rm4, sum(mark5) rm5,"
                + " sum(lowered) rlo, sum(confirmed) rco, sum(raised) rra"
                + " from x group by year, subject, grade having bool_or(mine)"
                + " order by year desc, array_position(?::text[], subject) nulls last, subject, grade";
        return jdbc.query(sql, (rs, i) -> new YearFigures(rs.getInt("year"), rs.getString("subject"), rs.getInt("grade"),
                marks(rs, ""), marks(rs, "r")), args.toArray());
    }

    record YearFigures(int year, String subject, int grade, Marks marks, Marks region) {
    }

    /** How many school rows {@link #figures} would give without paging. */
    long count(Scope scope, long procedureId, @Nullable String subject, @Nullable Integer grade,
               @Nullable Long municipalityId) {
        List<Object> args = new ArrayList<>();
        StringBuilder filter = new StringBuilder(" r.procedure_id = ?");
        args.add(procedureId);
        subjectAndGrade(filter, args, subject, grade);
        filter.append(" and ").append(scope.toSql("r.region_id", "r.municipality_id", "r.school_id", args));
        if (municipalityId != null) {
            filter.append(" and r.municipality_id = ?");
            args.add(municipalityId);
        }
        Long n = jdbc.queryForObject("select count(*) from procedure_result r where" + filter, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** The optional subject and grade filters every report of a procedure takes, appended with their arguments. */
    private static void subjectAndGrade(StringBuilder filter, List<Object> args, @Nullable String subject,
                                        @Nullable Integer grade) {
        if (subject != null) {
            filter.append(" and r.subject = ?");
            args.add(subject);
        }
        if (grade != null) {
            filter.append(" and r.grade = ?");
            args.add(grade);
        }
    }

    /** A school's results of a procedure type, every year, per subject and grade, with the region's beside. */
    List<SchoolYearFigures> school(long schoolId, String procedureType) {
        return jdbc.query("""
                        select r.year, r.procedure_id, r.subject, r.grade, r.participants p, r.mark2 m2, r.mark3 m3,
                               r.mark4 m4, r.mark5 m5, r.lowered lo, r.confirmed co, r.raised ra,
                               g.rp, g.rm2, g.rm3, g.rm4, g.rm5, g.rlo, g.rco, g.rra,
                               array_position(?::text[], r.subject) pos
                        from procedure_result r
                        join lateral (select sum(x.participants) rp, sum(x.mark2) rm2, sum(x.mark3) rm3, sum(x.mark4) rm4,
                                             sum(x.mark5) rm5, sum(x.lowered) rlo, sum(x.confirmed) rco, sum(x.raised) rra
                                      from procedure_result x
                                      where x.procedure_id = r.procedure_id and x.subject = r.subject and x.grade = r.grade) g on true
                        where r.school_id = ? and r.procedure_type = ?
                        order by r.year desc, pos nulls last, r.subject, r.grade""",
                (rs, i) -> new SchoolYearFigures(rs.getInt("year"), rs.getLong("procedure_id"), rs.getString("subject"),
                        rs.getInt("grade"), marks(rs, ""), marks(rs, "r")), SUBJECT_ORDER, schoolId, procedureType);
    }

    /** The school's results: {id, year}. */
    List<long[]> resultIds(long schoolId) {
        return jdbc.query("select id, year from procedure_result where school_id = ?",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}, schoolId);
    }

    /** The procedures that have results, with their years: {procedure id → year}. */
    Map<Long, Integer> procedures(@Nullable Long regionId) {
        Map<Long, Integer> found = new HashMap<>();
        jdbc.query("select procedure_id, min(year) from procedure_result" + (regionId == null ? "" : " where region_id = ?")
                        + " group by procedure_id",
                (ResultSet rs) -> {
                    found.put(rs.getLong(1), rs.getInt(2));
                }, regionId == null ? new Object[0] : new Object[]{regionId});
        return found;
    }

    /** The subjects and grades a procedure has results in, as «SUBJECT:grade». */
    List<String[]> subjectsAndGrades(long procedureId) {
        return jdbc.query("select distinct subject, grade, array_position(?::text[], subject) pos from procedure_result"
                        + " where procedure_id = ? order by pos nulls last, subject, grade",
                (rs, i) -> new String[]{rs.getString(1), String.valueOf(rs.getInt(2))}, SUBJECT_ORDER, procedureId);
    }

    static final String[] SUBJECT_ORDER = java.util.Arrays.stream(ru.rsoko.results.Subject.values())
            .map(Enum::name).toArray(String[]::new);

    static Marks marks(ResultSet rs, String prefix) throws SQLException {
        return new Marks(rs.getLong(prefix + "p"), rs.getLong(prefix + "m2"), rs.getLong(prefix + "m3"),
                rs.getLong(prefix + "m4"), rs.getLong(prefix + "m5"), nullableLong(rs, prefix + "lo"),
                nullableLong(rs, prefix + "co"), nullableLong(rs, prefix + "ra"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
