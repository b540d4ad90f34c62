package ru.rsoko.plan.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface PlanRepository extends JpaRepository<PlanEntity, Long> {

    List<PlanEntity> findByRegionIdOrderByYearDesc(long regionId);

    Optional<PlanEntity> findByRegionIdAndYear(long regionId, int year);
}
