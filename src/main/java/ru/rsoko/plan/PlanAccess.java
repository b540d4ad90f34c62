package ru.rsoko.plan;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.List;

/**
 * Who sees which plan. Regional staff see their region's plans, drafts included; municipal officers and
 * directors see their region's approved plans, which are public documents of the region; an administrator sees
 * all. Anything else is «not found».
 */
@Component
@Transactional(readOnly = true)
public class PlanAccess {

    private final PlanRepository plans;
    private final ProcedureRepository procedures;

    PlanAccess(PlanRepository plans, ProcedureRepository procedures) {
        this.plans = plans;
        this.procedures = procedures;
    }

    public List<Plan> list(CurrentUser user) {
        Scope scope = user.scope();
        List<Plan> all = scope.isAll() ? plans.findAll(org.springframework.data.domain.Sort.by("year").descending())
                : scope.regionId() == null ? List.of() : plans.findByRegionIdOrderByYearDesc(scope.regionId());
        return all.stream().filter(p -> visible(user, p)).toList();
    }

    public Plan plan(CurrentUser user, long id) {
        return plans.findById(id).filter(p -> visible(user, p)).orElseThrow(() -> NotFoundException.of("План-график", id));
    }

    /** A procedure with its plan and type loaded, which every page of it shows. */
    public Procedure procedure(CurrentUser user, long id) {
        Procedure procedure = procedures.findById(id).filter(p -> visible(user, p.getPlan()))
                .orElseThrow(() -> NotFoundException.of("Процедура", id));
        org.hibernate.Hibernate.initialize(procedure.getPlan());
        org.hibernate.Hibernate.initialize(procedure.getType());
        return procedure;
    }

    /** A plan the user may change: visible, and the user is regional staff. */
    public Plan keptPlan(CurrentUser user, long id) {
        Plan plan = plan(user, id);
        requireKeeper(user);
        return plan;
    }

    public Procedure keptProcedure(CurrentUser user, long id) {
        Procedure procedure = procedure(user, id);
        requireKeeper(user);
        return procedure;
    }

    public static boolean visible(CurrentUser user, Plan plan) {
        Scope scope = user.scope();
        if (!scope.isAll() && !plan.getRegionId().equals(scope.regionId())) {
            return false;
        }
        return user.is(Role.REGION) || user.is(Role.ADMIN) || plan.getStatus() == PlanStatus.APPROVED;
    }

    public static boolean keeps(CurrentUser user) {
        return user.is(Role.REGION);
    }

    public static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("План-график ведут сотрудники региона");
        }
    }
}
