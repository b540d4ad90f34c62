package ru.rsoko.participation;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;

import java.util.List;

/** For a home page: the schools of the user's scope under the coverage targets of a plan (the latest approved one). */
public interface CoverageAlerts {

    /** A procedure with a target and the schools of the scope under it. */
    record Alert(Procedure procedure, List<Coverage.School> schools) {
    }

    /** The plan's procedures with a coverage target that have schools of the user's scope under it; none without a plan. */
    List<Alert> underTarget(CurrentUser user, @Nullable Plan plan);
}
