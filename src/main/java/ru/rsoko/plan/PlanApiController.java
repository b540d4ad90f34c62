package ru.rsoko.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The plan-schedules for integrations: plans with their procedures and execution, scoped to the caller. */
@RestController
@Tag(name = "План-график")
class PlanApiController {

    private final PlanAccess access;
    private final PlanExecutionService execution;

    PlanApiController(PlanAccess access, PlanExecutionService execution) {
        this.access = access;
        this.execution = execution;
    }

    record OrderJson(String issuer, String number, LocalDate date) {
    }

    record ProcedureJson(long id, String type, String typeName, String title, LocalDate periodStart, LocalDate periodEnd,
                         LocalDate movedStart, LocalDate movedEnd, List<Integer> grades, String subjects,
                         Participants participants, boolean observersRequired, BigDecimal coverageTarget,
                         ProcedureStatus status, LocalDate doneOn, String cancelReason, Outcome outcome, long version) {
    }

    record ExecutionJson(LocalDate asOf, int total, int done, int doneOnTime, int late, int moved, int cancelled,
                         int overdue, int planned, BigDecimal doneOnTimeShare) {
    }

    record PlanJson(long id, int year, String title, PlanStatus status, OrderJson order, List<ProcedureJson> procedures,
                    ExecutionJson execution, long version) {
    }

    @GetMapping("/api/v1/plans")
    @Operation(summary = "Планы-графики, доступные вызывающему; year — только за этот год")
    @Transactional(readOnly = true)
    List<PlanJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        return access.list(user).stream().filter(p -> year == null || p.getYear() == year)
                .map(p -> json(p, null)).toList();
    }

    @GetMapping("/api/v1/plans/{id}")
    @Operation(summary = "План-график: приказ, процедуры и выполнение на дату (по умолчанию — сегодня в часовом поясе региона)")
    @Transactional(readOnly = true)
    PlanJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @Parameter(description = "дата, на которую считается выполнение")
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return json(access.plan(user, id), asOf);
    }

    private PlanJson json(Plan plan, LocalDate asOf) {
        PlanExecution report = asOf == null ? execution.now(plan) : execution.of(plan, asOf);
        PlanExecution.Figures f = report.total();
        List<ProcedureJson> procedures = plan.getProcedures().stream().map(p -> new ProcedureJson(p.getId(),
                p.getType().getCode(), p.getType().getName(), p.getTitle(), p.getPeriodStart(), p.getPeriodEnd(),
                p.getMovedStart(), p.getMovedEnd(), p.gradeList(), p.getSubjects(), p.getParticipants(),
                p.isObserversRequired(), p.getCoverageTarget(), p.getStatus(), p.getDoneOn(), p.getCancelReason(),
                p.outcomeOn(report.asOf()), p.getVersion())).toList();
        return new PlanJson(plan.getId(), plan.getYear(), plan.getTitle(), plan.getStatus(),
                new OrderJson(plan.getOrderIssuer(), plan.getOrderNumber(), plan.getOrderDate()), procedures,
                new ExecutionJson(report.asOf(), f.total(), f.done(), f.doneOnTime(), f.late(), f.moved(), f.cancelled(),
                        f.overdue(), f.planned(), f.share(f.doneOnTime())), plan.getVersion());
    }
}
