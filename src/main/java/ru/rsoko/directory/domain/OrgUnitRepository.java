package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnitType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface OrgUnitRepository extends JpaRepository<OrgUnitEntity, Long>, JpaSpecificationExecutor<OrgUnitEntity> {

    @EntityGraph(attributePaths = "parent")
    Optional<OrgUnitEntity> findWithParentById(long id);

    @EntityGraph(attributePaths = "parent")
    List<OrgUnitEntity> findWithParentByIdIn(Collection<Long> ids);

    @Query(value = "select nextval('org_unit_id_seq')", nativeQuery = true)
    long nextId();

    @Override
    @EntityGraph(attributePaths = "parent")
    Page<OrgUnitEntity> findAll(Specification<OrgUnitEntity> spec, Pageable pageable);

    @Query("""
            select count(o) > 0 from OrgUnitEntity o
            where lower(o.name) = lower(:name) and o.id <> :excludeId
              and ((:parentId is null and o.parent is null) or o.parent.id = :parentId)""")
    boolean siblingNamed(Long parentId, String name, long excludeId);

    @Query("select o from OrgUnitEntity o where o.parent.id = :parentId and o.type = :type and lower(o.name) = lower(:name)")
    Optional<OrgUnitEntity> findChild(long parentId, OrgUnitType type, String name);

    @Query("select o from OrgUnitEntity o where o.type = ru.rsoko.directory.OrgUnitType.REGION order by o.name")
    List<OrgUnitEntity> findRegions();

    @Query("select o from OrgUnitEntity o where o.regionId = :regionId and o.type in :types order by o.type, o.name")
    List<OrgUnitEntity> findInRegion(long regionId, List<OrgUnitType> types);

    @Query("select count(o) from OrgUnitEntity o where o.parent.id = :parentId and o.active = true")
    long countActiveChildren(long parentId);

    @Query("""
            select m.id, m.name, m.active, count(s.id), m.shortName
            from OrgUnitEntity m left join OrgUnitEntity s
              on s.municipalityId = m.id and s.type = ru.rsoko.directory.OrgUnitType.SCHOOL and s.active = true
            where m.regionId = :regionId and m.type = ru.rsoko.directory.OrgUnitType.MUNICIPALITY
            group by m.id, m.name, m.active, m.shortName
            order by m.name""")
    List<Object[]> municipalitiesWithSchoolCounts(long regionId);
}
