package ru.rsoko.participation;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.Scope;

import java.math.BigDecimal;

/**
 * Figures of the participation in a region's approved plan-schedule of a year, within a viewer's scope: what annual
 * tasks and dashboards check. Null when there is no data yet.
 */
public interface ParticipationFigures {

    /** Participants of all pupils, in per cent, on the plan's procedures with a coverage target. */
    @Nullable BigDecimal coverage(Scope scope, long regionId, int year);

    /** Of the schools with rows on procedures that require public observers, those with observers on every such row. */
    @Nullable BigDecimal observerShare(Scope scope, long regionId, int year);

    /**
     * Each participating school of the scope at each of the procedures, exactly as the coverage pages show them
     * (one query).
     */
    java.util.List<Coverage.School> schools(Scope scope, java.util.List<ru.rsoko.plan.Procedure> procedures);
}
