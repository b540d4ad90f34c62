package ru.rsoko.support.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface SupportProgrammeRepository extends JpaRepository<SupportProgramme, Long> {

    Optional<SupportProgramme> findBySchoolIdAndYear(long schoolId, int year);
}
