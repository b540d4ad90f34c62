package ru.rsoko.objectivity;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface SchoolListRepository extends JpaRepository<SchoolListEntry, Long> {

    List<SchoolListEntry> findByRegionIdAndYearAndKind(long regionId, int year, ListKind kind);

    boolean existsByYearAndKindAndSchoolId(int year, ListKind kind, long schoolId);
}
