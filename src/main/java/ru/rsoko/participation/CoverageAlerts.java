package ru.rsoko.participation;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureRepository;

import java.util.List;

/** For a home page: the schools of the user's scope under the coverage target of the latest approved plan. */
@Component
public class CoverageAlerts {

    /** A procedure with a target and the schools under it. */
    public record Alert(Procedure procedure, List<Coverage.School> schools) {
    }

    private final CoverageService coverage;
    private final ProcedureRepository procedures;

    CoverageAlerts(CoverageService coverage, ProcedureRepository procedures) {
        this.coverage = coverage;
        this.procedures = procedures;
    }

    @Transactional(readOnly = true)
    public List<Alert> underTarget(CurrentUser user, Plan plan) {
        if (plan == null) {
            return List.of();
        }
        return procedures.findByPlan(plan.getId()).stream().filter(p -> p.getCoverageTarget() != null)
                .map(p -> new Alert(p, coverage.schools(user, p, null).stream().filter(Coverage.School::underTarget).toList()))
                .filter(a -> !a.schools().isEmpty()).toList();
    }
}
