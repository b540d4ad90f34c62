package ru.rsoko.plan;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    List<Plan> findByRegionIdOrderByYearDesc(long regionId);

    Optional<Plan> findByRegionIdAndYear(long regionId, int year);
}
