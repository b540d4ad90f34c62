package ru.rsoko.results.signs;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.results.Subject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * ВПР results and re-checked works of one region written straight into procedure_result and recheck_work (the tables
 * are the results module's own, fixed by V22), on a ВПР procedure of each year's plan made for the test.
 */
public class ResultRows {

    private final JdbcTemplate jdbc;
    private final PlanFixtures plans;
    private final long regionId;
    private final Map<Integer, Long> procedures = new HashMap<>();

    public ResultRows(JdbcTemplate jdbc, PlanFixtures plans, long regionId) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.regionId = regionId;
    }

    /** The school's results in a subject and grade: participants are the sum of the marks «2»…«5». */
    public ResultRows add(int year, OrgUnit school, Subject subject, int grade, int mark2, int mark3, int mark4, int mark5) {
        return add(year, school, subject, grade, mark2, mark3, mark4, mark5, null, null, null);
    }

    public ResultRows add(int year, OrgUnit school, Subject subject, int grade, int mark2, int mark3, int mark4, int mark5,
                          Integer lowered, Integer confirmed, Integer raised) {
        jdbc.update("""
                        insert into procedure_result (procedure_id, procedure_type, region_id, municipality_id, school_id, year,
                            grade, subject, participants, mark2, mark3, mark4, mark5, lowered, confirmed, raised, updated_by)
                        values (?, 'VPR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')""",
                procedure(year), regionId, school.municipalityId(), school.id(), year, grade, subject.name(),
                mark2 + mark3 + mark4 + mark5, mark2, mark3, mark4, mark5, lowered, confirmed, raised);
        return this;
    }

    /** A re-check of the year's subject and grade with works of the school: each pair is {school mark, expert mark}. */
    public ResultRows recheck(int year, Subject subject, int grade, OrgUnit school, Integer[]... marks) {
        Long id = jdbc.queryForObject("""
                insert into recheck (region_id, procedure_id, year, subject, grade, sample_rule, schools_wanted,
                    works_per_school, seed, status, created_by)
                values (?, ?, ?, ?, ?, 'RANDOM', 1, ?, 1, 'OPEN', 'test') returning id""", Long.class,
                regionId, procedure(year), year, subject.name(), grade, Math.max(1, marks.length));
        int code = 1;
        for (Integer[] pair : marks) {
            jdbc.update("insert into recheck_work (recheck_id, school_id, municipality_id, code, school_mark, expert_mark)"
                    + " values (?, ?, ?, ?, ?, ?)", id, school.id(), school.municipalityId(), school.id() + "-" + code++,
                    pair[0], pair[1]);
        }
        return this;
    }

    private long procedure(int year) {
        return procedures.computeIfAbsent(year, y -> plans.vpr(plans.plan(regionId, y, true),
                LocalDate.of(y, 3, 15), LocalDate.of(y, 5, 20)).id());
    }

    static Integer[] work(Integer schoolMark, Integer expertMark) {
        return new Integer[]{schoolMark, expertMark};
    }
}
