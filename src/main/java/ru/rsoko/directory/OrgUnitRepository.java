package ru.rsoko.directory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long>, JpaSpecificationExecutor<OrgUnit> {

    @EntityGraph(attributePaths = "parent")
    Optional<OrgUnit> findWithParentById(long id);

    @Query(value = "select nextval('org_unit_id_seq')", nativeQuery = true)
    long nextId();

    @Override
    @EntityGraph(attributePaths = "parent")
    Page<OrgUnit> findAll(Specification<OrgUnit> spec, Pageable pageable);

    @Query("""
            select count(o) > 0 from OrgUnit o
            where lower(o.name) = lower(:name) and o.id <> :excludeId
              and ((:parentId is null and o.parent is null) or o.parent.id = :parentId)""")
    boolean siblingNamed(Long parentId, String name, long excludeId);

    @Query("select o from OrgUnit o where o.parent.id = :parentId and o.type = :type and lower(o.name) = lower(:name)")
    Optional<OrgUnit> findChild(long parentId, OrgUnitType type, String name);

    @Query("select o from OrgUnit o where o.type = ru.rsoko.directory.OrgUnitType.REGION order by o.name")
    List<OrgUnit> findRegions();

    @Query("select o from OrgUnit o where o.regionId = :regionId and o.type in :types order by o.type, o.name")
    List<OrgUnit> findInRegion(long regionId, List<OrgUnitType> types);

    @Query("select count(o) from OrgUnit o where o.parent.id = :parentId and o.active = true")
    long countActiveChildren(long parentId);

    @Query("""
            select m.id, m.name, m.active, count(s.id), m.shortName
            from OrgUnit m left join OrgUnit s
              on s.municipalityId = m.id and s.type = ru.rsoko.directory.OrgUnitType.SCHOOL and s.active = true
            where m.regionId = :regionId and m.type = ru.rsoko.directory.OrgUnitType.MUNICIPALITY
            group by m.id, m.name, m.active, m.shortName
            order by m.name""")
    List<Object[]> municipalitiesWithSchoolCounts(long regionId);
}
