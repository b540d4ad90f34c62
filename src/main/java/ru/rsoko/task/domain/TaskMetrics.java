package ru.rsoko.task.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.participation.ParticipationFigures;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.platform.web.Share;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.VsokoResults;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The figures tasks are checked against, computed from the records for the viewer's part of the region: the
 * region for regional staff, a municipality's schools for its officer, one school for its director. Each figure is
 * computed once for a page, never per task, by the module whose records it counts. Null means no data yet.
 */
@Service
@Transactional(readOnly = true)
public class TaskMetrics {

    private final PlanExecutionService planExecution;
    private final VsokoResults vsokoResults;
    private final ParticipationFigures participation;
    private final ExecutionService executions;

    TaskMetrics(PlanExecutionService planExecution, VsokoResults vsokoResults, ParticipationFigures participation,
                ExecutionService executions) {
        this.planExecution = planExecution;
        this.vsokoResults = vsokoResults;
        this.participation = participation;
        this.executions = executions;
    }

    /** The figures asked for; a figure without data maps to null. */
    public Map<TaskMetric, Share> compute(CurrentUser user, long regionId, int year, Collection<TaskMetric> metrics) {
        Map<TaskMetric, Share> values = new EnumMap<>(TaskMetric.class);
        for (TaskMetric metric : metrics) {
            if (!values.containsKey(metric)) {
                values.put(metric, compute(user, regionId, year, metric));
            }
        }
        return values;
    }

    /**
     * One figure with its counts, asked of the face of the module that owns it: the same method the module's own pages
     * use, so that a figure has one value everywhere.
     */
    public @Nullable Share compute(CurrentUser user, long regionId, int year, TaskMetric metric) {
        return switch (metric) {
            case VPR_COVERAGE -> participation.coverage(user.scope(), regionId, year);
            case OBSERVER_SHARE -> participation.observerShare(user.scope(), regionId, year);
            case VSOKO_FORMED_SHARE -> vsokoFormedShare(user, regionId, year);
            case DECISIONS_ON_TIME_SHARE -> executions.onTimeShare(user.scope(), regionId, year);
            case PLAN_ON_TIME_SHARE -> planExecution.onTimeShare(regionId, year).orElse(null);
        };
    }

    /**
     * The share of schools «ВСОКО сформирована» among those with a result in the region's campaign of the year (the
     * latest published, else the latest), as the ВСОКО results compute it; none when the viewer may not see the
     * campaign's results yet (not published, or a school not taking part).
     */
    @Nullable Share vsokoFormedShare(CurrentUser user, long regionId, int year) {
        OptionalLong campaign = vsokoResults.campaignOfYear(regionId, year);
        if (campaign.isEmpty()) {
            return null;
        }
        // not by catching NotFoundException: thrown through the results' transactional boundary, it would mark this
        // page's transaction for rollback (an open campaign of the year, seen by a municipality or a school)
        return vsokoResults.visibleTotal(user, campaign.getAsLong())
                .filter(total -> total.withResult() > 0).map(total -> total.shareOf(Level.FORMED)).orElse(null);
    }
}
