package ru.rsoko.support.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface SupportRiskRepository extends JpaRepository<SupportRisk, Long> {

    List<SupportRisk> findByProgrammeIdOrderById(long programmeId);

    List<SupportRisk> findByProgrammeIdIn(java.util.Collection<Long> programmeIds);
}
