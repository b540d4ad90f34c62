package ru.rsoko.plan.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface ProcedureRepository extends JpaRepository<ProcedureEntity, Long> {

    @Query("select p from ProcedureEntity p join fetch p.type left join fetch p.responsible left join fetch p.participantIds where p.plan.id = :planId order by p.position")
    List<ProcedureEntity> findByPlan(long planId);

    @Query("select p from ProcedureEntity p join fetch p.type join fetch p.plan left join fetch p.responsible left join fetch p.participantIds where p.plan.id in :planIds order by p.plan.id, p.position")
    List<ProcedureEntity> findByPlans(Collection<Long> planIds);
}
