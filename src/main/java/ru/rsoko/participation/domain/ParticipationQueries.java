package ru.rsoko.participation.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.participation.Coverage;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Procedure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads participation by SQL: the figures of every participating school in the scope in one query, the rows of a
 * school or of the whole scope. A procedure's participating schools are those its participants name — every active
 * school of the region, the active schools of chosen municipalities, or chosen schools — and any school that
 * already has a row. Who takes part comes from the plan's {@link Procedure} records, passed to the SQL as arrays;
 * organisations come from the directory's view {@code directory_org_unit}.
 */
@Component
class ParticipationQueries {

    /** A line of the template: a participating school's grade and what is stored for it, if anything. */
    record Line(long schoolId, String municipalityName, String schoolName, int grade, Integer pupils,
                Integer participants, Boolean observers, boolean pupilsFromDirectory) {

        /** A line without data with the directory's pupils of the grade, marked as such; any other line as it is. */
        Line prefilled(Integer directoryPupils) {
            return pupils != null || participants != null || directoryPupils == null ? this
                    : new Line(schoolId, municipalityName, schoolName, grade, directoryPupils, null, observers, true);
        }
    }

    /**
     * The participating schools of the procedures: {@code proc} and {@code chosen} are the procedures' participants as
     * the plan's records tell them (four array parameters), then the procedures' ids once more for the schools that
     * already have rows.
     */
    private static final String PARTICIPATING = """
            proc(procedure_id, region_id, participants) as (select * from unnest(?::bigint[], ?::bigint[], ?::text[])),
            chosen(procedure_id, org_unit_id) as (select * from unnest(?::bigint[], ?::bigint[])),
            sch as (
                select p.procedure_id, s.id as school_id
                from proc p
                join directory_org_unit s on s.type = 'SCHOOL' and s.region_id = p.region_id
                where (p.participants = 'ALL_SCHOOLS' and s.active)
                   or (p.participants = 'MUNICIPALITIES' and s.active and exists (select 1 from chosen c
                           where c.procedure_id = p.procedure_id and c.org_unit_id = s.municipality_id))
                   or (p.participants = 'SCHOOLS' and exists (select 1 from chosen c
                           where c.procedure_id = p.procedure_id and c.org_unit_id = s.id))
                union
                select procedure_id, school_id from participation where procedure_id = any(?))
            """;

    /** The arguments of {@link #PARTICIPATING} for the procedures. */
    private static List<Object> participating(Collection<Procedure> procedures) {
        List<Long> ids = new ArrayList<>();
        List<Long> regions = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<Long> chosenProcedures = new ArrayList<>();
        List<Long> chosenUnits = new ArrayList<>();
        for (Procedure p : procedures) {
            ids.add(p.id());
            regions.add(p.regionId());
            kinds.add(p.participants().name());
            if (p.participants() != Participants.ALL_SCHOOLS) {
                for (Long unit : p.participantIds()) {
                    chosenProcedures.add(p.id());
                    chosenUnits.add(unit);
                }
            }
        }
        Long[] procedureIds = ids.toArray(Long[]::new);
        return new ArrayList<>(List.of(procedureIds, regions.toArray(Long[]::new), kinds.toArray(String[]::new),
                chosenProcedures.toArray(Long[]::new), chosenUnits.toArray(Long[]::new), procedureIds));
    }

    private final JdbcTemplate jdbc;

    ParticipationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures of each participating school in the scope at each procedure, optionally of one municipality or one
     * school, ordered by municipality and school name.
     */
    List<Coverage.School> schools(Scope scope, List<Procedure> procedures, Long municipalityId, Long schoolId) {
        if (procedures.isEmpty()) {
            return List.of();
        }
        Map<Long, Procedure> byId = new HashMap<>();
        procedures.forEach(p -> byId.put(p.id(), p));
        List<Object> args = participating(byId.values());
        args.add(byId.keySet().toArray(Long[]::new));
        String where = scopeWhere(scope, args) + filters(municipalityId, schoolId, args);
        // the rows' sums per procedure and school are kept by the database (participation_tally, V17): read, not added up
        return jdbc.query("with " + PARTICIPATING + """
                        , sums as (
                            select t.procedure_id, t.school_id, t.pupils, t.participants, t.rows as n,
                                   array(select g from generate_series(1, 11) g where t.grade_bits & (1::bigint << g) <> 0) as grades,
                                   t.observer_rows = t.rows as observers
                            from participation_tally t where t.procedure_id = any(?) and t.rows > 0)
                        select sch.procedure_id, s.id, s.name, s.municipality_id, m.name,
                               coalesce(a.pupils, 0), coalesce(a.participants, 0), coalesce(a.n, 0),
                               coalesce(a.grades, '{}'::int[]), coalesce(a.observers, false)
                        from sch
                        join directory_org_unit s on s.id = sch.school_id
                        left join directory_org_unit m on m.id = s.municipality_id
                        left join sums a on a.procedure_id = sch.procedure_id and a.school_id = sch.school_id
                        where""" + where + """
                        order by m.name nulls first, s.name, s.id, sch.procedure_id""",
                (rs, i) -> {
                    Procedure procedure = byId.get(rs.getLong(1));
                    List<Integer> grades = procedure.gradeList();
                    List<Integer> present = ints(rs.getArray(9));
                    List<Integer> missing = grades.stream().filter(g -> !present.contains(g)).toList();
                    long rows = rs.getLong(8);
                    return new Coverage.School(procedure.id(), rs.getLong(2), rs.getString(3), nullableLong(rs, 4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7), (int) rows, missing, grades.size(),
                            rows > 0 && rs.getBoolean(10), procedure.coverageTarget());
                }, args.toArray());
    }

    /**
     * The sums of the stored rows of the procedures in the scope, the scope read from the directory as {@link #schools}
     * reads it: {rows, pupils, participants}. Every school with a row is a participating one, so these are the sums
     * {@link #schools} adds up, in one small query.
     */
    long[] totals(Scope scope, List<Procedure> procedures) {
        List<Object> args = new ArrayList<>();
        args.add(procedures.stream().map(Procedure::id).toArray(Long[]::new));
        String where = scopeWhere(scope, args);
        return jdbc.query("""
                select coalesce(sum(r.rows), 0), coalesce(sum(r.pupils), 0), coalesce(sum(r.participants), 0)
                from participation_tally r
                join directory_org_unit s on s.id = r.school_id
                where r.procedure_id = any(?) and""" + where, rs -> {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }, args.toArray());
    }

    /** The stored rows of the procedure in the scope, optionally of one school, by municipality, school and grade. */
    List<ParticipationRow> rows(Scope scope, long procedureId, Long schoolId) {
        List<Object> args = new ArrayList<>(List.of(procedureId));
        String where = scopeWhere(scope, args) + filters(null, schoolId, args);
        return jdbc.query("""
                        select r.id, s.id, s.name, s.municipality_id, m.name, r.grade, r.pupils, r.participants,
                               r.observers, r.version, r.updated_at, r.updated_by
                        from participation r
                        join directory_org_unit s on s.id = r.school_id
                        left join directory_org_unit m on m.id = s.municipality_id
                        where r.procedure_id = ? and""" + where + """
                        order by m.name nulls first, s.name, s.id, r.grade""",
                (rs, i) -> new ParticipationRow(rs.getLong(1), rs.getLong(2), rs.getString(3), nullableLong(rs, 4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getLong(10),
                        rs.getTimestamp(11).toInstant(), rs.getString(12)), args.toArray());
    }

    /** The template's lines: each participating school in the scope × each grade of the procedure. */
    void lines(Scope scope, Procedure procedure, Consumer<Line> sink) {
        List<Object> args = participating(List.of(procedure));
        args.add(procedure.gradeList().toArray(Integer[]::new));
        String where = scopeWhere(scope, args);
        jdbc.query("with " + PARTICIPATING + """
                        select s.id, m.name, s.name, g.grade, r.pupils, r.participants, r.observers
                        from sch
                        join directory_org_unit s on s.id = sch.school_id
                        left join directory_org_unit m on m.id = s.municipality_id
                        cross join unnest(?::int[]) as g(grade)
                        left join participation r on r.procedure_id = sch.procedure_id and r.school_id = s.id and r.grade = g.grade
                        where""" + where + """
                        order by m.name nulls first, s.name, s.id, g.grade""",
                (ResultSet rs) -> {
                    sink.accept(new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            (Integer) rs.getObject(5), (Integer) rs.getObject(6), (Boolean) rs.getObject(7), false));
                }, args.toArray());
    }

    /** The schools of the procedure in the scope that take part, by id: whom an upload may write for. */
    Map<Long, SchoolRef> participating(Scope scope, Procedure procedure) {
        List<Object> args = participating(List.of(procedure));
        String where = scopeWhere(scope, args);
        Map<Long, SchoolRef> schools = new HashMap<>();
        jdbc.query("with " + PARTICIPATING + """
                        select s.id, s.name, s.region_id, s.municipality_id from sch join directory_org_unit s on s.id = sch.school_id
                        where""" + where,
                (ResultSet rs) -> {
                    schools.put(rs.getLong(1), new SchoolRef(rs.getLong(1), rs.getString(2), rs.getLong(3), nullableLong(rs, 4)));
                }, args.toArray());
        return schools;
    }

    record SchoolRef(long id, String name, long regionId, Long municipalityId) {
    }

    private static String scopeWhere(Scope scope, List<Object> args) {
        return " " + scope.toSql("s.region_id", "s.municipality_id", "s.id", args) + " ";
    }

    private static String filters(Long municipalityId, Long schoolId, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (municipalityId != null) {
            sql.append(" and s.municipality_id = ? ");
            args.add(municipalityId);
        }
        if (schoolId != null) {
            sql.append(" and s.id = ? ");
            args.add(schoolId);
        }
        return sql.append(' ').toString();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
