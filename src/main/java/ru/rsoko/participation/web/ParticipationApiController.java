package ru.rsoko.participation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.participation.Coverage;
import ru.rsoko.participation.domain.CoverageService;
import ru.rsoko.participation.domain.ParticipationService;
import ru.rsoko.plan.Procedure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Coverage of a plan's procedures and participation rows of a procedure, for integrations. */
@RestController
@Tag(name = "Участие в процедурах")
class ParticipationApiController {

    record OrgRef(Long id, String name) {
    }

    record CoverageJson(OrgRef orgUnit, long pupils, long participants, BigDecimal coverage, int schools,
                        int schoolsUnderTarget, int schoolsWithoutData, int schoolsWithObservers) {
    }

    record RowJson(long id, OrgRef school, OrgRef municipality, int grade, int pupils, int participants,
                   BigDecimal coverage, boolean observers, long version, Instant updatedAt, String updatedBy) {
    }

    record ParticipationJson(long procedureId, String title, List<Integer> grades, BigDecimal coverageTarget,
                             boolean observersRequired, List<RowJson> rows) {
    }

    record ParticipationPut(List<ParticipationService.RowInput> rows) {
    }

    private final CoverageService coverage;
    private final ParticipationService participation;

    ParticipationApiController(CoverageService coverage, ParticipationService participation) {
        this.coverage = coverage;
        this.participation = participation;
    }

    @GetMapping("/api/v1/plans/{id}/coverage")
    @Operation(summary = "Охват обучающихся процедурами плана-графика с целевым показателем охвата",
            description = "coverage = сумма участников / сумма обучающихся × 100 по внесённым строкам (класс ОО), "
                    + "с округлением до 0,1; null, если обучающихся нет. Класс ОО без строки — «нет данных»: не считается "
                    + "ни 0, ни 100 %, а учитывается в schoolsWithoutData. by=municipality (по умолчанию) | school | region; "
                    + "procedureId — только одна процедура плана. В пределах доступа вызывающего.")
    List<CoverageJson> coverage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                @Parameter(description = "municipality, school или region") @RequestParam(defaultValue = "municipality") String by,
                                @RequestParam(required = false) Long procedureId) {
        return coverage.plan(user, id, by, procedureId).stream().map(t -> new CoverageJson(new OrgRef(t.orgUnitId(), t.name()),
                t.pupils(), t.participants(), t.coverage(), t.schools(), t.schoolsUnderTarget(), t.schoolsWithoutData(),
                t.schoolsWithObservers())).toList();
    }

    @GetMapping("/api/v1/procedures/{id}/participation")
    @Operation(summary = "Участие в процедуре: строки (ОО, класс) в пределах доступа, с версиями для записи")
    ParticipationJson rows(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return json(participation.rows(user, id));
    }

    @PutMapping("/api/v1/procedures/{id}/participation")
    @Operation(summary = "Записать участие: всё или ничего",
            description = "rows: [{schoolId, grade, pupils, participants, observers, version}] — version строки, которую вы "
                    + "прочитали (null для новой). Ошибки — 400 с rowErrors (row — номер строки в rows, начиная с 1; "
                    + "column — поле); строку изменил кто-то другой — 409. Записывают ОО, МОУО и сотрудники региона.")
    ParticipationJson put(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ParticipationPut body) {
        participation.saveRows(user, id, body == null ? null : body.rows());
        return json(participation.rows(user, id));
    }

    private static ParticipationJson json(ParticipationService.ProcedureRows read) {
        Procedure procedure = read.procedure();
        List<RowJson> rows = read.rows().stream().map(r -> new RowJson(r.id(),
                new OrgRef(r.schoolId(), r.schoolName()),
                r.municipalityId() == null ? null : new OrgRef(r.municipalityId(), r.municipalityName()), r.grade(),
                r.pupils(), r.participants(), Coverage.percent(r.participants(), r.pupils()), r.observers(), r.version(),
                r.updatedAt(), r.updatedBy())).toList();
        return new ParticipationJson(procedure.id(), procedure.title(), procedure.gradeList(),
                procedure.coverageTarget(), procedure.observersRequired(), rows);
    }
}
