package ru.rsoko.participation.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.participation.ParticipationFigures;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The year's figures from participation rows; which procedures count comes from the plan's face. */
@Service
@Transactional(readOnly = true)
class ParticipationFiguresService implements ParticipationFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PlanAccess plans;
    private final JdbcTemplate jdbc;

    private final ParticipationQueries queries;

    ParticipationFiguresService(PlanAccess plans, JdbcTemplate jdbc, ParticipationQueries queries) {
        this.queries = queries;
        this.plans = plans;
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable BigDecimal coverage(Scope scope, long regionId, int year) {
        Long[] procedures = approvedProcedures(regionId, year, p -> p.coverageTarget() != null);
        if (procedures.length == 0) {
            return null;
        }
        List<Object> args = new ArrayList<>(List.<Object>of((Object) procedures));
        return jdbc.query("""
                select count(*), coalesce(sum(p.participants), 0), coalesce(sum(p.pupils), 0)
                from participation p where p.procedure_id = any(?) and""" + " " + scopeSql(scope, args), rs -> {
            rs.next();
            long rows = rs.getLong(1);
            long pupils = rs.getLong(3);
            return rows == 0 || pupils == 0 ? null : percent(rs.getLong(2), pupils);
        }, args.toArray());
    }

    @Override
    public @Nullable BigDecimal observerShare(Scope scope, long regionId, int year) {
        Long[] procedures = approvedProcedures(regionId, year, Procedure::observersRequired);
        if (procedures.length == 0) {
            return null;
        }
        List<Object> args = new ArrayList<>(List.<Object>of((Object) procedures));
        return jdbc.query("""
                select count(*), count(*) filter (where s.every) from (
                    select p.school_id, bool_and(p.observers) as every
                    from participation p where p.procedure_id = any(?) and""" + " " + scopeSql(scope, args) + """

                    group by p.school_id) s""", rs -> {
            rs.next();
            long schools = rs.getLong(1);
            return schools == 0 ? null : percent(rs.getLong(2), schools);
        }, args.toArray());
    }

    @Override
    public List<ru.rsoko.participation.Coverage.School> schools(Scope scope, List<ru.rsoko.plan.Procedure> procedures) {
        return queries.schools(scope, procedures, null, null);
    }

    private Long[] approvedProcedures(long regionId, int year, Predicate<Procedure> counts) {
        return plans.ofYear(regionId, year).filter(Plan::isApproved).map(plans::procedures).orElse(List.of()).stream()
                .filter(counts).map(Procedure::id).toArray(Long[]::new);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static String scopeSql(Scope scope, List<Object> args) {
        return scope.toSql("p.region_id", "p.municipality_id", "p.school_id", args);
    }
}
