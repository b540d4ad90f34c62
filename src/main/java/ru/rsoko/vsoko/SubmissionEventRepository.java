package ru.rsoko.vsoko;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface SubmissionEventRepository extends JpaRepository<SubmissionEvent, Long> {

    List<SubmissionEvent> findBySubmissionIdOrderByAtDescIdDesc(long submissionId);
}
