package ru.rsoko.plan.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.platform.web.Share;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The execution of plans as of a day of the plan's region. */
@Service
@Transactional(readOnly = true)
class PlanExecutions implements PlanExecutionService {

    private final PlanRepository plans;
    private final PlanProcedures procedures;
    private final DirectoryService directory;
    private final Clock clock;

    PlanExecutions(PlanRepository plans, PlanProcedures procedures, DirectoryService directory, Clock clock) {
        this.plans = plans;
        this.procedures = procedures;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public PlanExecution of(Plan plan, LocalDate asOf) {
        return PlanExecution.of(procedures.of(plan.id()), asOf);
    }

    @Override
    public PlanExecution now(Plan plan) {
        return of(plan, today(plan.regionId()));
    }

    @Override
    public LocalDate today(long regionId) {
        return LocalDate.now(clock.withZone(directory.region(regionId).zone()));
    }

    @Override
    public Optional<Share> onTimeShare(long regionId, int year) {
        return plans.findByRegionIdAndYear(regionId, year).filter(p -> p.getStatus() == PlanStatus.APPROVED)
                .map(p -> now(p.view()).total().onTime());
    }
}
