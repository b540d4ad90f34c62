package ru.rsoko.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Outcome;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.plan.domain.PlanReport;
import ru.rsoko.plan.domain.PlanService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The plan-schedules for integrations: plans with their procedures and execution, scoped to the caller. */
@RestController
@Tag(name = "План-график")
class PlanApiController {

    private final PlanService plans;

    PlanApiController(PlanService plans) {
        this.plans = plans;
    }

    record OrderJson(String issuer, String number, LocalDate date) {
    }

    record ProcedureJson(long id, String type, String typeName, String title, LocalDate periodStart, LocalDate periodEnd,
                         LocalDate movedStart, LocalDate movedEnd, List<Integer> grades, String subjects,
                         Participants participants, boolean observersRequired, BigDecimal coverageTarget,
                         ProcedureStatus status, LocalDate doneOn, String cancelReason, Outcome outcome, long version) {
    }

    record ExecutionJson(LocalDate asOf, int total, int done, int doneOnTime, int late, int moved, int cancelled,
                         int overdue, int planned, int due,
                         @Schema(description = "выполнено в срок, % от процедур, срок которых наступил (due)") BigDecimal doneOnTimeShare) {
    }

    record PlanJson(long id, int year, String title, PlanStatus status, OrderJson order, List<ProcedureJson> procedures,
                    ExecutionJson execution, long version) {
    }

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

    private static PlanJson json(PlanReport r) {
        Plan plan = r.plan();
        PlanExecution report = r.execution();
        PlanExecution.Figures f = report.total();
        List<ProcedureJson> procedures = r.procedures().stream().map(p -> new ProcedureJson(p.id(),
                p.typeCode(), p.typeName(), p.title(), p.periodStart(), p.periodEnd(),
                p.movedStart(), p.movedEnd(), p.gradeList(), p.subjects(), p.participants(),
                p.observersRequired(), p.coverageTarget(), p.status(), p.doneOn(), p.cancelReason(),
                p.outcomeOn(report.asOf()), p.version())).toList();
        return new PlanJson(plan.id(), plan.year(), plan.title(), plan.status(),
                new OrderJson(plan.orderIssuer(), plan.orderNumber(), plan.orderDate()), procedures,
                new ExecutionJson(report.asOf(), f.total(), f.done(), f.doneOnTime(), f.late(), f.moved(), f.cancelled(),
                        f.overdue(), f.planned(), f.due(), f.onTimeShareOfDue()), plan.version());
    }
}
