package ru.rsoko.objectivity.domain;

import ru.rsoko.objectivity.ListKind;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface SchoolListRepository extends JpaRepository<SchoolListEntry, Long> {

    List<SchoolListEntry> findByRegionIdAndYearAndKind(long regionId, int year, ListKind kind);

    Optional<SchoolListEntry> findByYearAndKindAndSchoolId(int year, ListKind kind, long schoolId);

    boolean existsByYearAndKindAndSchoolId(int year, ListKind kind, long schoolId);
}
