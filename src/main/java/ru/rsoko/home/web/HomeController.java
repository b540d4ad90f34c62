package ru.rsoko.home.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.rsoko.account.AccountService;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.participation.CoverageAlerts;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.util.List;

/** Each role's start page: the user's organisation, its place in the directory, and what the role works on. */
@Controller
class HomeController {

    private static final int MY_TASKS = 20;

    private final DirectoryService directory;
    private final AccountService accounts;
    private final ExecutionService executions;
    private final MeetingService meetings;
    private final VsokoCampaigns campaigns;
    private final PlanAccess plans;
    private final PlanExecutionService planExecution;
    private final CoverageAlerts coverageAlerts;

    HomeController(DirectoryService directory, AccountService accounts, ExecutionService executions, MeetingService meetings,
                   VsokoCampaigns campaigns, PlanAccess plans, PlanExecutionService planExecution,
                   CoverageAlerts coverageAlerts) {
        this.plans = plans;
        this.planExecution = planExecution;
        this.coverageAlerts = coverageAlerts;
        this.campaigns = campaigns;
        this.directory = directory;
        this.accounts = accounts;
        this.executions = executions;
        this.meetings = meetings;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        Scope scope = user.scope();
        OrgUnit unit = directory.get(scope, user.orgUnitId());
        model.addAttribute("unit", unit);
        model.addAttribute("path", directory.path(unit.id()));
        if (user.regionId() != null && !user.is(Role.ADMIN)) {
            // «Мои поручения»: what the user's own organisation has to do, by due date
            model.addAttribute("today", executions.today(user.regionId()));
            model.addAttribute("myTasks", executions.find(scope, ExecutionFilter.ofOrgUnit(user.orgUnitId()),
                    PageRequest.of(0, MY_TASKS)));
            model.addAttribute("myCounts", executions.counts(scope, ExecutionFilter.ofOrgUnit(user.orgUnitId())));
        }
        if (!user.is(ru.rsoko.access.Role.ADMIN)) {
            model.addAttribute("openCampaigns", campaigns.openFor(user));
            Plan latest = currentPlan(user);
            model.addAttribute("latestPlan", latest);
            model.addAttribute("latestPlanFigures", latest == null ? null : planExecution.now(latest).total());
            if (user.regionId() != null) {
                // decisions «в срок» of the year the page speaks of, by the one definition annual tasks check
                int year = latest != null ? latest.year() : executions.today(user.regionId()).getYear();
                model.addAttribute("onTimeYear", year);
                model.addAttribute("onTime", executions.onTimeShare(scope, user.regionId(), year));
            }
            model.addAttribute("coverageAlerts", user.is(Role.MUNICIPALITY) || user.is(Role.SCHOOL)
                    ? coverageAlerts.underTarget(user, latest) : List.of());
        }
        return switch (user.role()) {
            case ADMIN -> {
                model.addAttribute("unitCounts", directory.countActiveByType(scope));
                model.addAttribute("accountCounts", accounts.countByRole(scope));
                model.addAttribute("regions", directory.regions(scope));
                yield "home/admin";
            }
            case REGION -> {
                model.addAttribute("unitCounts", directory.countActiveByType(scope));
                model.addAttribute("municipalities", directory.municipalitiesOf(scope, user.regionId()));
                model.addAttribute("region", directory.region(user.regionId()));
                model.addAttribute("regionCounts", executions.counts(scope, ExecutionFilter.none()));
                model.addAttribute("recentMeetings", meetings.find(scope, MeetingService.MeetingFilter.none(), PageRequest.of(0, 5)));
                yield "home/region";
            }
            case MUNICIPALITY -> {
                model.addAttribute("schools", directory.find(scope,
                        new OrgUnitFilter(OrgUnitType.SCHOOL, null, null, true), PageRequest.of(0, 500)));
                model.addAttribute("allCounts", executions.counts(scope, ExecutionFilter.none()));
                yield "home/municipality";
            }
            case SCHOOL -> "home/school";
        };
    }

    /**
     * The plan a home page speaks of: this year's approved plan, or the latest approved one before it; a plan
     * already approved for a coming year only when there is no other.
     */
    private Plan currentPlan(CurrentUser user) {
        if (user.regionId() == null) {
            return null;
        }
        int year = planExecution.today(user.regionId()).getYear();
        List<Plan> approved = plans.list(user).stream().filter(p -> p.status() == PlanStatus.APPROVED).toList();
        return approved.stream().filter(p -> p.year() <= year).findFirst()
                .orElse(approved.isEmpty() ? null : approved.getLast());
    }
}
