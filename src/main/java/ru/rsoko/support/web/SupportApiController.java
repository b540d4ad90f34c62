package ru.rsoko.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.support.MeasureStatus;
import ru.rsoko.support.ProgrammeStatus;
import ru.rsoko.support.RiskFactor;
import ru.rsoko.support.RiskLevel;
import ru.rsoko.support.domain.SupportProgrammeService;
import ru.rsoko.support.domain.SupportProgrammeService.MeasureForm;
import ru.rsoko.support.domain.SupportProgrammeService.MeasureView;
import ru.rsoko.support.domain.SupportProgrammeService.ProgrammeForm;
import ru.rsoko.support.domain.SupportProgrammeService.ProgrammeView;
import ru.rsoko.support.domain.SupportProgrammeService.ReportForm;
import ru.rsoko.support.domain.SupportProgrammeService.RiskForm;

import java.time.LocalDate;
import java.util.List;

/** The support programmes of ШНОР schools for integrations: read within the scope, kept by region and municipality. */
@RestController
@Tag(name = "Программы поддержки ШНОР")
class SupportApiController {

    record OrgRef(long id, String name) {
    }

    record RiskJson(RiskFactor factor, String factorName, RiskLevel levelBefore, @Nullable RiskLevel levelAfter,
                    @Nullable String note) {
    }

    record MeasureJson(long id, int position, String text, @Nullable RiskFactor riskFactor, String responsible,
                       LocalDate dueOn, MeasureStatus status, @Nullable LocalDate doneOn, @Nullable String report,
                       @Schema(description = "не выполнена и не отменена, а срок прошёл (по часовому поясу региона)")
                       boolean overdue, long version) {
    }

    record CountsJson(int total, int done, int overdue) {
    }

    record ProgrammeJson(long id, OrgRef school, @Nullable OrgRef municipality, int year, String title,
                         @Nullable String goal, ProgrammeStatus status, @Nullable LocalDate approvedOn,
                         @Nullable LocalDate closedOn, @Nullable String conclusion, List<RiskJson> risks,
                         List<MeasureJson> measures, CountsJson measureCounts, long version) {
    }

    @Schema(description = "Фактор риска школы: код (EQUIPMENT, STAFF_SHORTAGE, …) и уровень HIGH | MEDIUM | LOW")
    record RiskRequest(RiskFactor factor, RiskLevel levelBefore, @Nullable RiskLevel levelAfter, @Nullable String note) {
    }

    record MeasureRequest(String text, @Nullable RiskFactor riskFactor, String responsible, LocalDate dueOn) {
    }

    @Schema(description = "Программа поддержки школы из списка ШНОР года year")
    record CreateRequest(Integer year, String title, @Nullable String goal, @Nullable ProgrammeStatus status,
                         @Nullable LocalDate approvedOn, @Nullable List<RiskRequest> risks,
                         @Nullable List<MeasureRequest> measures) {
    }

    @Schema(description = "Изменение программы; risks — факторы, которые добавить или чьи уровни изменить (другие не меняются)")
    record UpdateRequest(String title, @Nullable String goal, @Nullable ProgrammeStatus status,
                         @Nullable LocalDate approvedOn, @Nullable LocalDate closedOn, @Nullable String conclusion,
                         @Nullable List<RiskRequest> risks,
                         @Schema(description = "версия из последнего чтения; устаревшая — 409") Long version) {
    }

    @Schema(description = "Отчёт школы о мере: состояние, дата выполнения (для DONE), текст отчёта")
    record ReportRequest(MeasureStatus status, @Nullable LocalDate doneOn, @Nullable String report, Long version) {
    }

    private final SupportProgrammeService programmes;

    SupportApiController(SupportProgrammeService programmes) {
        this.programmes = programmes;
    }

    @GetMapping("/api/v1/schools/{id}/support-programmes")
    @Operation(summary = "Программы поддержки школы с факторами риска и мерами",
            description = "Школа вне области видимости — 404. Просрочка меры считается по часовому поясу региона.")
    List<ProgrammeJson> ofSchool(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return programmes.ofSchool(user, id).stream().map(SupportApiController::json).toList();
    }

    @PostMapping("/api/v1/schools/{id}/support-programmes")
    @Operation(summary = "Составить программу поддержки школы из списка ШНОР (регион, муниципалитет школы)",
            description = "Школы нет в списке ШНОР года — 400 с полем year; программа года уже есть — 400.")
    ResponseEntity<ProgrammeJson> create(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                         @RequestBody CreateRequest request) {
        List<RiskForm> risks = request.risks() == null ? null : request.risks().stream()
                .map(r -> new RiskForm(r.factor(), r.levelBefore(), r.levelAfter(), r.note())).toList();
        List<MeasureForm> measures = request.measures() == null ? null : request.measures().stream()
                .map(m -> new MeasureForm(m.text(), m.riskFactor(), m.responsible(), m.dueOn(), null)).toList();
        ProgrammeView view = programmes.create(user, id, new ProgrammeForm(request.year(), request.title(),
                request.goal(), request.status(), request.approvedOn(), null, null, risks, measures, null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/support-programmes/{id}").buildAndExpand(view.id()).toUri()).body(json(view));
    }

    @PutMapping("/api/v1/support-programmes/{id}")
    @Operation(summary = "Изменить программу: название, цель, статус (DRAFT → ACTIVE → CLOSED), даты, заключение, уровни рисков",
            description = "version обязательна; устаревшая — 409. Недопустимый переход статуса — 400.")
    ProgrammeJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @RequestBody UpdateRequest request) {
        List<RiskForm> risks = request.risks() == null ? null : request.risks().stream()
                .map(r -> new RiskForm(r.factor(), r.levelBefore(), r.levelAfter(), r.note())).toList();
        return json(programmes.update(user, id, new ProgrammeForm(null, request.title(), request.goal(),
                request.status(), request.approvedOn(), request.closedOn(), request.conclusion(), risks, null,
                request.version())));
    }

    @PutMapping("/api/v1/support-measures/{id}/report")
    @Operation(summary = "Отчёт руководителя школы о мере программы",
            description = "status PLANNED | IN_PROGRESS | DONE | CANCELLED; для DONE нужны doneOn и report. "
                    + "version обязательна; устаревшая — 409.")
    MeasureJson report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestBody ReportRequest request) {
        return json(programmes.report(user, id, new ReportForm(request.status(), request.doneOn(), request.report(),
                request.version())));
    }

    static ProgrammeJson json(ProgrammeView p) {
        return new ProgrammeJson(p.id(), new OrgRef(p.schoolId(), p.schoolName()),
                p.municipalityId() == null ? null : new OrgRef(p.municipalityId(), p.municipalityName()), p.year(),
                p.title(), p.goal(), p.status(), p.approvedOn(), p.closedOn(), p.conclusion(),
                p.risks().stream().map(r -> new RiskJson(r.factor(), r.factor().label(), r.levelBefore(),
                        r.levelAfter(), r.note())).toList(),
                p.measures().stream().map(SupportApiController::json).toList(),
                new CountsJson(p.counts().total(), p.counts().done(), p.counts().overdue()), p.version());
    }

    static MeasureJson json(MeasureView m) {
        return new MeasureJson(m.id(), m.position(), m.text(), m.riskFactor(), m.responsible(), m.dueOn(), m.status(),
                m.doneOn(), m.report(), m.overdue(), m.version());
    }
}
