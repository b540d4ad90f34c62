package ru.rsoko.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.Scope;
import ru.rsoko.dashboard.domain.Summaries;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures the database keeps (V9, V17) equal what a rebuild counts afresh from the records: after the demo's
 * loading and whatever the other tests wrote, after every kind of write (insert, update, delete, one row or many in
 * one statement), after the pairing of campaigns or the codes of indicators change, and when two transactions change
 * records of one municipality at the same moment.
 */
@IntegrationTest
class SummariesTest {

    @Autowired
    Summaries summaries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ExecutionService executions;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    /** Runs the writes and then the rebuild in one transaction that is rolled back: what differed, per table. */
    private List<Summaries.Rebuilt> afterWriting(Runnable writes) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            writes.run();
            return summaries.rebuild();
        });
    }

    private static void assertNothingDiffered(List<Summaries.Rebuilt> rebuilt) {
        assertThat(rebuilt).extracting(Summaries.Rebuilt::summary).containsExactlyInAnyOrder(
                "execution_tally_org", "execution_tally_decision", "execution_tally_municipality",
                "participation_tally", "vsoko_direction_score", "vsoko_matched_score");
        assertThat(rebuilt).allSatisfy(r -> assertThat(r.differing()).as(r.summary()).isZero());
    }

    @Test
    void whatIsKeptIsWhatTheRecordsAddUpTo() {
        List<Summaries.Rebuilt> rebuilt = afterWriting(() -> { });
        assertNothingDiffered(rebuilt);
        assertThat(rebuilt).filteredOn(r -> !r.summary().equals("vsoko_matched_score"))
                .allSatisfy(r -> assertThat(r.rows()).as(r.summary()).isPositive());
    }

    @Test
    void executionWritesOfEveryKindKeepTheTalliesExact() {
        assertNothingDiffered(afterWriting(() -> {
            jdbc.update("update execution set status = 'DONE' where id in (select id from execution order by id limit 40)");
            jdbc.update("update execution set due_date = due_date + 3 where id in (select id from execution order by id desc limit 25)");
            jdbc.update("update execution set report = 'текст' where id in (select id from execution order by id limit 10)");
            jdbc.update("update execution set status = 'NOT_DONE', due_date = null where id = (select min(id) from execution)");
            jdbc.update("delete from execution_report where execution_id in (select id from execution order by id desc limit 5)");
            jdbc.update("delete from execution where id in (select id from execution order by id desc limit 5)");
        }));
    }

    @Test
    void participationWritesOfEveryKindKeepTheSumsExact() {
        assertNothingDiffered(afterWriting(() -> {
            jdbc.update("update participation set participants = participants - 1 where participants > 0 and id in "
                    + "(select id from participation order by id limit 30)");
            jdbc.update("update participation set observers = not observers where id in (select id from participation order by id desc limit 7)");
            jdbc.update("update participation set grade = 11 where id = (select min(id) from participation p where not exists "
                    + "(select 1 from participation q where q.procedure_id = p.procedure_id and q.school_id = p.school_id and q.grade = 11))");
            jdbc.update("delete from participation where id in (select id from participation order by id desc limit 9)");
            jdbc.update("""
                    insert into participation (procedure_id, school_id, region_id, municipality_id, grade, pupils, participants, observers, updated_by)
                    select procedure_id, school_id, region_id, municipality_id, 1, 10, 9, true, 'test'
                    from participation p where not exists (select 1 from participation q where q.procedure_id = p.procedure_id
                          and q.school_id = p.school_id and q.grade = 1)
                    group by procedure_id, school_id, region_id, municipality_id""");
        }));
    }

    @Test
    void vsokoWritesAndTheirPairingKeepThePointsExact() {
        assertNothingDiffered(afterWriting(() -> {
            jdbc.update("update vsoko_value set points = points + 1 where id in (select id from vsoko_value order by id limit 50)");
            jdbc.update("delete from vsoko_value where id in (select id from vsoko_value order by id desc limit 20)");
            // an indicator given another code: it no longer matches the campaign it is compared with
            jdbc.update("update vsoko_indicator set code = code || '-x' where id = (select i.id from vsoko_indicator i "
                    + "join vsoko_value v on v.indicator_id = i.id order by i.id limit 1)");
            // a campaign compared with another one
            jdbc.update("update vsoko_campaign c set previous_id = (select min(id) from vsoko_campaign p where p.region_id = c.region_id "
                    + "and p.id <> c.id) where c.id = (select max(id) from vsoko_campaign)");
        }));
    }

    @Test
    void twoTransactionsOfOneMunicipalityAtOnceBothCount() throws Exception {
        List<Long> ids = jdbc.queryForList("""
                select e.id from execution e
                where e.status = 'NOT_STARTED' and e.municipality_id = (
                    select municipality_id from execution where status = 'NOT_STARTED' and municipality_id is not null
                    group by municipality_id having count(*) >= 2 order by municipality_id limit 1)
                order by e.id limit 2""", Long.class);
        assertThat(ids).hasSize(2);
        ExecutionFigures.Counts before = executions.counts(Scope.all(), ExecutionFilter.none());
        CountDownLatch bothWrote = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = ids.stream().map(id -> pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.update("update execution set status = 'DONE' where id = ?", id);
                bothWrote.countDown();
                try {
                    // the first waits on the other's lock of the municipality's tally row until it commits
                    bothWrote.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }))).<Future<?>>map(f -> f).toList();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertNothingDiffered(afterWriting(() -> { }));
            assertThat(executions.counts(Scope.all(), ExecutionFilter.none()).done()).isEqualTo(before.done() + 2);
        } finally {
            pool.shutdownNow();
            jdbc.update("update execution set status = 'NOT_STARTED' where id = any(?)", (Object) ids.toArray(Long[]::new));
        }
    }

    @Test
    void theKeptCountsOfAScopeAreTheRecordsCountedOneByOne() {
        long region = fixtures.org("Тверская область").id();
        Scope scope = Scope.region(region);
        ExecutionFigures.Counts kept = executions.counts(scope, ExecutionFilter.none());
        assertThat(kept.total()).isPositive();
        // a filter by status or lateness is answered from the records themselves
        assertThat(executions.counts(scope, new ExecutionFilter(ru.rsoko.execution.ExecutionStatus.DONE, null, null, null, null, null, null)).total())
                .isEqualTo(kept.done());
        assertThat(executions.counts(scope, ExecutionFilter.overdueOnly()).total()).isEqualTo(kept.overdue());
        assertThat(executions.countsByMunicipality(scope).values().stream().reduce(ExecutionFigures.Counts.NONE,
                ExecutionFigures.Counts::plus)).isEqualTo(kept);
        assertThat(executions.countsByOrgUnit(scope).values().stream().reduce(ExecutionFigures.Counts.NONE,
                ExecutionFigures.Counts::plus)).isEqualTo(kept);
    }

    @Test
    void theDeploymentAdministratorRebuildsThroughTheApiAndARegionsAdministratorMayNot() throws Exception {
        mvc.perform(post("/api/v1/admin/summaries/rebuild").with(DemoUsers.api("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(6))
                .andExpect(jsonPath("$[*].differing").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(0))));
        mvc.perform(post("/api/v1/admin/summaries/rebuild").with(DemoUsers.api("tver.admin")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("администратор всей системы")));
    }
}
