package ru.rsoko.execution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.execution.domain.BatchRejectedException;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.platform.web.RuleViolationException;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rsoko.platform.web.ConcurrentEditException;

@RestController
@Tag(name = "Исполнение решений", description = "Поручения организаций по решениям подписанных протоколов")
class ExecutionApiController {

    record DeadlineJson(DeadlineKind kind, LocalDate dueDate, LocalDate periodStart, String originalText) {
    }

    record DecisionRef(long id, String number, String text, DeadlineJson deadline) {
    }

    record MeetingRef(long id, String title, LocalDate date) {
    }

    record OrgRef(long id, String name, OrgUnitType type) {
    }

    record FileRef(String name, long size) {
    }

    record ExecutionJson(long id, DecisionRef decision, MeetingRef meeting, OrgRef orgUnit, Long municipalityId,
                         ExecutionStatus status, boolean recurring, LocalDate dueDate, boolean overdue, String report,
                         String reason, String evidenceUrl, FileRef evidenceFile, Instant updatedAt,
                         String updatedBy, long version) {
    }

    /** What the responsible organisation reports; on an ongoing record {@code report} is the current period's report. */
    record ExecutionPatch(ExecutionStatus status, String report, String reason, String evidenceUrl, Long version) {
    }

    /**
     * A report for several periods of an ongoing record; {@code periodStarts} omitted or empty: the earliest period
     * without a report, as PATCH files it.
     */
    record PeriodReportJson(List<LocalDate> periodStarts, String text, String evidenceUrl, Long version) {
    }

    record BulkItemJson(Long id, Long version) {
    }

    /** One status, report and link for several records, each with the version last read. */
    record BulkJson(List<BulkItemJson> items, ExecutionStatus status, String report, String reason, String evidenceUrl) {
    }

    record BulkResult(int updated, List<ExecutionJson> items) {
    }

    private final ExecutionManagement executions;

    ExecutionApiController(ExecutionManagement executions) {
        this.executions = executions;
    }

    @GetMapping("/api/v1/executions")
    @Operation(summary = "Поручения в пределах доступа, по сроку",
            description = "overdue=true — только просроченные (по времени региона); municipalityId=0 — региональные организации.")
    PagedModel<ExecutionJson> list(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(required = false) ExecutionStatus status,
                                   @RequestParam(required = false) Boolean overdue,
                                   @RequestParam(required = false) Long orgUnitId,
                                   @RequestParam(required = false) Long meetingId,
                                   @RequestParam(required = false) Long decisionId,
                                   @RequestParam(required = false) Long municipalityId,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new RuleViolationException("Номер страницы — от 0, размер страницы — от 1 до 500");
        }
        ExecutionFilter filter = new ExecutionFilter(status, overdue, orgUnitId, meetingId, decisionId, municipalityId, q);
        // today of each region on the page, asked once per region (an administrator of the deployment sees several)
        Map<Long, LocalDate> today = new HashMap<>();
        return new PagedModel<>(executions.find(user.scope(), filter, PageRequest.of(page, size))
                .map(e -> json(e, today.computeIfAbsent(e.regionId(), executions::today))));
    }

    @GetMapping("/api/v1/executions/{id}")
    @Operation(summary = "Одно поручение")
    ExecutionJson get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        ExecutionRecord execution = executions.get(user.scope(), id);
        return json(execution, executions.today(execution.regionId()));
    }

    @PatchMapping("/api/v1/executions/{id}")
    @Operation(summary = "Отчитаться о выполнении (ответственная организация)",
            description = "version из последнего чтения обязательна (без неё — 400); если запись успели изменить, ответ 409 и ничего не сохраняется. "
                    + "По постоянному поручению report — отчёт за текущий период.")
    ExecutionJson patch(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ExecutionPatch patch) {
        ExecutionRecord execution = executions.get(user.scope(), id);
        ConcurrentEditException.required(patch.version());
        if (execution.recurring() && patch.report() != null && !patch.report().isBlank()) {
            executions.addReport(user, id, patch.report(), patch.evidenceUrl(), null, patch.version());
        } else {
            executions.update(user, id, new ExecutionManagement.Update(patch.status(), patch.report(), patch.reason(),
                    patch.evidenceUrl(), null, patch.version()));
        }
        return get(user, id);
    }

    @PostMapping("/api/v1/executions/{id}/reports")
    @Operation(summary = "Отчитаться за один или несколько периодов постоянного поручения (ответственная организация)",
            description = "periodStarts — первые дни периодов (ISO-даты); без них — самый ранний период без отчёта. "
                    + "Каждый период должен быть в графике, уже начаться и не иметь отчёта, иначе ответ 422 со списком "
                    + "errors [{periodStart, message}] и ничего не сохраняется. Файл к отчёту прикладывают на странице "
                    + "поручения. Устаревшая version — 409.")
    ExecutionJson reports(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody PeriodReportJson body) {
        executions.get(user.scope(), id);
        ConcurrentEditException.required(body.version());
        executions.addReports(user, id, new ExecutionManagement.PeriodReport(
                body.periodStarts() == null ? List.of() : body.periodStarts(), body.text(), body.evidenceUrl(), null,
                body.version()));
        return get(user, id);
    }

    @PostMapping("/api/v1/executions/bulk")
    @Operation(summary = "Установить один статус нескольким поручениям (не более " + ExecutionManagement.BULK_LIMIT + ")",
            description = "items — поручения с version из последнего чтения. Всё или ничего: если хотя бы одно поручение "
                    + "нельзя изменить, ответ 422 со списком errors [{id, message}] (409, если какое-то успели изменить), "
                    + "ничего не сохраняется. Поручение вне доступа — 404.")
    BulkResult bulk(@AuthenticationPrincipal CurrentUser user, @RequestBody BulkJson body) {
        List<ExecutionManagement.BulkItem> items = body.items() == null ? List.of() : body.items().stream()
                .map(item -> {
                    if (item == null || item.id() == null) {
                        throw RuleViolationException.field("items", "У каждого элемента items укажите id поручения");
                    }
                    if (item.version() == null) {
                        throw RuleViolationException.field("items", "Укажите version у каждого элемента items — версию "
                                + "поручения из последнего чтения");
                    }
                    return new ExecutionManagement.BulkItem(item.id(), item.version());
                }).toList();
        List<ExecutionRecord> updated = executions.updateAll(user, new ExecutionManagement.BulkUpdate(items, body.status(),
                body.report(), body.reason(), body.evidenceUrl()));
        Map<Long, LocalDate> today = new HashMap<>();
        return new BulkResult(updated.size(), updated.stream()
                .map(e -> json(e, today.computeIfAbsent(e.regionId(), executions::today))).toList());
    }

    /** Several things refused at once: each with its reason, nothing written; 409 when a record was changed meanwhile. */
    @ExceptionHandler(BatchRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(HttpServletRequest request, BatchRejectedException e) {
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.conflict() ? "Конфликт изменений" : "Запрос отклонён");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            if (p.periodStart() != null) {
                error.put("periodStart", p.periodStart().toString());
            } else {
                error.put("id", p.id());
            }
            error.put("label", p.label());
            error.put("message", p.message());
            return error;
        }).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ExecutionJson json(ExecutionRecord e, LocalDate today) {
        var d = e.decision();
        var m = d.meeting();
        var deadline = d.deadline();
        return new ExecutionJson(e.id(),
                new DecisionRef(d.id(), d.number(), d.text(),
                        new DeadlineJson(deadline.kind(), deadline.dueDate(), deadline.periodStart(), deadline.originalText())),
                new MeetingRef(m.id(), m.title(), m.date()),
                new OrgRef(e.orgUnit().id(), e.orgUnit().name(), e.orgUnit().type()),
                e.municipalityId(), e.status(), e.recurring(), e.dueDate(), e.isOverdue(today), e.report(),
                e.reason(), e.evidenceUrl(),
                e.evidenceFile() == null ? null : new FileRef(e.evidenceFile().name(), e.evidenceFile().size()),
                e.updatedAt(), e.updatedBy(), e.version());
    }
}
