package ru.rsoko.plan.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface ProcedureTypeRepository extends JpaRepository<ProcedureType, Long> {

    /** The shared catalogue and the region's own types. */
    @Query("select t from ProcedureType t where t.regionId is null or t.regionId = :regionId order by t.position, t.name")
    List<ProcedureType> findForRegion(long regionId);
}
