package ru.rsoko.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.dashboard.domain.DashboardService;
import ru.rsoko.dashboard.domain.DashboardService.Dashboard;
import ru.rsoko.dashboard.domain.DashboardService.Row;
import ru.rsoko.dashboard.domain.RiskLevel;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.MunicipalitySummary;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.domain.SchoolListService;
import ru.rsoko.participation.Coverage;
import ru.rsoko.participation.ParticipationFigures;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.VsokoResults;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regional dashboard of the demo's Тверская область, cell by cell, against what the record lists behind each
 * cell say for the same municipality: the directory, the list of execution records, the ВСОКО results, the coverage,
 * the school lists, and the schools at risk.
 */
@IntegrationTest
class DashboardMatchesTheListsTest {

    @Autowired
    DashboardService dashboards;
    @Autowired
    UserDetailsService users;
    @Autowired
    DirectoryService directory;
    @Autowired
    ExecutionService executions;
    @Autowired
    VsokoResults vsoko;
    @Autowired
    ParticipationFigures participation;
    @Autowired
    PlanAccess plans;
    @Autowired
    SchoolListService lists;
    @Autowired
    ru.rsoko.plan.PlanExecutionService planExecution;

    @Test
    void everyCellOfTheRegionalDashboardIsWhatTheListBehindItCounts() {
        CurrentUser staff = (CurrentUser) users.loadUserByUsername("tver.coko");
        Dashboard d = dashboards.dashboard(staff, null, null, null);
        Map<Long, MunicipalitySummary> municipalities = directory.municipalitiesOf(staff.scope(), staff.regionId()).stream()
                .collect(Collectors.toMap(MunicipalitySummary::id, m -> m));
        assertThat(d.rows()).isNotEmpty();
        VsokoResults.Levels levels = d.campaign() == null ? null
                : toLevels(vsoko.scores(staff, staff.scope(), d.campaign().id(), false).orElseThrow());
        List<Procedure> measured = d.procedures().isEmpty() ? List.of()
                : List.of(plans.procedure(staff, d.procedures().getFirst().id()));
        List<Coverage.School> coverage = participation.schools(staff.scope(), measured);
        for (Row row : d.rows()) {
            long m = row.orgUnit().id();
            String as = row.orgUnit().name();
            assertThat(row.schools()).as(as).isEqualTo(municipalities.get(m).schools());
            // decisions: the list of records filtered to the municipality, as its links open it
            assertThat(row.executions().total()).as(as).isEqualTo(count(staff, new ExecutionFilter(null, null, null, null, null, m, null)));
            assertThat(row.executions().overdue()).as(as).isEqualTo(count(staff, new ExecutionFilter(null, true, null, null, null, m, null)));
            assertThat(row.executions().done()).as(as).isEqualTo(count(staff, new ExecutionFilter(ExecutionStatus.DONE, null, null, null, null, m, null)));
            assertThat(row.executions().inWork()).as(as)
                    .isEqualTo(count(staff, new ExecutionFilter(ExecutionStatus.IN_PROGRESS, false, null, null, null, m, null)));
            // ВСОКО: the campaign's results of the municipality's schools
            if (levels != null) {
                List<VsokoResults.SchoolLevel> own = levels.schools().stream()
                        .filter(s -> Long.valueOf(m).equals(s.municipalityId())).toList();
                assertThat(row.vsoko().formed()).as(as).isEqualTo(own.stream().filter(s -> s.level() == Level.FORMED).count());
                assertThat(row.vsoko().partial()).as(as).isEqualTo(own.stream().filter(s -> s.level() == Level.PARTIAL).count());
                assertThat(row.vsoko().notFormed()).as(as).isEqualTo(own.stream().filter(s -> s.level() == Level.NOT_FORMED).count());
            }
            // the year's lists, as the lists page filtered to the municipality counts them
            assertThat(row.lists().lowResults()).as(as).isEqualTo(lists.find(staff,
                    new SchoolListService.Filter(d.year(), ListKind.LOW_RESULTS, m), PageRequest.of(0, 1)).getTotalElements());
            assertThat(row.lists().nonObjective()).as(as).isEqualTo(lists.find(staff,
                    new SchoolListService.Filter(d.year(), ListKind.NON_OBJECTIVE, m), PageRequest.of(0, 1)).getTotalElements());
            // coverage of the main procedure, as its page adds up the municipality
            if (d.procedures().size() == 1) {
                Coverage.Totals totals = Coverage.Totals.of(m, as, coverage.stream()
                        .filter(s -> Long.valueOf(m).equals(s.municipalityId())).toList());
                assertThat(row.coverage().pupils()).as(as).isEqualTo(totals.pupils());
                assertThat(row.coverage().participants()).as(as).isEqualTo(totals.participants());
                assertThat(row.coverage().schoolsUnderTarget()).as(as).isEqualTo(totals.schoolsUnderTarget());
            }
            // the schools at risk behind the risk cells
            for (RiskLevel level : RiskLevel.values()) {
                long listed = dashboards.risks(staff, null, m, d.year(), level).schools().size();
                long cell = switch (level) {
                    case HIGH -> row.risk().high();
                    case MEDIUM -> row.risk().medium();
                    case LOW -> row.risk().low();
                };
                assertThat(cell).as(as + " " + level).isEqualTo(listed);
            }
        }
        // the total is the region's list of records
        assertThat(d.total().executions()).isEqualTo(executions.counts(staff.scope(), ExecutionFilter.none()));
        // the headline figures are those the tasks and the modules' own pages show
        Map<String, DashboardService.Figure> figures = d.figures().stream()
                .collect(Collectors.toMap(DashboardService.Figure::key, f -> f));
        assertThat(figures.get("planOnTimeShare").title()).isEqualTo(planExecution.onTimeShare(staff.regionId(), d.year())
                .map(ru.rsoko.platform.web.Share::title).orElse("нет данных"));
        var onTime = executions.onTimeShare(staff.scope(), staff.regionId(), d.year());
        assertThat(figures.get("executedOnTimeShare").title()).isEqualTo(onTime == null ? "нет данных" : onTime.title());
        var covered = participation.coverage(staff.scope(), staff.regionId(), d.year());
        assertThat(figures.get("coverage").title()).isEqualTo(covered == null ? "нет данных" : covered.title());
    }

    /** The results page's per-school scores (directions and all), reduced to the levels the dashboard counts. */
    private static VsokoResults.Levels toLevels(VsokoResults.Scores scores) {
        return new VsokoResults.Levels(scores.campaignId(), scores.campaignName(), scores.year(), scores.preliminary(),
                scores.closed(), scores.schools().stream().map(s -> new VsokoResults.SchoolLevel(s.schoolId(),
                s.municipalityId(), s.status(), s.level())).toList());
    }

    private long count(CurrentUser user, ExecutionFilter filter) {
        return executions.find(user.scope(), filter, PageRequest.of(0, 1)).getTotalElements();
    }
}
