package ru.rsoko.objectivity.domain;

import ru.rsoko.objectivity.ListKind;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface SchoolListRepository extends JpaRepository<SchoolListEntry, Long> {

    List<SchoolListEntry> findByRegionIdAndYearAndKind(long regionId, int year, ListKind kind);

    boolean existsByYearAndKindAndSchoolId(int year, ListKind kind, long schoolId);
}
