package ru.rsoko.results.signs;

import org.springframework.data.jpa.repository.JpaRepository;
import ru.rsoko.objectivity.ListKind;

import java.util.Optional;

interface CandidateReviewRepository extends JpaRepository<CandidateReview, Long> {

    Optional<CandidateReview> findByYearAndKindAndSchoolId(int year, ListKind kind, Long schoolId);
}
