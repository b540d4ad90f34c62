package ru.rsoko.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The execution of plans as of a day of the plan's region. */
public interface PlanExecutionService {

    PlanExecution of(Plan plan, LocalDate asOf);

    /** As of today in the region's time zone. */
    PlanExecution now(Plan plan);

    /** Today in the region's time zone. */
    LocalDate today(long regionId);

    /**
     * The share of the year's approved plan procedures done on time among those due by today, for a task
     * «обеспечить выполнение плана-графика»; empty when the region has no approved plan that year or nothing was due.
     */
    Optional<BigDecimal> onTimeShare(long regionId, int year);
}
