package ru.rsoko.plan;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface ProcedureRepository extends JpaRepository<Procedure, Long> {

    @Query("select p from Procedure p join fetch p.type where p.plan.id = :planId order by p.position")
    List<Procedure> findByPlan(long planId);

    /** The procedures of a region's approved plans that were not cancelled, for the due dates of decisions. */
    @Query("""
            select p from Procedure p where p.regionId = :regionId and p.plan.status = ru.rsoko.plan.PlanStatus.APPROVED
            and p.status <> ru.rsoko.plan.ProcedureStatus.CANCELLED order by p.periodEnd""")
    List<Procedure> findScheduledInRegion(long regionId);
}
