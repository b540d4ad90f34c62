package ru.rsoko.platform.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opened by a newcomer today, the demo shows a current year with live deadlines: this year's plan with procedures done,
 * late, overdue and ahead; an open ВСОКО campaign still accepting; a recent meeting whose records are partly overdue and
 * partly not yet due. A deadline that has passed is shown as passed.
 */
@IntegrationTest
class LiveDemoYearTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TestClock testClock;
    @Autowired
    PlanAccess plans;
    @Autowired
    PlanExecutionService planExecution;
    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    private long tver() {
        return jdbc.queryForObject("select id from directory_org_unit where type = 'REGION' and name = 'Тверская область'", Long.class);
    }

    private LocalDate today() {
        return DemoCalendar.of(clock, ZoneId.of("Europe/Moscow")).today();
    }

    @Test
    void thisYearsPlanHasProceduresDoneLateOverdueAndAhead() {
        LocalDate today = today();
        var plan = plans.ofYear(tver(), today.getYear()).orElseThrow();
        PlanExecution.Figures execution = planExecution.of(plan, today).total();
        assertThat(execution.done()).isGreaterThanOrEqualTo(3);
        assertThat(execution.late()).isEqualTo(1);
        assertThat(execution.overdue()).isEqualTo(1);
        assertThat(execution.planned()).isGreaterThanOrEqualTo(2);
        // the ВПР of grades 4–8 has a target, and its participation data has schools under it and without observers
        var vpr = plans.procedures(plan).stream().filter(p -> p.coverageTarget() != null).findFirst().orElseThrow();
        Integer under = jdbc.queryForObject("""
                select count(*) from (select school_id from participation where procedure_id = ?
                group by school_id having sum(participants) * 100 < 95 * sum(pupils)) s""", Integer.class, vpr.id());
        Integer withoutObservers = jdbc.queryForObject(
                "select count(distinct school_id) from participation where procedure_id = ? and not observers", Integer.class, vpr.id());
        assertThat(under).isBetween(1, 5);
        assertThat(withoutObservers).isBetween(1, 5);
    }

    @Test
    void thisYearsCampaignIsOpenAndClosesAfterTodayPartlyFilled() {
        LocalDate today = today();
        Map<String, Object> campaign = jdbc.queryForMap(
                "select id, opens_on, closes_on from vsoko_campaign where region_id = ? and year = ? and status = 'OPEN'",
                tver(), today.getYear());
        assertThat(((java.sql.Date) campaign.get("opens_on")).toLocalDate()).isBeforeOrEqualTo(today);
        assertThat(((java.sql.Date) campaign.get("closes_on")).toLocalDate()).isAfter(today);
        List<String> statuses = jdbc.queryForList("select distinct status from vsoko_submission where campaign_id = ?",
                String.class, campaign.get("id"));
        assertThat(statuses).contains("ACCEPTED", "SUBMITTED", "IN_PROGRESS", "NOT_STARTED");
        // last year's study is published, so the trend over the years reaches it
        assertThat(jdbc.queryForObject("select count(*) from vsoko_campaign where region_id = ? and year = ? and status = 'PUBLISHED'",
                Integer.class, tver(), today.getYear() - 1)).isEqualTo(1);
    }

    @Test
    void aRecentMeetingHasRecordsOverdueAndNotYetDue() {
        LocalDate today = today();
        List<Map<String, Object>> records = jdbc.queryForList("""
                select e.status, e.due_date, e.recurring from execution e join meeting_decision d on d.id = e.decision_id
                where d.region_id = ? and d.meeting_date between ? and ?""", tver(), today.minusDays(60), today);
        assertThat(records).isNotEmpty();
        assertThat(records).anyMatch(r -> !"DONE".equals(r.get("status")) && r.get("due_date") != null
                && ((java.sql.Date) r.get("due_date")).toLocalDate().isBefore(today));
        assertThat(records).anyMatch(r -> !"DONE".equals(r.get("status")) && r.get("due_date") != null
                && !((java.sql.Date) r.get("due_date")).toLocalDate().isBefore(today));
        assertThat(records).anyMatch(r -> "DONE".equals(r.get("status")));
        // this year's lists and tasks are there too
        assertThat(jdbc.queryForObject("select count(*) from school_list_entry where region_id = ? and year = ?",
                Integer.class, tver(), today.getYear())).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from annual_task where region_id = ? and year = ? and metric is not null",
                Integer.class, tver(), today.getYear())).isPositive();
    }

    @Test
    void aCampaignPastItsClosingDaySaysSo() throws Exception {
        long current = jdbc.queryForObject("select id from vsoko_campaign where region_id = ? and year = ? and status = 'OPEN'",
                Long.class, tver(), today().getYear());
        long stale = jdbc.queryForObject("select id from vsoko_campaign where region_id = ? and year = 2023 and status = 'OPEN'",
                Long.class, tver());
        mvc.perform(get("/vsoko/campaigns/{id}", stale).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("срок приёма истёк 31.10.2023")));
        mvc.perform(get("/vsoko/campaigns/{id}", current).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("идёт приём")))
                .andExpect(content().string(not(containsString("срок приёма истёк"))));
        // the director sees both open campaigns on the home page: the stale one as passed, this year's with its date
        mvc.perform(get("/").with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("срок приёма истёк 31.10.2023")))
                .andExpect(content().string(containsString("приём до ")));

        // a year on, this year's campaign too has passed its closing day
        testClock.advance(Duration.ofDays(366));
        mvc.perform(get("/vsoko/campaigns/{id}", current).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("срок приёма истёк")));
    }

    @Test
    void aPeriodicReportDueBeforeTodayIsFlagged() throws Exception {
        LocalDate today = today();
        Long overdue = jdbc.queryForObject("""
                select min(e.id) from execution e where e.recurring and e.due_date < ?""", Long.class, today);
        mvc.perform(get("/executions/{id}", overdue).with(users.page("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Следующий отчёт до")))
                .andExpect(content().string(containsString("id=\"due-passed\"")))
                .andExpect(content().string(containsString("отчёт просрочен")));
        Long ahead = jdbc.queryForObject("""
                select min(e.id) from execution e where not e.recurring and e.status <> 'DONE' and e.due_date >= ?""", Long.class, today);
        mvc.perform(get("/executions/{id}", ahead).with(users.page("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"due-passed\""))));
    }
}
