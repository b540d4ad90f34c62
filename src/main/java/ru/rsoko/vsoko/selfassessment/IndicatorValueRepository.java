package ru.rsoko.vsoko.selfassessment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface IndicatorValueRepository extends JpaRepository<IndicatorValue, Long> {

    List<IndicatorValue> findBySubmissionId(long submissionId);

    Optional<IndicatorValue> findBySubmissionIdAndIndicatorId(long submissionId, long indicatorId);
}
