package ru.rsoko.plan;

import ru.rsoko.platform.web.Share;

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
     * «Выполнено в срок» of the region's approved plan of the year as of today in the region: the procedures done on
     * time among those whose term has come ({@link PlanExecution.Figures#onTime()}: done, moved or overdue;
     * cancelled ones and those ahead are not counted), the very figure the plan's execution page shows for today. For
     * the task «обеспечить выполнение плана-графика»; empty when the region has no approved plan that year.
     */
    Optional<Share> onTimeShare(long regionId, int year);
}
