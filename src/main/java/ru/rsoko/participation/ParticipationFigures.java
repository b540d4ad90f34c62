package ru.rsoko.participation;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.Share;

/**
 * Figures of the participation in a region's approved plan-schedule of a year, within a viewer's scope: what annual
 * tasks and dashboards check. They are computed from the same school figures ({@link Coverage.School}) as the
 * coverage pages, so a figure reads the same on both. Null when there is no data yet.
 */
public interface ParticipationFigures {

    /**
     * Participants of pupils on the plan's procedures with a coverage target, by {@link Coverage}'s rule: the region's
     * (or the scope's) «Итого» of the coverage page when the plan has one such procedure.
     */
    @Nullable Share coverage(Scope scope, long regionId, int year);

    /** Of the schools with rows on procedures that require public observers, those with observers on every such row. */
    @Nullable Share observerShare(Scope scope, long regionId, int year);

    /**
     * Each participating school of the scope at each of the procedures, exactly as the coverage pages show them
     * (one query).
     */
    java.util.List<Coverage.School> schools(Scope scope, java.util.List<ru.rsoko.plan.Procedure> procedures);
}
