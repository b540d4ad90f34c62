package ru.rsoko.task;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.VsokoResults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The figures tasks are checked against, computed from the records for the viewer's part of the region: the
 * region for regional staff, a municipality's schools for its officer, one school for its director. Each figure is
 * computed once for a page, never per task. Null means no data yet.
 */
@Service
@Transactional(readOnly = true)
public class TaskMetrics {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;
    private final PlanExecutionService planExecution;
    private final VsokoResults vsokoResults;
    private final Clock clock;

    TaskMetrics(JdbcTemplate jdbc, DirectoryService directory, PlanExecutionService planExecution,
                VsokoResults vsokoResults, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.planExecution = planExecution;
        this.vsokoResults = vsokoResults;
        this.clock = clock;
    }

    /** The figures asked for; a figure without data maps to null. */
    public Map<TaskMetric, BigDecimal> compute(CurrentUser user, long regionId, int year, Collection<TaskMetric> metrics) {
        Map<TaskMetric, BigDecimal> values = new EnumMap<>(TaskMetric.class);
        for (TaskMetric metric : metrics) {
            if (!values.containsKey(metric)) {
                values.put(metric, compute(user, regionId, year, metric));
            }
        }
        return values;
    }

    public BigDecimal compute(CurrentUser user, long regionId, int year, TaskMetric metric) {
        return switch (metric) {
            case VPR_COVERAGE -> vprCoverage(user.scope(), regionId, year);
            case OBSERVER_SHARE -> observerShare(user.scope(), regionId, year);
            case VSOKO_FORMED_SHARE -> vsokoFormedShare(user, regionId, year);
            case DECISIONS_ON_TIME_SHARE -> decisionsOnTimeShare(user.scope(), regionId, year);
            case PLAN_ON_TIME_SHARE -> planExecution.onTimeShare(regionId, year).orElse(null);
        };
    }

    /** sum(participants) / sum(pupils) × 100 on procedures of the approved plan with a coverage target. */
    BigDecimal vprCoverage(Scope scope, long regionId, int year) {
        List<Object> args = new ArrayList<>(List.of(regionId, year));
        String where = scopeSql(scope, "p.region_id", "p.municipality_id", "p.school_id", args);
        return jdbc.query("""
                select count(*), coalesce(sum(p.participants), 0), coalesce(sum(p.pupils), 0)
                from participation p
                join plan_procedure pp on pp.id = p.procedure_id
                join plan pl on pl.id = pp.plan_id
                where pl.region_id = ? and pl.year = ? and pl.status = 'APPROVED' and pp.coverage_target is not null
                  and""" + " " + where, rs -> {
            rs.next();
            long rows = rs.getLong(1);
            long participants = rs.getLong(2);
            long pupils = rs.getLong(3);
            return rows == 0 || pupils == 0 ? null : percent(participants, pupils);
        }, args.toArray());
    }

    /** Of the schools with rows on procedures that require observers, those with observers on every such row. */
    BigDecimal observerShare(Scope scope, long regionId, int year) {
        List<Object> args = new ArrayList<>(List.of(regionId, year));
        String where = scopeSql(scope, "p.region_id", "p.municipality_id", "p.school_id", args);
        return jdbc.query("""
                select count(*), count(*) filter (where s.every) from (
                    select p.school_id, bool_and(p.observers) as every
                    from participation p
                    join plan_procedure pp on pp.id = p.procedure_id
                    join plan pl on pl.id = pp.plan_id
                    where pl.region_id = ? and pl.year = ? and pl.status = 'APPROVED' and pp.observers_required
                      and""" + " " + where + """
                
                    group by p.school_id) s""", rs -> {
            rs.next();
            long schools = rs.getLong(1);
            return schools == 0 ? null : percent(rs.getLong(2), schools);
        }, args.toArray());
    }

    /**
     * The share of schools «ВСОКО сформирована» among those with a result in the region's campaign of the year (the
     * latest published, else the latest), as the ВСОКО results compute it; none when the viewer may not see the
     * campaign's results yet (not published, or a school not taking part).
     */
    BigDecimal vsokoFormedShare(CurrentUser user, long regionId, int year) {
        OptionalLong campaign = vsokoResults.campaignOfYear(regionId, year);
        if (campaign.isEmpty()) {
            return null;
        }
        try {
            VsokoResults.Total total = vsokoResults.total(user, campaign.getAsLong());
            return total.withResult() == 0 ? null : total.share(Level.FORMED);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /**
     * Of the one-off records due in the year that are due by today (the region's) or done: the share done by the due
     * date, the day of completion read in the region's time zone.
     */
    BigDecimal decisionsOnTimeShare(Scope scope, long regionId, int year) {
        ZoneId zone = directory.region(regionId).zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Object> args = new ArrayList<>(List.of(zone.getId(), regionId, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), today));
        String where = scopeSql(scope, "e.region_id", "e.municipality_id", "e.org_unit_id", args);
        return jdbc.query("""
                select count(*),
                       count(*) filter (where e.status = 'DONE' and e.completed_at is not null
                                        and (e.completed_at at time zone ?)::date <= e.due_date)
                from execution e
                where e.region_id = ? and not e.recurring and e.due_date between ? and ?
                  and (e.due_date < ? or e.status = 'DONE')
                  and""" + " " + where, rs -> {
            rs.next();
            long due = rs.getLong(1);
            return due == 0 ? null : percent(rs.getLong(2), due);
        }, args.toArray());
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static String scopeSql(Scope scope, String region, String municipality, String orgUnit, List<Object> args) {
        return switch (scope.level()) {
            case ALL -> "true";
            case REGION -> {
                args.add(scope.regionId());
                yield region + " = ?";
            }
            case MUNICIPALITY -> {
                args.add(scope.municipalityId());
                yield municipality + " = ?";
            }
            case ORG_UNIT -> {
                args.add(scope.orgUnitId());
                yield orgUnit + " = ?";
            }
        };
    }
}
