package ru.rsoko.participation.domain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.participation.Coverage;
import ru.rsoko.participation.CoverageAlerts;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;

import java.util.List;

/** For a home page: the schools of the user's scope under the coverage target of the latest approved plan. */
@Component
@Transactional(readOnly = true)
class CoverageAlertsService implements CoverageAlerts {

    private final CoverageService coverage;
    private final PlanAccess plans;

    CoverageAlertsService(CoverageService coverage, PlanAccess plans) {
        this.coverage = coverage;
        this.plans = plans;
    }

    @Override
    public List<Alert> underTarget(CurrentUser user, Plan plan) {
        if (plan == null) {
            return List.of();
        }
        return plans.procedures(plan).stream().filter(p -> p.coverageTarget() != null)
                .map(p -> new Alert(p, coverage.schools(user, p, null).stream().filter(Coverage.School::underTarget).toList()))
                .filter(a -> !a.schools().isEmpty()).toList();
    }
}
