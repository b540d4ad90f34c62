package ru.rsoko.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Outcome;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.plan.domain.PlanForm;
import ru.rsoko.plan.domain.PlanReport;
import ru.rsoko.plan.domain.PlanService;
import ru.rsoko.plan.domain.ProcedureForm;
import ru.rsoko.plan.domain.StatusForm;
import ru.rsoko.platform.web.RuleViolationException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan-schedules for integrations: plans with their procedures and execution, scoped to the caller; regional
 * staff keep them here as on the pages, through the same service and with the same rules and messages.
 */
@RestController
@Tag(name = "План-график")
class PlanApiController {

    private final PlanService plans;
    private final PlanAccess access;
    private final PlanExecutionService execution;

    PlanApiController(PlanService plans, PlanAccess access, PlanExecutionService execution) {
        this.plans = plans;
        this.access = access;
        this.execution = execution;
    }

    record OrderJson(String issuer, String number, LocalDate date) {
    }

    record ProcedureJson(long id, long planId, String type, long typeId, String typeName, String title,
                         LocalDate periodStart, LocalDate periodEnd, LocalDate movedStart, LocalDate movedEnd,
                         List<Integer> grades, String subjects, Participants participants, List<Long> participantIds,
                         Long responsibleId, boolean observersRequired, BigDecimal coverageTarget, Long vsokoCampaignId,
                         ProcedureStatus status, LocalDate doneOn, String cancelReason, String resultsSummary,
                         Outcome outcome, long version) {
    }

    record ExecutionJson(LocalDate asOf, int total, int done, int doneOnTime, int late, int moved, int cancelled,
                         int overdue, int planned, int due,
                         @Schema(description = "выполнено в срок, % от процедур, срок которых наступил (due)") BigDecimal doneOnTimeShare) {
    }

    record PlanJson(long id, int year, String title, PlanStatus status, OrderJson order, List<ProcedureJson> procedures,
                    ExecutionJson execution, long version) {
    }

    @Schema(description = "Заголовок плана-графика: год, название (по умолчанию — типовое) и утверждающий приказ")
    record PlanRequest(Integer year, String title, OrderJson order,
                       @Schema(description = "версия из последнего чтения; обязательна при изменении") Long version) {
    }

    @Schema(description = "Процедура плана-графика. При изменении заменяет все поля процедуры: передайте и те, что не меняются")
    record ProcedureRequest(@Schema(description = "вид процедуры (id из справочника видов)") Long typeId,
                            @Schema(description = "по умолчанию — название вида") String title,
                            LocalDate periodStart, LocalDate periodEnd,
                            @Schema(description = "классы; у новой процедуры по умолчанию — классы вида") List<Integer> grades,
                            String subjects,
                            @Schema(description = "ALL_SCHOOLS (по умолчанию), MUNICIPALITIES или SCHOOLS") Participants participants,
                            @Schema(description = "муниципалитеты или школы-участники для MUNICIPALITIES и SCHOOLS") List<Long> participantIds,
                            Long responsibleId, Boolean observersRequired, BigDecimal coverageTarget,
                            Long vsokoCampaignId, String resultsSummary,
                            @Schema(description = "версия из последнего чтения; обязательна при изменении") Long version) {
    }

    @Schema(description = "Смена состояния процедуры: DONE с датой выполнения (on), MOVED с новыми сроками, CANCELLED с причиной, "
            + "IN_PROGRESS или PLANNED")
    record StatusRequest(ProcedureStatus to, LocalDate on, LocalDate movedStart, LocalDate movedEnd, String reason,
                         @Schema(description = "версия процедуры из последнего чтения") Long version) {
    }

    // ---- reading

    @GetMapping("/api/v1/plans")
    @Operation(summary = "Планы-графики, доступные вызывающему; year — только за этот год")
    List<PlanJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        return plans.reports(user, year).stream().map(PlanApiController::json).toList();
    }

    @GetMapping("/api/v1/plans/{id}")
    @Operation(summary = "План-график: приказ, процедуры и выполнение на дату (по умолчанию — сегодня в часовом поясе региона)")
    PlanJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @Parameter(description = "дата, на которую считается выполнение")
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return json(plans.report(user, id, asOf));
    }

    @GetMapping("/api/v1/procedures/{id}")
    @Operation(summary = "Процедура плана-графика с её состоянием и исходом на сегодня")
    ProcedureJson procedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return today(access.procedure(user, id));
    }

    // ---- keeping plans (regional staff)

    @PostMapping("/api/v1/plans")
    @Operation(summary = "Создать проект плана-графика на год (региональный специалист)",
            description = "Один план-график на год: повтор года — 400 с полем year. Процедуры добавляются отдельно.")
    ResponseEntity<PlanJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody PlanRequest request) {
        Plan plan = plans.create(user, form(request, null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(plan.id()).toUri()).body(json(plans.report(user, plan.id(), null)));
    }

    @PutMapping("/api/v1/plans/{id}")
    @Operation(summary = "Изменить заголовок плана-графика: год, название, приказ",
            description = "version обязательна; устаревшая — 409. Год утверждённого плана не меняется.")
    PlanJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody PlanRequest request) {
        plans.kept(user, id);
        plans.update(user, id, form(request, required(request.version())));
        return json(plans.report(user, id, null));
    }

    @PostMapping("/api/v1/plans/{id}/approve")
    @Operation(summary = "Утвердить план-график приказом",
            description = "Нужны реквизиты приказа и хотя бы одна процедура; уже утверждённый — 409.")
    PlanJson approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        plans.approve(user, id, version);
        return json(plans.report(user, id, null));
    }

    @DeleteMapping("/api/v1/plans/{id}")
    @Operation(summary = "Удалить проект плана-графика",
            description = "Только проект, по процедурам которого ещё ничего не внесено; утверждённый — 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        plans.delete(user, id, version);
        return ResponseEntity.noContent().build();
    }

    // ---- keeping procedures (regional staff)

    @PostMapping("/api/v1/plans/{id}/procedures")
    @Operation(summary = "Добавить процедуру в план-график",
            description = "Сроки — в году плана; после утверждения изменения сроков сообщаются участникам, как со страницы.")
    ResponseEntity<ProcedureJson> addProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                               @RequestBody ProcedureRequest request) {
        Procedure added = plans.addProcedure(user, id, form(request, null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v1/procedures/{id}").buildAndExpand(added.id()).toUri())
                .body(today(access.procedure(user, added.id())));
    }

    @PutMapping("/api/v1/procedures/{id}")
    @Operation(summary = "Изменить процедуру плана-графика", description = "version обязательна; устаревшая — 409.")
    ProcedureJson updateProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @RequestBody ProcedureRequest request) {
        keptProcedure(user, id);
        plans.updateProcedure(user, id, form(request, required(request.version())));
        return today(access.procedure(user, id));
    }

    @PostMapping("/api/v1/procedures/{id}/status")
    @Operation(summary = "Сменить состояние процедуры: проводится, выполнено, перенесено, отменено или снова запланировано",
            description = "Только процедуры утверждённого плана-графика. version обязательна; устаревшая — 409.")
    ProcedureJson status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody StatusRequest request) {
        keptProcedure(user, id);
        if (request.to() == null) {
            throw RuleViolationException.field("to", "Укажите новое состояние процедуры");
        }
        plans.changeStatus(user, id, new StatusForm(request.to(), request.on(), request.movedStart(), request.movedEnd(),
                request.reason(), required(request.version())));
        return today(access.procedure(user, id));
    }

    @DeleteMapping("/api/v1/procedures/{id}")
    @Operation(summary = "Удалить процедуру из проекта плана-графика",
            description = "Процедуру утверждённого плана не удаляют (409): её отмечают отменённой с причиной.")
    ResponseEntity<Void> deleteProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                         @RequestParam long version) {
        plans.deleteProcedure(user, id, version);
        return ResponseEntity.noContent().build();
    }

    // ---- mapping

    /** Not found outside the scope, refused to all but regional staff: before the body is judged, as on the pages. */
    private void keptProcedure(CurrentUser user, long id) {
        access.procedure(user, id);
        PlanService.requireKeeper(user);
    }

    /** The procedure as of today in its region (a deployment administrator has no zone of their own). */
    private ProcedureJson today(Procedure p) {
        return json(p, execution.today(p.regionId()));
    }

    private static Long required(Long version) {
        if (version == null) {
            throw RuleViolationException.field("version", "Укажите version — версию записи из последнего чтения");
        }
        return version;
    }

    private static PlanForm form(PlanRequest r, Long version) {
        PlanForm form = new PlanForm();
        form.setYear(r.year());
        form.setTitle(r.title());
        if (r.order() != null) {
            form.setOrderIssuer(r.order().issuer());
            form.setOrderNumber(r.order().number());
            form.setOrderDate(r.order().date());
        }
        form.setVersion(version);
        return form;
    }

    private static ProcedureForm form(ProcedureRequest r, Long version) {
        ProcedureForm form = new ProcedureForm();
        form.setTypeId(r.typeId());
        form.setTitle(r.title());
        form.setPeriodStart(r.periodStart());
        form.setPeriodEnd(r.periodEnd());
        form.setGrades(r.grades() == null ? null : Procedure.gradesText(r.grades()));
        form.setSubjects(r.subjects());
        if (r.participants() != null) {
            form.setParticipants(r.participants());
        }
        form.setParticipantIds(r.participantIds() == null ? new ArrayList<>() : new ArrayList<>(r.participantIds()));
        form.setResponsibleId(r.responsibleId());
        form.setObserversRequired(r.observersRequired());
        form.setCoverageTarget(r.coverageTarget());
        form.setVsokoCampaignId(r.vsokoCampaignId());
        form.setResultsSummary(r.resultsSummary());
        form.setVersion(version);
        return form;
    }

    private static ProcedureJson json(Procedure p, LocalDate asOf) {
        return new ProcedureJson(p.id(), p.planId(), p.typeCode(), p.typeId(), p.typeName(), p.title(), p.periodStart(),
                p.periodEnd(), p.movedStart(), p.movedEnd(), p.gradeList(), p.subjects(), p.participants(),
                p.participantIds().stream().sorted().toList(), p.responsibleId(), p.observersRequired(),
                p.coverageTarget(), p.vsokoCampaignId(), p.status(), p.doneOn(), p.cancelReason(), p.resultsSummary(),
                p.outcomeOn(asOf), p.version());
    }

    private static PlanJson json(PlanReport r) {
        Plan plan = r.plan();
        PlanExecution report = r.execution();
        PlanExecution.Figures f = report.total();
        List<ProcedureJson> procedures = r.procedures().stream().map(p -> json(p, report.asOf())).toList();
        return new PlanJson(plan.id(), plan.year(), plan.title(), plan.status(),
                new OrderJson(plan.orderIssuer(), plan.orderNumber(), plan.orderDate()), procedures,
                new ExecutionJson(report.asOf(), f.total(), f.done(), f.doneOnTime(), f.late(), f.moved(), f.cancelled(),
                        f.overdue(), f.planned(), f.due(), f.onTimeShareOfDue()), plan.version());
    }
}
