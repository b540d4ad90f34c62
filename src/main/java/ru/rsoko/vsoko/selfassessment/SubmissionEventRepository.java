package ru.rsoko.vsoko.selfassessment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface SubmissionEventRepository extends JpaRepository<SubmissionEvent, Long> {

    List<SubmissionEvent> findBySubmissionIdOrderByAtDescIdDesc(long submissionId);
}
