package ru.rsoko.support.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface SupportMeasureRepository extends JpaRepository<SupportMeasure, Long> {

    List<SupportMeasure> findByProgrammeIdOrderByPositionAscIdAsc(long programmeId);

    List<SupportMeasure> findByProgrammeIdIn(java.util.Collection<Long> programmeIds);
}
