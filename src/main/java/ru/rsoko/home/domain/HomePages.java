package ru.rsoko.home.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.account.AccountService;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.objectivity.SchoolLists;
import ru.rsoko.participation.CoverageAlerts;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each role's start page in one read-only transaction: the user's organisation and its place in the directory, what
 * the role works on, each thing asked for once. The execution figures of the page (the user's own organisation's and
 * the whole scope's) come from one query grouped by organisation.
 */
@Service
public class HomePages {

    private static final int MY_TASKS = 20;

    private final DirectoryService directory;
    private final AccountService accounts;
    private final ExecutionService executions;
    private final MeetingService meetings;
    private final VsokoCampaigns campaigns;
    private final PlanAccess plans;
    private final PlanExecutionService planExecution;
    private final CoverageAlerts coverageAlerts;
    private final SchoolLists lists;

    HomePages(DirectoryService directory, AccountService accounts, ExecutionService executions, MeetingService meetings,
              VsokoCampaigns campaigns, PlanAccess plans, PlanExecutionService planExecution, CoverageAlerts coverageAlerts,
              SchoolLists lists) {
        this.lists = lists;
        this.directory = directory;
        this.accounts = accounts;
        this.executions = executions;
        this.meetings = meetings;
        this.campaigns = campaigns;
        this.plans = plans;
        this.planExecution = planExecution;
        this.coverageAlerts = coverageAlerts;
    }

    /** A start page: the template to render and what it shows. */
    public record HomePage(String view, Map<String, Object> model) {
    }

    @Transactional(readOnly = true)
    public HomePage of(CurrentUser user) {
        Scope scope = user.scope();
        Map<String, Object> model = new LinkedHashMap<>();
        OrgUnit unit = directory.get(scope, user.orgUnitId());
        model.put("unit", unit);
        model.put("path", directory.path(unit.id()));
        boolean staff = user.regionId() != null && !user.is(Role.ADMIN);
        LocalDate today = staff ? executions.today(user.regionId()) : null;
        // the scope's records per organisation, once: the user's own («Мои поручения») and the whole scope's figures
        Map<Long, ExecutionFigures.Counts> countsByOrgUnit = staff ? executions.countsByOrgUnit(scope) : Map.of();
        if (staff) {
            model.put("today", today);
            model.put("myTasks", executions.find(scope, ExecutionFilter.ofOrgUnit(user.orgUnitId()),
                    PageRequest.of(0, MY_TASKS)));
            model.put("myCounts", countsByOrgUnit.getOrDefault(user.orgUnitId(), ExecutionFigures.Counts.NONE));
        }
        if (!user.is(Role.ADMIN)) {
            model.put("openCampaigns", campaigns.openFor(user));
            Plan latest = currentPlan(user);
            model.put("latestPlan", latest);
            model.put("latestPlanFigures", latest == null ? null : planExecution.now(latest).total());
            if (user.regionId() != null) {
                // decisions «в срок» of the year the page speaks of, by the one definition annual tasks check
                int year = latest != null ? latest.year() : today.getYear();
                model.put("onTimeYear", year);
                model.put("onTime", executions.onTimeShare(scope, user.regionId(), year));
            }
            model.put("coverageAlerts", user.is(Role.MUNICIPALITY) || user.is(Role.SCHOOL)
                    ? coverageAlerts.underTarget(user, latest) : List.of());
        }
        String view = switch (user.role()) {
            case ADMIN -> {
                model.put("unitCounts", directory.countActiveByType(scope));
                model.put("accountCounts", accounts.countByRole(scope));
                model.put("regions", directory.regions(scope));
                yield "home/admin";
            }
            case REGION -> {
                model.put("unitCounts", directory.countActiveByType(scope));
                model.put("municipalities", directory.municipalitiesOf(scope, user.regionId()));
                model.put("region", directory.region(user.regionId()));
                model.put("regionCounts", total(countsByOrgUnit));
                model.put("recentMeetings", meetings.find(scope, MeetingService.MeetingFilter.none(), PageRequest.of(0, 5)));
                yield "home/region";
            }
            case MUNICIPALITY -> {
                model.put("schools", directory.find(scope,
                        new OrgUnitFilter(OrgUnitType.SCHOOL, null, null, true), PageRequest.of(0, 500)));
                model.put("allCounts", total(countsByOrgUnit));
                model.put("listCounts", lists.latestCounts(user));
                yield "home/municipality";
            }
            case SCHOOL -> {
                model.put("listPlaces", lists.places(user, user.orgUnitId()));
                yield "home/school";
            }
        };
        return new HomePage(view, model);
    }

    private static ExecutionFigures.Counts total(Map<Long, ExecutionFigures.Counts> byOrgUnit) {
        return byOrgUnit.values().stream().reduce(ExecutionFigures.Counts.NONE, ExecutionFigures.Counts::plus);
    }

    /**
     * The plan a home page speaks of: this year's approved plan, or the latest approved one before it; a plan
     * already approved for a coming year only when there is no other.
     */
    private @Nullable Plan currentPlan(CurrentUser user) {
        if (user.regionId() == null) {
            return null;
        }
        int year = planExecution.today(user.regionId()).getYear();
        List<Plan> approved = plans.list(user).stream().filter(p -> p.status() == PlanStatus.APPROVED).toList();
        return approved.stream().filter(p -> p.year() <= year).findFirst()
                .orElse(approved.isEmpty() ? null : approved.getLast());
    }
}
