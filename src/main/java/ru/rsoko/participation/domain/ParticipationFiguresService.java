package ru.rsoko.participation.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.participation.Coverage;
import ru.rsoko.participation.ParticipationFigures;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.web.Share;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The year's figures from participation rows, through the same query of school figures as the coverage pages
 * ({@link ParticipationQueries#schools}); which procedures count comes from the plan's face.
 */
@Service
@Transactional(readOnly = true)
class ParticipationFiguresService implements ParticipationFigures {

    static final String OF_SCHOOLS_WITH_ROWS = "ОО с данными на процедурах с обязательным общественным наблюдением";

    private final PlanAccess plans;
    private final ParticipationQueries queries;

    ParticipationFiguresService(PlanAccess plans, ParticipationQueries queries) {
        this.plans = plans;
        this.queries = queries;
    }

    @Override
    public @Nullable Share coverage(Scope scope, long regionId, int year) {
        List<Procedure> procedures = approvedProcedures(regionId, year, p -> p.coverageTarget() != null);
        if (procedures.isEmpty()) {
            return null;
        }
        long[] totals = queries.totals(scope, procedures);
        if (totals[0] == 0) {
            return null;
        }
        Share share = Coverage.share(totals[2], totals[1]);
        return share.defined() ? share : null;
    }

    @Override
    public @Nullable Share observerShare(Scope scope, long regionId, int year) {
        List<Procedure> procedures = approvedProcedures(regionId, year, Procedure::observersRequired);
        if (procedures.isEmpty()) {
            return null;
        }
        Map<Long, Boolean> everyRow = new LinkedHashMap<>();
        for (Coverage.School s : queries.schools(scope, procedures, null, null)) {
            if (s.rows() > 0) {
                everyRow.merge(s.schoolId(), s.observers(), Boolean::logicalAnd);
            }
        }
        if (everyRow.isEmpty()) {
            return null;
        }
        long observed = everyRow.values().stream().filter(Boolean::booleanValue).count();
        return Share.of(observed, everyRow.size(), OF_SCHOOLS_WITH_ROWS);
    }

    @Override
    public List<ru.rsoko.participation.Coverage.School> schools(Scope scope, List<ru.rsoko.plan.Procedure> procedures) {
        return queries.schools(scope, procedures, null, null);
    }

    private List<Procedure> approvedProcedures(long regionId, int year, Predicate<Procedure> counts) {
        return plans.ofYear(regionId, year).filter(Plan::isApproved).map(plans::procedures).orElse(List.of()).stream()
                .filter(counts).toList();
    }
}
