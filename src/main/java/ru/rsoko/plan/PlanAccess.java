package ru.rsoko.plan;

import ru.rsoko.access.CurrentUser;

import java.util.List;
import java.util.Optional;

/**
 * Plans and procedures as other modules read them. Regional staff see their region's plans, drafts included;
 * municipal officers and directors see their region's approved plans, which are public documents of the region; an
 * administrator sees all. Anything else is «not found» ({@code NotFoundException}).
 */
public interface PlanAccess {

    /** The plans the user sees, the latest year first. */
    List<Plan> list(CurrentUser user);

    /** A plan the user sees. */
    Plan plan(CurrentUser user, long id);

    /** A procedure of a plan the user sees. */
    Procedure procedure(CurrentUser user, long id);

    /** The procedures of a plan (as read through this face), in the plan's order. */
    List<Procedure> procedures(Plan plan);

    /** The procedures of several plans in one read, each plan's in its order. */
    java.util.Map<Long, List<Procedure>> procedures(java.util.Collection<Plan> plans);

    /** The region's plan of the year, whoever asks: for demo data and jobs that act for the system, not for a person. */
    Optional<Plan> ofYear(long regionId, int year);
}
