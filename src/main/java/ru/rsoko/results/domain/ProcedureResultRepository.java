package ru.rsoko.results.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ProcedureResultRepository extends JpaRepository<ProcedureResult, Long> {

    List<ProcedureResult> findByProcedureId(long procedureId);

    List<ProcedureResult> findByProcedureIdAndSchoolId(long procedureId, long schoolId);
}
