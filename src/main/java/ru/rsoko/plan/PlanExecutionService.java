package ru.rsoko.plan;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.directory.DirectoryService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The execution of plans as of a day of the plan's region. */
@Service
@Transactional(readOnly = true)
public class PlanExecutionService {

    private final PlanRepository plans;
    private final ProcedureRepository procedures;
    private final DirectoryService directory;
    private final Clock clock;

    PlanExecutionService(PlanRepository plans, ProcedureRepository procedures, DirectoryService directory, Clock clock) {
        this.plans = plans;
        this.procedures = procedures;
        this.directory = directory;
        this.clock = clock;
    }

    public PlanExecution of(Plan plan, LocalDate asOf) {
        return PlanExecution.of(procedures.findByPlan(plan.getId()), asOf);
    }

    /** As of today in the region's time zone. */
    public PlanExecution now(Plan plan) {
        return of(plan, today(plan.getRegionId()));
    }

    public LocalDate today(long regionId) {
        return LocalDate.now(clock.withZone(directory.region(regionId).zone()));
    }

    /**
     * The share of the year's approved plan procedures done on time among those due by today, for a task
     * «обеспечить выполнение плана-графика»; empty when the region has no approved plan that year or nothing was due.
     */
    public Optional<BigDecimal> onTimeShare(long regionId, int year) {
        return plans.findByRegionIdAndYear(regionId, year).filter(p -> p.getStatus() == PlanStatus.APPROVED)
                .map(p -> now(p).total().onTimeShareOfDue());
    }
}
