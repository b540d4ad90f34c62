package ru.rsoko.participation.domain;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region of 2,030 schools sends its ВПР participation through the API at once — 10,150 rows, grades 4–8 — and then
 * changes every row: each write is as many statements whatever the number of rows, with its history, and the times
 * are printed beside the raw statements that write the same rows (not asserted: the machine is shared).
 */
@Tag("heavy")
@IntegrationTest
class ParticipationBulkHeavyTest {

    static final int SCHOOLS = 2_030;

    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    ParticipationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void tenThousandRowsAreWrittenWithTheirHistoryInAFewStatements() {
        ParticipationTestRegion t = new ParticipationTestRegion(planFixtures, service, jdbc);
        long municipality = t.region.municipality().id(), region = t.region.region().id();
        List<Object[]> units = new ArrayList<>();
        int existing = jdbc.queryForObject("select count(*) from org_unit where region_id = ? and type = 'SCHOOL'",
                Integer.class, region);
        for (int s = existing; s < SCHOOLS; s++) {
            units.add(new Object[]{"МОУ «СОШ № " + s + "» (нагрузка)", municipality, region, municipality});
        }
        jdbc.batchUpdate("""
                insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                values (nextval('org_unit_id_seq'), 'SCHOOL', ?, ?, ?, ?)""", units);
        // the statistics autovacuum would gather on a real database after so many new rows
        jdbc.execute("analyze org_unit");
        List<Long> schools = jdbc.queryForList("select id from org_unit where region_id = ? and type = 'SCHOOL' order by id",
                Long.class, region);
        assertThat(schools).hasSize(SCHOOLS);

        List<ParticipationService.RowInput> rows = new ArrayList<>();
        for (long school : schools) {
            for (int grade = 4; grade <= 8; grade++) {
                rows.add(new ParticipationService.RowInput(school, grade, 20 + grade, 18 + grade % 3, grade % 2 == 0, null));
            }
        }
        long started = System.nanoTime();
        Saved created = service.saveRows(t.regionUser(), t.vpr.id(), rows);
        long createMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(created.created()).isEqualTo(10_150);

        jdbc.execute("analyze participation");
        jdbc.execute("analyze directory_grade_pupils");
        Map<String, Long> versions = jdbc.query("select school_id, grade, version from participation where procedure_id = ?",
                        (rs, n) -> Map.entry(rs.getLong(1) + "/" + rs.getInt(2), rs.getLong(3)), t.vpr.id())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<ParticipationService.RowInput> changed = rows.stream().map(r -> new ParticipationService.RowInput(
                r.schoolId(), r.grade(), r.pupils() + 1, r.participants() - 1, !r.observers(),
                versions.get(r.schoolId() + "/" + r.grade()))).toList();
        started = System.nanoTime();
        Saved updated = service.saveRows(t.regionUser(), t.vpr.id(), changed);
        long updateMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(updated.changed()).isEqualTo(10_150);
        assertThat(jdbc.queryForObject("select count(*) from participation_aud a join participation p on p.id = a.id "
                + "where p.procedure_id = ?", Long.class, t.vpr.id())).isEqualTo(2 * 10_150L);

        // the raw statements: the same rows into another procedure with their history, and the pupils of each grade
        // given back to the directory with theirs (the PUT writes both), nothing else, rolled back
        long other = planFixtures.vpr(t.plan, java.time.LocalDate.of(2021, 9, 15), java.time.LocalDate.of(2021, 10, 21)).id();
        Long[] s = new Long[rows.size()];
        Integer[] g = new Integer[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            s[i] = rows.get(i).schoolId();
            g[i] = rows.get(i).grade();
        }
        started = System.nanoTime();
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject("""
                    with rev as (insert into revinfo (revtstmp, username) values (now(), 'raw') returning rev),
                    w as (insert into participation (procedure_id, school_id, region_id, municipality_id, grade, pupils,
                                                     participants, observers, updated_at, updated_by)
                          select ?, t.s, ?, ?, t.g, 25, 20, true, now(), 'raw' from unnest(?::bigint[], ?::int[]) as t(s, g)
                          returning id, grade, pupils, participants, observers)
                    , a as (insert into participation_aud (id, rev, revtype, grade, pupils, participants, observers)
                            select w.id, rev.rev, 0, w.grade, w.pupils, w.participants, w.observers from w, rev)
                    , p as (insert into directory_grade_pupils (school_id, region_id, municipality_id, school_year, grade,
                                                               pupils, updated_at, updated_by)
                            select t.s, ?, ?, '2001-2002', t.g, 25, now(), 'raw' from unnest(?::bigint[], ?::int[]) as t(s, g)
                            returning id, school_id, school_year, grade, pupils)
                    , pa as (insert into directory_grade_pupils_aud (id, rev, revtype, school_id, school_year, grade, pupils)
                             select p.id, rev.rev, 0, p.school_id, p.school_year, p.grade, p.pupils from p, rev)
                    select count(*) from w""", Long.class, other, region, municipality, s, g, region, municipality, s, g);
            status.setRollbackOnly();
        });
        long rawMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("participation of %d rows: created %d ms, changed %d ms; raw insert with history "
                + "(participation and the directory's pupils) %d ms%n", rows.size(), createMillis, updateMillis, rawMillis);
    }
}
