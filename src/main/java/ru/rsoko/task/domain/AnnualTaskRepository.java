package ru.rsoko.task.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AnnualTaskRepository extends JpaRepository<AnnualTask, Long> {

    List<AnnualTask> findByRegionIdAndYearOrderByPositionAscIdAsc(long regionId, int year);

    List<AnnualTask> findByRegionIdOrderByYearDesc(long regionId);
}
