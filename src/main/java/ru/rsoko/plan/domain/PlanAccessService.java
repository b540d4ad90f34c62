package ru.rsoko.plan.domain;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.List;
import java.util.Optional;

/**
 * Who sees which plan. Regional staff see their region's plans, drafts included; municipal officers and
 * directors see their region's approved plans, which are public documents of the region; an administrator sees
 * all. Anything else is «not found». Only regional staff keep (change) a plan.
 */
@Component
@Transactional(readOnly = true)
class PlanAccessService implements PlanAccess {

    private final PlanRepository plans;
    private final ProcedureRepository procedures;
    private final PlanProcedures planProcedures;

    PlanAccessService(PlanRepository plans, ProcedureRepository procedures, PlanProcedures planProcedures) {
        this.plans = plans;
        this.procedures = procedures;
        this.planProcedures = planProcedures;
    }

    // ---- the face: records

    @Override
    public List<Plan> list(CurrentUser user) {
        return entities(user).stream().map(PlanEntity::view).toList();
    }

    @Override
    public Plan plan(CurrentUser user, long id) {
        return planEntity(user, id).view();
    }

    @Override
    public Procedure procedure(CurrentUser user, long id) {
        return procedureEntity(user, id).view();
    }

    @Override
    public List<Procedure> procedures(Plan plan) {
        return planProcedures.of(plan.id());
    }

    @Override
    public java.util.Map<Long, List<Procedure>> procedures(java.util.Collection<Plan> plans) {
        java.util.Map<Long, List<Procedure>> byPlan = new java.util.LinkedHashMap<>();
        plans.forEach(p -> byPlan.put(p.id(), new java.util.ArrayList<>()));
        if (!plans.isEmpty()) {
            procedures.findByPlans(byPlan.keySet()).stream().map(ProcedureEntity::view).forEach(p -> byPlan.get(p.planId()).add(p));
        }
        return byPlan;
    }

    @Override
    public Optional<Plan> ofYear(long regionId, int year) {
        return plans.findByRegionIdAndYear(regionId, year).map(PlanEntity::view);
    }

    // ---- inside the module: entities, for the services that change them

    List<PlanEntity> entities(CurrentUser user) {
        Scope scope = user.scope();
        List<PlanEntity> all = scope.isAll() ? plans.findAll(Sort.by("year").descending())
                : scope.regionId() == null ? List.of() : plans.findByRegionIdOrderByYearDesc(scope.regionId());
        return all.stream().filter(p -> visible(user, p)).toList();
    }

    PlanEntity planEntity(CurrentUser user, long id) {
        return plans.findById(id).filter(p -> visible(user, p)).orElseThrow(() -> NotFoundException.of("План-график", id));
    }

    ProcedureEntity procedureEntity(CurrentUser user, long id) {
        return procedures.findById(id).filter(p -> visible(user, p.getPlan()))
                .orElseThrow(() -> NotFoundException.of("Процедура", id));
    }

    /** A plan the user may change: visible, and the user is regional staff. */
    PlanEntity keptPlan(CurrentUser user, long id) {
        PlanEntity plan = planEntity(user, id);
        requireKeeper(user);
        return plan;
    }

    ProcedureEntity keptProcedure(CurrentUser user, long id) {
        ProcedureEntity procedure = procedureEntity(user, id);
        requireKeeper(user);
        return procedure;
    }

    static boolean visible(CurrentUser user, PlanEntity plan) {
        Scope scope = user.scope();
        if (!scope.isAll() && !plan.getRegionId().equals(scope.regionId())) {
            return false;
        }
        return user.is(Role.REGION) || user.is(Role.ADMIN) || plan.getStatus().isApproved();
    }

    /** Whether the user keeps plans: regional staff. */
    static boolean keeps(CurrentUser user) {
        return user.is(Role.REGION);
    }

    static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("План-график ведут сотрудники региона");
        }
    }
}
