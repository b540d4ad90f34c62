package ru.rsoko.execution.domain;

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

interface ExecutionRepository extends JpaRepository<Execution, Long>, JpaSpecificationExecutor<Execution> {

    @Override
    @EntityGraph(attributePaths = {"orgUnit", "evidenceFile"})
    Page<Execution> findAll(Specification<Execution> spec, Pageable pageable);

    @EntityGraph(attributePaths = {"orgUnit", "evidenceFile"})
    Optional<Execution> findWithOrgUnitById(long id);

    @EntityGraph(attributePaths = {"orgUnit", "evidenceFile"})
    List<Execution> findAllByIdIn(Collection<Long> ids);

    @Query("select c from ExecutionComment c where c.execution.id = :executionId order by c.createdAt, c.id")
    List<ExecutionComment> comments(long executionId);
}
